package dev.uploadgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientDisconnectsTest {

    private static LogRecord record(Throwable thrown) {
        LogRecord r = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        r.setLoggerName("org.glassfish.jersey.server.ServerRuntime$Responder");
        r.setThrown(thrown);
        return r;
    }

    @Test
    void recognisesAClosedConnectionDeepInTheCauses() {
        assertTrue(ClientDisconnects.disconnect(new UncheckedIOException(new IOException("Connection is closed",
                new EOFException()))));
        assertTrue(ClientDisconnects.disconnect(new IOException("Broken pipe")));
        assertFalse(ClientDisconnects.disconnect(new IOException("No space left on device")));
        assertFalse(ClientDisconnects.disconnect(new IllegalStateException("a bug")));
        assertFalse(ClientDisconnects.disconnect(null));
    }

    @Test
    void turnsAThousandDisconnectsIntoOneLineAndLetsEverythingElseThrough() {
        List<LogRecord> summaries = new ArrayList<>();
        Logger own = Logger.getLogger(ClientDisconnects.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                summaries.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        own.addHandler(capture);
        try {
            ClientDisconnects filter = new ClientDisconnects();
            int passed = 0;
            for (int i = 0; i < 1000; i++) {
                passed += filter.isLoggable(record(new IOException("Connection is closed"))) ? 1 : 0;
            }
            assertEquals(0, passed, "no disconnect reaches the log with its stack trace");
            assertEquals(1, summaries.size(), "one line for the first minute's disconnects");
            assertTrue(filter.isLoggable(record(new IllegalStateException("a real failure"))));
            assertTrue(filter.isLoggable(record(null)));
            LogRecord anonymous = new LogRecord(Level.FINE, "no logger name");
            anonymous.setThrown(new IOException("Connection is closed"));
            assertTrue(filter.isLoggable(anonymous), "a record without a logger name passes, and nothing throws");
        } finally {
            own.removeHandler(capture);
        }
    }
}
