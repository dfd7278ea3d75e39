package io.scamsignal.domain.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a script of tools/ with the project's .venv python (make venv installs it), for the ITs. */
public final class VenvPython {

    public record Result(int exitCode, String output) {
    }

    private VenvPython() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("scamsignal.projectDir", "../..")).toAbsolutePath().normalize();
    }

    /** {@code script} (a path under the project) with {@code args}, at most five minutes. */
    public static Result run(String script, List<String> args) throws IOException, InterruptedException {
        // -Dscamsignal.python=<interpreter> runs another virtual environment's python (one with a newly pinned tool)
        Path python = Path.of(System.getProperty("scamsignal.python", projectDir().resolve(".venv/bin/python").toString()));
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException(python + " is missing: run `make venv` (make test does it for you)");
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), projectDir().resolve(script).toString()));
        command.addAll(args);
        return run(command, Duration.ofMinutes(5));
    }

    /**
     * Runs {@code command} with a time limit: its output goes to a file (a hung tool cannot block a
     * reader), and the process and its children are killed when it is over, whatever happened.
     */
    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("venv-python", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; its output: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
