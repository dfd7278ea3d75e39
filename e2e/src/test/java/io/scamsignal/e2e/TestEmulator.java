package io.scamsignal.e2e;

import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMiniStack;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import java.nio.file.Path;

/**
 * The AWS emulator the integration tests run against: {@code AWS_ENDPOINT_URL} when set, else
 * moto server from the project's virtual environment, started once for the test JVM. The emulators
 * it starts show a stream record as soon as its write returns, which it declares to
 * {@link LocalPipeline#streamsReadableAtOnce}; an endpoint in {@code AWS_ENDPOINT_URL} is not declared.
 */
public final class TestEmulator {

    private static String endpoint;
    private static String fastTransactionsEndpoint;
    private static String miniStackEndpoint;

    private TestEmulator() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("scamsignal.projectDir", "..")).toAbsolutePath().normalize();
    }

    /** An emulator's log file, one per test JVM (failsafe runs two). */
    private static Path log(String name) {
        return projectDir().resolve("e2e/target/" + name + "-" + System.getProperty("scamsignal.fork", "1") + ".log");
    }

    public static synchronized String endpoint() throws Exception {
        if (endpoint == null) {
            String configured = System.getenv("AWS_ENDPOINT_URL");
            if (configured != null && !configured.isBlank()) {
                endpoint = configured;
            } else {
                EmulatorProcess moto = EmbeddedMoto.start(projectDir().resolve(".venv"), 0,
                        log("moto-it"));
                endpoint = moto.endpoint();
                LocalPipeline.streamsReadableAtOnce(endpoint);
            }
            System.out.println("integration tests run against " + endpoint);
        }
        return endpoint;
    }

    /**
     * For a test of thousands of transactions: {@code AWS_ENDPOINT_URL} when set, else a moto server of
     * its own started through tools/moto_server.py, whose item-level transaction snapshots keep moto's
     * semantics (PatchedMotoIT checks it) without copying the tables a transaction names each time
     * (moto as released: some 80 ms per transaction once the rings and indicators tables hold 600 items).
     */
    static synchronized String fastTransactionsEndpoint() throws Exception {
        if (fastTransactionsEndpoint == null) {
            String configured = System.getenv("AWS_ENDPOINT_URL");
            if (configured != null && !configured.isBlank()) {
                fastTransactionsEndpoint = configured;
            } else {
                fastTransactionsEndpoint = EmbeddedMoto.start(projectDir().resolve(".venv"), 0,
                        log("moto-it-fast"), projectDir().resolve("tools/moto_server.py"))
                        .endpoint();
                LocalPipeline.streamsReadableAtOnce(fastTransactionsEndpoint);
            }
        }
        return fastTransactionsEndpoint;
    }

    /**
     * MiniStack from the project's .venv-ministack, started once for the test JVM, whatever
     * {@code AWS_ENDPOINT_URL} says: the second emulator is the point of the tests that use it.
     */
    static synchronized String miniStackEndpoint() throws Exception {
        if (miniStackEndpoint == null) {
            miniStackEndpoint = EmbeddedMiniStack.start(projectDir().resolve(".venv-ministack"), 0,
                    log("ministack-it")).endpoint();
            LocalPipeline.streamsReadableAtOnce(miniStackEndpoint);
            System.out.println("MiniStack for the second run of the pipeline scenarios: " + miniStackEndpoint);
        }
        return miniStackEndpoint;
    }
}
