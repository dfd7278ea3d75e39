package io.scamsignal.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the test JVM writes to standard output and error, kept as well as printed: the functions
 * log through JsonLog to {@code System.out} (CloudWatch in Lambda) and the runner to
 * {@code System.err}, so this is what CloudWatch would hold. JsonLog takes {@code System.out} when
 * a handler is built, so {@link #install()} runs before any pipeline starts.
 */
final class LogCapture {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean installed;

    private LogCapture() {
    }

    static synchronized void install() {
        if (!installed) {
            System.setOut(tee(System.out));
            System.setErr(tee(System.err));
            installed = true;
        }
    }

    /** Everything written since {@link #install()}. */
    static String text() {
        synchronized (CAPTURED) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }

    /** Everything written since {@code offset} (a length {@link #length()} returned). */
    static String since(int offset) {
        synchronized (CAPTURED) {
            byte[] all = CAPTURED.toByteArray();
            return new String(all, Math.min(offset, all.length), Math.max(0, all.length - offset), StandardCharsets.UTF_8);
        }
    }

    static int length() {
        synchronized (CAPTURED) {
            return CAPTURED.size();
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CAPTURED) {
                    CAPTURED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CAPTURED) {
                    CAPTURED.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
