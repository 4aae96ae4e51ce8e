package dev.lectavera.gateway.log;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

import java.io.OutputStream;
import java.time.Duration;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Level;

/**
 * The console handler of the access log: each record is formatted by the caller with the console's own formatter
 * (the same line, text or JSON, as every other log line) and written by {@link BatchedLines}.
 */
final class AccessLogConsole extends ExtHandler {

    /** As many lines as Quarkus' asynchronous console handler lets wait ({@code quarkus.log.console.async.queue-length}). */
    static final int CAPACITY = 8192;

    private final BatchedLines lines;

    AccessLogConsole(Formatter formatter, Level level, OutputStream console, Duration linger) {
        this.lines = new BatchedLines(console, CAPACITY, linger, "access-log-writer", this::writeFailed);
        setFormatter(formatter);
        setLevel(level);
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format an access-log line", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        lines.add(line);
    }

    @Override
    public void flush() {
        // BatchedLines flushes after every batch.
    }

    @Override
    public void close() {
        lines.close();
    }

    private void writeFailed(Exception e) {
        reportError("cannot write access-log lines", e, ErrorManager.WRITE_FAILURE);
    }
}
