package io.mcpgov.registry.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the application logs while it is open, down to debug for the registry's own categories: messages,
 * parameters and stack traces, as text. For tests that check what must never be logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final String REGISTRY = "io.mcpgov";

    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger registry = Logger.getLogger(REGISTRY);
    private final Level registryLevel;

    private LogCapture() {
        setLevel(Level.ALL);
        registryLevel = registry.getLevel();
        registry.setLevel(Level.FINE);
        root.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            line.append(' ').append(Arrays.toString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    /** The log so far, one record a line. */
    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        root.removeHandler(this);
        registry.setLevel(registryLevel);
    }
}
