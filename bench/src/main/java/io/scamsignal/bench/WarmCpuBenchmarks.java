package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.aggregate.Aggregation;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 7's warm CPU per request or record, I/O excluded: each function's stream handler, fed the
 * event JSON Lambda would deliver, with in-memory ports in place of DynamoDB and SNS (their
 * requests' I/O is not the function's CPU). Next to each, Jackson's readTree of the same JSON, the
 * floor any JSON-in Lambda pays. Run by {@link WarmCpu} (make bench).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmCpuBenchmarks {

    static final int BATCH = 100;

    private RequestStreamHandler intake;
    private List<byte[]> intakeEvents;
    private List<String> intakeBodies;
    private int next;

    private RequestStreamHandler enrichment;
    private byte[] enrichmentEvent;
    private List<String> payloads;

    private RequestStreamHandler alerting;
    private byte[] alertingEvent;
    private String aggregateState;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // the handlers log a line per request: formatted, written nowhere
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        setUpIntake();
        setUpEnrichment();
        setUpAlerting();
    }

    private static <T> T handler(String type, Class<?> port, Object service) throws Exception {
        Constructor<?> constructor = Class.forName(type).getDeclaredConstructor(port);
        constructor.setAccessible(true);
        @SuppressWarnings("unchecked")
        T handler = (T) constructor.newInstance(service);
        return handler;
    }

    private void setUpIntake() throws Exception {
        ReportRepository nowhere = (report, contact, expiresAt, claim) -> new ReportRepository.SaveResult.Saved();
        SubmitReportService service = new SubmitReportService(new ReportValidator(Clock.systemUTC(), new PhoneNormalizer()),
                new ReporterFingerprint("benchmark-secret-of-some-length"), nowhere, Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), Duration.ofDays(400));
        intake = handler("io.scamsignal.intake.handler.SubmitReportHandler", SubmitReportService.class, service);
        intakeBodies = new ArrayList<>();
        intakeEvents = new ArrayList<>();
        for (var report : SampleReports.reports(64, SampleReports.Spread.POPULAR)) {
            String body = Json.mapper().writeValueAsString(Map.of(
                    "contactMethod", "popup", "impersonatedCompany", report.impersonatedCompany(),
                    "incidentDate", "2026-11-27", "country", report.country(),
                    "scammer", Map.of("phoneNumbers", report.scammer().phoneNumbers(), "websites", report.scammer().websites()),
                    "loss", Map.of("amount", "250.00", "currency", "USD", "paymentMethods", List.of("gift_card")),
                    "description", report.description(),
                    "reporter", Map.of("email", "reporter@example.org", "name", "Pat Example")));
            intakeBodies.add(body);
            intakeEvents.add(Json.mapper().writeValueAsBytes(Map.of("version", "2.0", "routeKey", "POST /reports",
                    "rawPath", "/reports", "headers", Map.of("content-type", "application/json",
                            "accept-language", "de-DE,de;q=0.9"),
                    "requestContext", Map.of("http", Map.of("method", "POST", "path", "/reports",
                            "sourceIp", "198.51.100.7", "userAgent", "Mozilla/5.0"), "requestId", "bench"),
                    "body", body, "isBase64Encoded", false)));
        }
    }

    private void setUpEnrichment() throws Exception {
        BrandRegistry brands = BrandRegistry.defaults();
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands, UsdRates.defaults());
        // the repository folds and encodes each indicator's aggregate, as the DynamoDB one does before writing
        EnrichmentService service = new EnrichmentService(planner, sameIndicator -> {
            Aggregation.Result r = Aggregation.apply(null, Map.of(), sameIndicator);
            return Json.write(r.aggregate()).isEmpty() ? 0 : r.applied().size();
        });
        enrichment = handler("io.scamsignal.enrichment.handler.EnrichReportHandler", EnrichmentService.class, service);
        List<StoredReport> reports = SampleReports.reports(BATCH, SampleReports.Spread.POPULAR);
        payloads = reports.stream().map(SampleReports::json).toList();
        enrichmentEvent = SampleReports.streamBatch(reports);
    }

    private void setUpAlerting() throws Exception {
        // every record claims and publishes afresh: the full path of an alert, encoded as SNS would get it
        AlertClaims fresh = new AlertClaims() {
            @Override
            public Result claim(String alertId, java.util.function.Supplier<io.scamsignal.domain.alert.AlertMessage> candidate,
                                String owner, java.time.Instant now) {
                return new Result.Claimed(candidate.get());
            }

            @Override
            public void markSent(String alertId, String publishedMessageId, java.time.Instant now) {
            }
        };
        AlertingService service = new AlertingService(new AlertRules(AlertRuleConfig.defaults()), fresh,
                message -> Json.write(message).length() + ":" + message.filterAttributes().hashCode(),
                (indicator, max) -> List.of("r1", "r2", "r3"), Clock.systemUTC());
        alerting = handler("io.scamsignal.alerting.handler.ThresholdAlertHandler", AlertingService.class, service);
        Path project = Path.of(System.getProperty("scamsignal.projectDir", "."));
        alertingEvent = Files.readAllBytes(project.resolve("events/dynamodb/indicator-aggregate-modified.json"));
        aggregateState = Json.mapper().readTree(alertingEvent).at("/Records/0/dynamodb/NewImage/state/S").asText();
    }

    private static String invoke(RequestStreamHandler handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One POST /reports: event JSON in, validation, phone normalisation, fingerprint, response out, log, metric. */
    @Benchmark
    public String intakeRequest() throws Exception {
        String response = invoke(intake, intakeEvents.get(next++ & 63));
        if (!response.startsWith("{\"statusCode\":202")) {
            throw new IllegalStateException(response);
        }
        return response;
    }

    @Benchmark
    public Object intakeReadTreeOfTheBody() throws Exception {
        return Json.mapper().readTree(intakeBodies.get(next++ & 63));
    }

    /** One report of a batch of 100 as deployed: decode, normalise, detect lookalikes, fold, encode. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public String enrichmentRecord() throws Exception {
        String response = invoke(enrichment, enrichmentEvent);
        if (!response.contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException(response);
        }
        return response;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int enrichmentReadTreeOfThePayload() throws Exception {
        int n = 0;
        for (String payload : payloads) {
            n += Json.mapper().readTree(payload).size();
        }
        return n;
    }

    /** One aggregate change that crosses a rule: decode, evaluate, claim, build the alert and its STIX bundle, encode. */
    @Benchmark
    public String alertingRecord() throws Exception {
        return invoke(alerting, alertingEvent);
    }

    @Benchmark
    public Object alertingReadTreeOfTheAggregate() throws Exception {
        return Json.mapper().readTree(aggregateState);
    }
}
