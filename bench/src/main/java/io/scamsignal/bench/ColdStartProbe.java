package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a fresh JVM whose classpath is what Lambda would give the function: its deployable jar
 * (or its textbook baseline's own jar), and the runtime's event serialisation. Prints one RESULT line.
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
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        return (PojoSerializer<Object>) (PojoSerializer<?>) LambdaEventSerializers.serializerFor(type,
                ColdStartProbe.class.getClassLoader());
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
                var handler = (RequestStreamHandler) type.getConstructor().newInstance();
                long init = System.nanoTime();
                var out = new ByteArrayOutputStream();
                try (var in = Files.newInputStream(Path.of(args[1]))) {
                    handler.handleRequest(in, out, null);
                }
                long done = System.nanoTime();
                String response = out.toString(StandardCharsets.UTF_8);
                if (args[0].equals("intake") ? !response.startsWith("{\"statusCode\":202")
                        : !response.contains("\"batchItemFailures\":[]")) {
                    throw new IllegalStateException("not done: " + response);
                }
                System.out.printf("RESULT init=%.1f invoke=%.1f classes=%d rssMb=%.1f%n", (init - start) / 1e6,
                        (done - init) / 1e6, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                        peakRssMb());
            }
            case "naive-intake", "naive-enrichment", "naive-alerting" -> {
                // a POJO handler: as the Java runtime does, deserialise the event, call it, serialise its answer
                Class<?> type = Class.forName(switch (args[0]) {
                    case "naive-intake" -> "io.scamsignal.bench.baseline.NaiveSubmitReportHandler";
                    case "naive-enrichment" -> "io.scamsignal.bench.baseline.NaiveEnrichReportHandler";
                    default -> "io.scamsignal.bench.baseline.NaiveThresholdAlertHandler";
                });
                Class<?> eventType = args[0].equals("naive-intake") ? APIGatewayV2HTTPEvent.class : DynamodbEvent.class;
                Object handler = type.getConstructor().newInstance();
                long init = System.nanoTime();
                Object event = serializer(eventType).fromJson(Files.readString(Path.of(args[1])));
                Method handle = type.getMethod("handleRequest", eventType, Context.class);
                Object response = handle.invoke(handler, event, null);
                var out = new ByteArrayOutputStream();
                serializer(response.getClass()).toJson(response, out);
                long done = System.nanoTime();
                String json = out.toString(StandardCharsets.UTF_8);
                boolean ok = response instanceof APIGatewayV2HTTPResponse http ? http.getStatusCode() == 202
                        : ((StreamsEventResponse) response).getBatchItemFailures().isEmpty();
                if (!ok) {
                    throw new IllegalStateException("not done: " + json);
                }
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
