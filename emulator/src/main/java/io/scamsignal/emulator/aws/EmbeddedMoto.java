package io.scamsignal.emulator.aws;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** moto server from the project's own virtual environment ({@code .venv}), as a child process on loopback. */
public final class EmbeddedMoto {

    private EmbeddedMoto() {
    }

    /** Starts moto on 127.0.0.1:{@code port} (0: any free port) and waits until it answers. */
    public static EmulatorProcess start(Path venv, int port, Path logFile) throws IOException, InterruptedException {
        return start(venv, port, logFile, null);
    }

    /**
     * As {@link #start(Path, int, Path)}; with {@code launcher} (tools/moto_server.py), moto runs with
     * item-level transaction snapshots, which long runs need (see that file): {@code make run} and
     * the benchmarks. The integration tests use moto as released (PatchedMotoIT compares the two), but
     * for the two that pile hundreds of transactions onto one stack (RingCorpusPipelineIT, SchemathesisIT).
     */
    public static EmulatorProcess start(Path venv, int port, Path logFile, Path launcher)
            throws IOException, InterruptedException {
        Path server = EmulatorProcess.executable(venv, "moto_server", "make venv");
        int chosen = EmulatorProcess.choosePort(port, "moto server");
        List<String> command = launcher == null
                ? List.of(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(chosen))
                : List.of(venv.resolve("bin/python").toString(), launcher.toString(), "-H", "127.0.0.1", "-p",
                        Integer.toString(chosen));
        Map<String, String> environment = launcher == null ? Map.of() : Map.of("SCAMSIGNAL_MOTO_FAST_TRANSACTIONS", "1");
        return EmulatorProcess.launch("moto server", command, environment, chosen, "/moto-api/", logFile);
    }
}
