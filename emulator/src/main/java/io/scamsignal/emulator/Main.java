package io.scamsignal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make run}: the pipeline on this machine. Standard output carries only the alerts, one
 * JSON line each; the runner's and the functions' logs go to standard error.
 *
 * <p>Environment: {@code AWS_ENDPOINT_URL} (an emulator or account to use instead of the embedded
 * moto), {@code PORT} (API port, 3000), {@code MOTO_PORT} (4566), {@code SCAMSIGNAL_VENV} (.venv),
 * {@code SCAMSIGNAL_MOTO_LAUNCHER} (tools/moto_server.py), {@code SCAMSIGNAL_TEMPLATE} (infra/template.yaml), {@code STACK_NAME} (scamsignal-local),
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream alerts = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream logs = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // function logs (JSON lines on stdout in Lambda) go where CloudWatch would be: not among the alerts
        System.setOut(logs);

        Path template = Path.of(env("SCAMSIGNAL_TEMPLATE", "infra/template.yaml"));
        if (!Files.isRegularFile(template)) {
            logs.println("no template at " + template.toAbsolutePath() + ": run from the project root (make run)");
            System.exit(2);
        }
        EmulatorProcess moto = null;
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            int motoPort = Integer.parseInt(env("MOTO_PORT", "4566"));
            // item-level transaction snapshots (tools/moto_server.py, same semantics as released): as
            // released, every transaction copies whole tables and a long run slows to a crawl
            Path launcher = Path.of(env("SCAMSIGNAL_MOTO_LAUNCHER", "tools/moto_server.py"));
            moto = EmbeddedMoto.start(Path.of(env("SCAMSIGNAL_VENV", ".venv")), motoPort, Path.of("target/moto.log"),
                    Files.isRegularFile(launcher) ? launcher : null);
            endpoint = moto.endpoint();
            logs.println("moto server started at " + endpoint + " (log: target/moto.log)");
            moto.onUnexpectedExit(() -> {
                logs.println("moto server exited unexpectedly (log: target/moto.log); stopping");
                System.exit(1);
            });
        } else {
            logs.println("using the AWS endpoint " + endpoint);
        }
        LocalPipeline.Options options = LocalPipeline.Options.defaults(template, endpoint, env("STACK_NAME", "scamsignal-local"))
                .withPort(Integer.parseInt(env("PORT", "3000")))
                .withCredentials(env("AWS_REGION", "us-east-1"), env("AWS_ACCESS_KEY_ID", "test"),
                        env("AWS_SECRET_ACCESS_KEY", "test"))
                .withAlerts(alert -> printAlert(alerts, alert));
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(options);
        } catch (Exception e) {
            if (moto != null) {
                moto.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EmulatorProcess startedMoto = moto;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            logs.println("stopping the local pipeline");
            pipeline.close();
            if (startedMoto != null) {
                startedMoto.close();
            }
            stopped.countDown();
        }, "pipeline-shutdown"));
        logs.printf("ScamSignal is running:%n"
                        + "  report form   http://127.0.0.1:%1$d/%n"
                        + "  intake API    POST http://127.0.0.1:%1$d/reports%n"
                        + "  health        GET  http://127.0.0.1:%1$d/health%n"
                        + "  alerts        printed below as JSON lines (standard output)%n"
                        + "Ctrl-C stops everything.%n", pipeline.port());
        stopped.await();
    }

    private static synchronized void printAlert(PrintStream out, JsonNode alert) {
        out.println(alert.toString());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
