package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Warm CPU per request or record on the deployed path, I/O excluded: each function's
 * stream handler, fed the event JSON Lambda would deliver, with its real DynamoDB and SNS adapters
 * over clients that answer from memory ({@link DeployedPath}): the intake encodes the report and
 * reporter-data items and their transaction; enrichment reads and decodes stored aggregates and
 * reporter items, folds into them and encodes the writes; alerting reads its claim, queries report
 * ids, builds the claim item and the publish request. The SDK's marshalling to HTTP and the network
 * are not the function's CPU and are left out. Next to each, Jackson's readTree of the same JSON, the
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

    private InMemoryDynamoDb intakeDb;
    private InMemoryDynamoDb enrichmentDb;
    private DeployedPath.CountingSns alertingSns;

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
        // the real repository over a client without I/O: the report and reporter-data items and
        // their transaction are built as deployed, and dropped
        intakeDb = new InMemoryDynamoDb().frozen();
        SubmitReportService service = DeployedPath.intake(intakeDb);
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
        // the real repository over stored state: each indicator's aggregate and half the reporters'
        // items are read and decoded, folded into, encoded and written (the writes dropped)
        List<StoredReport> reports = SampleReports.reports(BATCH, SampleReports.Spread.POPULAR);
        enrichmentDb = new InMemoryDynamoDb();
        EnrichmentService service = DeployedPath.enrichment(enrichmentDb, DeployedPath.earlierReports(reports));
        enrichment = handler("io.scamsignal.enrichment.handler.EnrichReportHandler", EnrichmentService.class, service);
        payloads = reports.stream().map(SampleReports::json).toList();
        enrichmentEvent = SampleReports.streamBatch(reports);
    }

    private void setUpAlerting() throws Exception {
        // the real claims, lookup and publisher over clients without I/O: every record finds no claim,
        // so it claims, queries the report ids, builds the alert and its publish request afresh
        alertingSns = new DeployedPath.CountingSns();
        AlertingService service = DeployedPath.alerting(new InMemoryDynamoDb(), alertingSns, "phone#+18885550142", 3);
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

    /** One POST /reports: event JSON in, validation, phone normalisation, fingerprint, items encoded, response out, log, metric. */
    @Benchmark
    public String intakeRequest() throws Exception {
        String response = invoke(intake, intakeEvents.get(next++ & 63));
        if (!response.startsWith("{\"statusCode\":202")) {
            throw new IllegalStateException(response);
        }
        if (intakeDb.attributesWritten == 0) {
            throw new IllegalStateException("the repository encoded nothing");
        }
        return response;
    }

    @Benchmark
    public Object intakeReadTreeOfTheBody() throws Exception {
        return Json.mapper().readTree(intakeBodies.get(next++ & 63));
    }

    /** One report of a batch of 100 as deployed: decode, normalise, detect lookalikes, read and decode the stored state, fold, encode. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public String enrichmentRecord() throws Exception {
        String response = invoke(enrichment, enrichmentEvent);
        if (!response.contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException(response);
        }
        if (enrichmentDb.attributesWritten == 0 || enrichmentDb.itemsRead == 0) {
            throw new IllegalStateException("the repository read or wrote nothing");
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
        long before = alertingSns.published.get();
        String response = invoke(alerting, alertingEvent);
        if (alertingSns.published.get() == before) {
            throw new IllegalStateException("no alert published: " + response);
        }
        return response;
    }

    @Benchmark
    public Object alertingReadTreeOfTheAggregate() throws Exception {
        return Json.mapper().readTree(aggregateState);
    }
}
