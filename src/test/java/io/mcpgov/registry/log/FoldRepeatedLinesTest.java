package io.mcpgov.registry.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/** The console's handler folds repeated warnings as configured, and lets everything else through. */
@QuarkusTest
@RegistryTest
class FoldRepeatedLinesTest {

    @Test
    void theConsoleWritesTheFirstWarningOfAKindAndFoldsTheRepeats() {
        Filter filter = consoleFilter();
        String logger = "io.mcpgov.registry.test.Fold" + System.nanoTime();

        assertThat(filter.isLoggable(warning(logger, "Database unavailable (request %s): %s", "r1"))).isTrue();
        for (int i = 2; i < 50; i++) {
            assertThat(filter.isLoggable(warning(logger, "Database unavailable (request %s): %s", "r" + i)))
                    .as("repeat " + i).isFalse();
        }
        assertThat(filter.isLoggable(warning(logger, "Another kind of %s", "failure"))).isTrue();
        assertThat(filter.isLoggable(record(Level.INFO, logger, "Database unavailable (request %s): %s", "r99")))
                .as("below WARN").isTrue();
    }

    private static ExtLogRecord warning(String logger, String template, String argument) {
        return record(Level.WARNING, logger, template, argument);
    }

    private static ExtLogRecord record(Level level, String logger, String template, String argument) {
        ExtLogRecord record = new ExtLogRecord(level, template, ExtLogRecord.FormatStyle.PRINTF, logger);
        record.setLoggerName(logger);
        record.setParameters(new Object[] {argument, "SQL state 08006"});
        return record;
    }

    /** The filter of the handler that writes to the console, wherever Quarkus has put it (beside its own filters). */
    private static Filter consoleFilter() {
        List<Handler> handlers = new ArrayList<>(List.of(LogContext.getLogContext().getLogger("").getHandlers()));
        while (!handlers.isEmpty()) {
            Handler handler = handlers.remove(0);
            if (handler instanceof ConsoleHandler) {
                assertThat(handler.getFilter()).as("the console handler's filter").isNotNull();
                return handler.getFilter();
            }
            if (handler instanceof ExtHandler ext) {
                handlers.addAll(List.of(ext.getHandlers()));
            }
        }
        throw new AssertionError("no console handler");
    }
}
