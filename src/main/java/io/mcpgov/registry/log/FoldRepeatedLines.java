package io.mcpgov.registry.log;

import io.quarkus.logging.LoggingFilter;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Folds repeated warnings and errors: while the database is away every request and every background pass fails the
 * same way, and a line each would bury the log. One line per kind (logger and message template) is written per
 * {@code registry.log.fold-interval}; the next one written carries how many were folded, and a kind that falls quiet
 * gets a line of its own with the count. Lines below WARN pass untouched. Installed on the console handler by
 * {@code quarkus.log.console.filter}.
 */
@LoggingFilter(name = FoldRepeatedLines.NAME)
public final class FoldRepeatedLines implements Filter {

    public static final String NAME = "fold-repeated-lines";
    /** Kinds tracked at once; lines of further kinds are written unfolded. */
    private static final int MAX_KINDS = 1000;
    private static final Logger SUMMARIES = Logger.getLogger(FoldRepeatedLines.class.getName());
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "log-fold-summaries");
        t.setDaemon(true);
        return t;
    });

    private final Duration interval;
    private final LineFolder folder;

    public FoldRepeatedLines(
            @ConfigProperty(name = "registry.log.fold-interval", defaultValue = LogConfig.FOLD_INTERVAL) String interval) {
        this.interval = DurationConverter.parseDuration(interval.trim());
        if (this.interval.isZero() || this.interval.isNegative()) {
            this.folder = null;
            return;
        }
        this.folder = new LineFolder(this.interval, MAX_KINDS, System::nanoTime);
        long period = Math.max(1, this.interval.toMillis());
        FLUSHER.scheduleWithFixedDelay(this::writeSummaries, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (folder == null || record.getLevel().intValue() < Level.WARNING.intValue()
                || SUMMARIES.getName().equals(record.getLoggerName())) {
            return true;
        }
        long folded = folder.offer(record.getLoggerName(), String.valueOf(record.getMessage()), () -> written(record));
        if (folded < 0) {
            return false;
        }
        if (folded > 0) {
            note(record, " [" + folded + " more like this folded in the last " + describe(interval) + "]");
        }
        return true;
    }

    private void writeSummaries() {
        try {
            for (LineFolder.Summary s : folder.due()) {
                SUMMARIES.log(org.jboss.logmanager.Level.WARN, "{0} more lines like this were folded in the last {1}: [{2}] {3}",
                        new Object[] {String.valueOf(s.folded()), describe(interval), s.logger(), s.example()});
            }
        } catch (RuntimeException e) {
            // the flusher must go on; a summary lost is only a count
        }
    }

    /** Appends {@code note} to the record's message as written, whatever its format style. */
    private static void note(LogRecord record, String note) {
        String line = written(record) + note;
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(line, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(line);
        }
        record.setParameters(null);
    }

    /** The record's message as a handler writes it, its parameters in place. */
    private static String written(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : new SimpleFormatter().formatMessage(record);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
