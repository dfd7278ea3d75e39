package io.scamsignal.domain.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public static Result run(String script, List<String> args) throws IOException, InterruptedException {
        Path python = projectDir().resolve(".venv/bin/python");
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException(python + " is missing: run `make venv` (make test does it for you)");
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), projectDir().resolve(script).toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}
