package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose classpath is what Lambda would give the function: its deployable jar,
 * and the runtime's event serialisation. Prints one RESULT line.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    /** The process's peak resident set (VmHWM), Linux only; -1 elsewhere. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        switch (args[0]) {
            case "enrichment", "intake", "alerting" -> {
                // a stream handler: as the Java runtime does, hand it the event's bytes, read its response's
                Class<?> type = Class.forName(switch (args[0]) {
                    case "enrichment" -> "io.scamsignal.enrichment.handler.EnrichReportHandler";
                    case "intake" -> "io.scamsignal.intake.handler.SubmitReportHandler";
                    default -> "io.scamsignal.alerting.handler.ThresholdAlertHandler";
                });
                var handler = (com.amazonaws.services.lambda.runtime.RequestStreamHandler) type.getConstructor().newInstance();
                long init = System.nanoTime();
                var out = new java.io.ByteArrayOutputStream();
                try (var in = Files.newInputStream(Path.of(args[1]))) {
                    handler.handleRequest(in, out, null);
                }
                long done = System.nanoTime();
                String response = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                if (args[0].equals("intake") ? !response.startsWith("{\"statusCode\":202")
                        : !response.contains("\"batchItemFailures\":[]")) {
                    throw new IllegalStateException("not done: " + response);
                }
                System.out.printf("RESULT init=%.1f invoke=%.1f classes=%d rssMb=%.1f%n", (init - start) / 1e6,
                        (done - init) / 1e6, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                        peakRssMb());
            }
            case "naive-intake" -> {
                Class<?> type = Class.forName("io.scamsignal.bench.baseline.NaiveSubmitReportHandler");
                Object handler = type.getConstructor().newInstance();
                long init = System.nanoTime();
                var event = LambdaEventSerializers.serializerFor(
                        com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
                        ColdStartProbe.class.getClassLoader()).fromJson(Files.readString(Path.of(args[1])));
                Method handle = type.getMethod("handleRequest",
                        com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class, Context.class);
                var response = (com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse) handle.invoke(handler, event, null);
                long done = System.nanoTime();
                if (response.getStatusCode() != 202) {
                    throw new IllegalStateException("not stored: " + response.getStatusCode() + " " + response.getBody());
                }
                System.out.printf("RESULT init=%.1f invoke=%.1f classes=%d rssMb=%.1f%n", (init - start) / 1e6,
                        (done - init) / 1e6, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), peakRssMb());
            }
            case "naive-enrichment", "naive-alerting" -> {
                Class<?> type = Class.forName(args[0].equals("naive-alerting")
                        ? "io.scamsignal.bench.baseline.NaiveThresholdAlertHandler"
                        : "io.scamsignal.bench.baseline.NaiveEnrichReportHandler");
                Object handler = type.getConstructor().newInstance();
                long init = System.nanoTime();
                DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                        ColdStartProbe.class.getClassLoader()).fromJson(Files.readString(Path.of(args[1])));
                Method handle = type.getMethod("handleRequest", DynamodbEvent.class, Context.class);
                handle.invoke(handler, event, null);
                long done = System.nanoTime();
                System.out.printf("RESULT init=%.1f invoke=%.1f classes=%d rssMb=%.1f%n", (init - start) / 1e6,
                        (done - init) / 1e6, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), peakRssMb());
            }
            case "table" -> {
                Class<?> type = Class.forName("io.scamsignal.domain.brand.Confusables");
                Object table = type.getMethod("load").invoke(null);
                Object skeleton = type.getMethod("skeleton", String.class).invoke(table, "rnicrosoft");
                System.out.printf("RESULT init=%.1f skeleton=%s%n", (System.nanoTime() - start) / 1e6, skeleton);
            }
            case "icu" -> {
                Class<?> builder = Class.forName("com.ibm.icu.text.SpoofChecker$Builder");
                Object checker = builder.getMethod("build").invoke(builder.getConstructor().newInstance());
                Object skeleton = checker.getClass().getMethod("getSkeleton", CharSequence.class).invoke(checker, "rnicrosoft");
                System.out.printf("RESULT init=%.1f skeleton=%s%n", (System.nanoTime() - start) / 1e6, skeleton);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
