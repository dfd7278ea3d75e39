package io.scamsignal.emulator.aws;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An AWS emulator (moto server, MiniStack) from a project-local virtual environment, run as a child
 * process on loopback. Closing it stops the process and any it started.
 */
public class EmulatorProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final String endpoint;
    private volatile boolean closing;

    EmulatorProcess(String name, Process process, String endpoint) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts {@code command} with {@code environment} added, its output to {@code logFile}, and waits
     * until {@code endpoint + readyPath} answers below 500.
     */
    static EmulatorProcess launch(String name, List<String> command, Map<String, String> environment, int port,
            String readyPath, Path logFile) throws IOException, InterruptedException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        EmulatorProcess emulator = new EmulatorProcess(name, process, "http://127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, name + "-shutdown"));
        emulator.awaitReady(readyPath, Duration.ofSeconds(60), logFile);
        return emulator;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Runs {@code action} if the emulator exits before {@link #close()} is called. */
    public void onUnexpectedExit(Runnable action) {
        process.onExit().thenRun(() -> {
            if (!closing) {
                action.run();
            }
        });
    }

    private void awaitReady(String readyPath, Duration timeout, Path logFile) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start; its log: " + logFile + "\n"
                        + Files.readString(logFile));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + readyPath).toURL().openConnection();
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
        throw new IllegalStateException(name + " did not answer within " + timeout.toSeconds() + " s; log: " + logFile);
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

    /** The emulator's process (its RSS is what the load benchmark reports). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** {@code port}, or a free loopback port when it is 0; fails when a given port is taken. */
    static int choosePort(int port, String name) throws IOException {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " is taken: stop what listens there, or point "
                    + "AWS_ENDPOINT_URL at it if it is the " + name + " you want to use");
        }
    }

    static Path executable(Path venv, String program, String install) {
        Path path = venv.resolve("bin").resolve(program);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(program + " not found at " + path + ": run `" + install
                    + "` (make test does it for you), or set AWS_ENDPOINT_URL to an emulator");
        }
        return path;
    }
}
