package io.mcpgov.registry.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PageWritersTest {

    @Test
    void onlyDeadlocksAndSerialisationFailuresAreTriedAgain() {
        assertTrue(PageWriters.lostToAnotherPage(new IllegalStateException(new SQLException("deadlock", "40P01"))));
        assertTrue(PageWriters.lostToAnotherPage(new RuntimeException(new RuntimeException(new SQLException("x", "40001")))));
        assertFalse(PageWriters.lostToAnotherPage(new IllegalStateException(new SQLException("unique", "23505"))));
        assertFalse(PageWriters.lostToAnotherPage(new IllegalStateException("no SQL at all")));
    }
}
