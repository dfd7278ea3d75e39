package io.scamsignal.emulator.aws;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * MiniStack from its own virtual environment ({@code .venv-ministack}: it pins a botocore that moto's
 * does not accept), as a child process on loopback, with its state in memory. It is stricter than moto
 * where AWS is (reserved words in expressions, among others), so the pipeline scenarios run on both.
 */
public final class EmbeddedMiniStack {

    private EmbeddedMiniStack() {
    }

    /** Starts MiniStack on 127.0.0.1:{@code port} (0: any free port) and waits until it answers. */
    public static EmulatorProcess start(Path venv, int port, Path logFile) throws IOException, InterruptedException {
        Path server = EmulatorProcess.executable(venv, "ministack", "make venv-ministack");
        int chosen = EmulatorProcess.choosePort(port, "MiniStack");
        return EmulatorProcess.launch("MiniStack", List.of(server.toString()),
                Map.of("GATEWAY_PORT", Integer.toString(chosen), "BIND_HOST", "127.0.0.1", "PERSIST_STATE", "0",
                        "LOG_LEVEL", "WARNING"),
                chosen, "/_ministack/health", logFile);
    }
}
