package io.scamsignal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (a Python tool, chromium): its standard output goes to a file, so a tool
 * that hangs never blocks the reader; it is waited for with a time limit; and {@link #close()} kills
 * it and its children, whatever the test did, for use in try-with-resources.
 */
final class ExternalProcess implements AutoCloseable {

    record Result(int exitCode, String output) {
    }

    private final Process process;
    private final Path output;
    private final String name;

    private ExternalProcess(Process process, Path output, String name) {
        this.process = process;
        this.output = output;
        this.name = name;
    }

    /** Starts {@code builder}; its standard output, unless redirected already, is kept for {@link Result#output()}. */
    static ExternalProcess start(ProcessBuilder builder) throws IOException {
        Path output = null;
        if (builder.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            output = Files.createTempFile("external-process", ".out");
            builder.redirectOutput(output.toFile());
        }
        return new ExternalProcess(builder.start(), output, String.join(" ", builder.command()));
    }

    /** Runs {@code builder} to its end; fails when it takes longer than {@code timeout}, and then kills it. */
    static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        try (ExternalProcess process = start(builder)) {
            return process.finish(timeout);
        }
    }

    /** Waits for the end, at most {@code timeout}: past it the process is killed and this throws. */
    Result finish(Duration timeout) throws InterruptedException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not finish within " + timeout + "; its output: " + output());
            }
            return new Result(process.exitValue(), output());
        } finally {
            close();
        }
    }

    private String output() {
        try {
            return output == null ? "" : Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            if (output != null) {
                Files.deleteIfExists(output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
