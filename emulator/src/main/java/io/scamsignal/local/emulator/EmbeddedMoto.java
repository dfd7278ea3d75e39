package io.scamsignal.local.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto server from the project's own virtual environment, as a child process on loopback. Closing
 * it stops the process and any it started.
 */
public final class EmbeddedMoto implements AutoCloseable {

    private final Process process;
    private final String endpoint;
    private volatile boolean closing;

    private EmbeddedMoto(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto on 127.0.0.1:{@code port} (0: any free port) and waits until it answers. */
    public static EmbeddedMoto start(Path venv, int port, Path logFile) throws IOException, InterruptedException {
        return start(venv, port, logFile, null);
    }

    /**
     * As {@link #start(Path, int, Path)}; with {@code launcher} (tools/moto_server.py), moto runs with
     * item-level transaction snapshots, which long runs need (see that file): {@code make run} and
     * the benchmarks. The integration tests use moto as released (PatchedMotoIT compares the two).
     */
    public static EmbeddedMoto start(Path venv, int port, Path logFile, Path launcher)
            throws IOException, InterruptedException {
        Path server = venv.resolve("bin/moto_server");
        if (!Files.isExecutable(server)) {
            throw new IllegalStateException("moto server not found at " + server
                    + ": run `make venv` (make run and make test do it for you), or set AWS_ENDPOINT_URL to an emulator");
        }
        int chosen = port == 0 ? freePort() : port;
        if (port != 0 && !isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken: stop what listens there, or point "
                    + "AWS_ENDPOINT_URL at it if it is an AWS emulator you want to use");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        List<String> command = launcher == null
                ? List.of(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(chosen))
                : List.of(venv.resolve("bin/python").toString(), launcher.toString(), "-H", "127.0.0.1", "-p",
                        Integer.toString(chosen));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (launcher != null) {
            builder.environment().put("SCAMSIGNAL_MOTO_FAST_TRANSACTIONS", "1");
        }
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        EmbeddedMoto moto = new EmbeddedMoto(process, "http://127.0.0.1:" + chosen);
        Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "moto-shutdown"));
        moto.awaitReady(Duration.ofSeconds(60), logFile);
        return moto;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Runs {@code action} if moto server exits before {@link #close()} is called. */
    public void onUnexpectedExit(Runnable action) {
        process.onExit().thenRun(() -> {
            if (!closing) {
                action.run();
            }
        });
    }

    private void awaitReady(Duration timeout, Path logFile) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto server exited at start; its log: " + logFile + "\n"
                        + Files.readString(logFile));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() < 500) {
                    c.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("moto server did not answer within " + timeout.toSeconds() + " s; log: " + logFile);
    }

    @Override
    public void close() {
        closing = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The moto server process (its RSS is what the load benchmark reports). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
