package io.mcpgov.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class GenerationFenceTest {

    @Inject
    GenerationFence fence;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReadSeesTheCounterAsTheDatabaseHadItAfterTheReadArrived() throws Exception {
        long before = fence.current().generation();
        // as a change committed by another instance
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE registry_generation SET generation = generation + 1 WHERE id = 1");
        }

        assertThat(fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS).generation()).isGreaterThan(before);
    }
}
