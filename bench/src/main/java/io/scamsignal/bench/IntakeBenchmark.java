package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 3's figure: the warm intake handler's CPU per request, I/O excluded (a repository port that
 * stores nothing, logs and metrics formatted but written nowhere), against Jackson's readTree of
 * the same body. Target: at most 5x.
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream console = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        ReportRepository nowhere = (report, contact, expiresAt, claim) -> new ReportRepository.SaveResult.Saved();
        SubmitReportService service = new SubmitReportService(new ReportValidator(Clock.systemUTC(), new PhoneNormalizer()),
                new ReporterFingerprint("benchmark-secret-of-some-length"), nowhere, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), Duration.ofDays(400));
        Class<?> type = Class.forName("io.scamsignal.intake.handler.SubmitReportHandler");
        Constructor<?> constructor = type.getDeclaredConstructor(SubmitReportService.class);
        constructor.setAccessible(true);
        RequestStreamHandler handler = (RequestStreamHandler) constructor.newInstance(service);

        List<String> bodies = new ArrayList<>();
        for (var report : SampleReports.reports(64, SampleReports.Spread.POPULAR)) {
            bodies.add(Json.MAPPER.writeValueAsString(Map.of(
                    "contactMethod", "popup", "impersonatedCompany", report.impersonatedCompany(),
                    "incidentDate", "2026-11-27", "country", report.country(),
                    "scammer", Map.of("phoneNumbers", report.scammer().phoneNumbers(), "websites", report.scammer().websites()),
                    "loss", Map.of("amount", "250.00", "currency", "USD", "paymentMethods", List.of("gift_card")),
                    "description", report.description(),
                    "reporter", Map.of("email", "reporter@example.org", "name", "Pat Example"))));
        }
        // the event as Lambda delivers it to a stream handler: the HTTP API's payload 2.0 JSON
        List<byte[]> events = new ArrayList<>();
        for (String body : bodies) {
            events.add(Json.MAPPER.writeValueAsBytes(Map.of("version", "2.0", "routeKey", "POST /reports",
                    "rawPath", "/reports", "headers", Map.of("content-type", "application/json",
                            "accept-language", "de-DE,de;q=0.9"),
                    "requestContext", Map.of("http", Map.of("method", "POST", "path", "/reports",
                            "sourceIp", "198.51.100.7", "userAgent", "Mozilla/5.0"), "requestId", "bench"),
                    "body", body, "isBase64Encoded", false)));
        }
        long[] sink = new long[1];
        Runnable intake = () -> {
            for (byte[] event : events) {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
                    handler.handleRequest(new ByteArrayInputStream(event), out, null);
                    String response = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                    if (!response.startsWith("{\"statusCode\":202")) {
                        throw new IllegalStateException(response);
                    }
                    sink[0] += response.length();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Runnable parse = () -> {
            for (String body : bodies) {
                try {
                    sink[0] += Json.MAPPER.readTree(body).size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        for (long end = System.nanoTime() + 4_000_000_000L; System.nanoTime() < end; ) {
            intake.run();
            parse.run();
        }
        List<Double> intakeUs = new ArrayList<>();
        List<Double> parseUs = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            double i = time(intake, 20) / (20.0 * events.size());
            double p = time(parse, 20) / (20.0 * bodies.size());
            intakeUs.add(i / 1000);
            parseUs.add(p / 1000);
            ratios.add(i / p);
        }
        System.setOut(console);
        System.out.println();
        System.out.println("== Intake benchmark: warm handler per request, no I/O (15 interleaved rounds of "
                + 20 * events.size() + " requests) ==");
        System.out.println("Jackson readTree of the same body: " + Stats.of(parseUs).format("µs"));
        System.out.println("intake handler (event JSON in, validate, normalise phones, fingerprint, response JSON out, log, metrics): "
                + Stats.of(intakeUs).format("µs"));
        System.out.println("ratio intake / readTree: " + Stats.of(ratios).format("x") + "   target <= 5x   (sink "
                + (sink[0] % 10) + ")");
    }

    private static double time(Runnable r, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            r.run();
        }
        return System.nanoTime() - start;
    }
}
