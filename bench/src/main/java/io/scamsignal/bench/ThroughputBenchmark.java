package io.scamsignal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The throughput figure: N reports through the local pipeline (runner + moto) against the
 * emulator's raw PutItem rate measured in the same run. Every figure printed is counted: reports
 * accepted, counted in the aggregates, numbers alerted, alerts received twice; a run whose idle
 * wait times out, or that loses a report or an alert, says so and exits with status 1.
 * N is the first argument (10,000 by default; make bench passes REPORTS). moto as released copies
 * its tables in every transaction (4 per second at 2,000 items); this run uses tools/moto_server.py's
 * item-level snapshots instead, for the pipeline and the floor alike.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    /** The alerts the partner inboxes received, once {@code expected} numbers have one or {@code timeout} passed. */
    static List<JsonNode> awaitAlerts(LocalPipeline pipeline, int expected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> alerts = pipeline.inboxes().stream()
                    .flatMap(i -> i.received().stream()).toList();
            if (alerts.stream().map(a -> a.at("/indicator/value").asText()).distinct().count() >= expected
                    || System.nanoTime() > deadline) {
                return alerts;
            }
            Thread.sleep(200);
        }
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int numbers = reports / 5;
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        List<String> failed = new ArrayList<>();
        // moto with item-level transaction snapshots (tools/moto_server.py): as released, each
        // transaction copies whole tables and the run would slow to a crawl as they grow
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-throughput.log"),
                project.resolve("tools/moto_server.py"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "tp-" + UUID.randomUUID().toString().substring(0, 6)))) {
            // the floor: the emulator's own PutItem rate, same client, same machine
            String table = pipeline.ref("ReporterDataTable");
            long rawStart = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                String id = "raw-" + i;
                pipeline.aws().dynamoDb().putItem(b -> b.tableName(table).item(Map.of("reportId", AttributeValue.fromS(id))));
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            HttpClient http = HttpClient.newHttpClient();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                int n = i;
                statuses.add(senders.submit(() -> http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                        .header("Content-Type", "application/json")
                        // each reporter on a network of its own: the intake's per-network limit is not what is measured
                        .header("X-Forwarded-For", "10.%d.%d.1".formatted(n / 250 % 250, n % 250))
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-27",
                                 "country":"US","scammer":{"phoneNumbers":["%s"]},"reporter":{"email":"r%d@example.org"}}"""
                                .formatted(String.format("+1 888 555 %04d", 1000 + n % numbers), n))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            int accepted = 0;
            for (Future<Integer> status : statuses) {
                accepted += status.get() == 202 ? 1 : 0;
            }
            senders.shutdown();
            boolean idle = pipeline.awaitIdle(Duration.ofSeconds(3), Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;

            long counted = 0;
            for (Map<String, AttributeValue> item : pipeline.aws().dynamoDb().scanPaginator(b -> b
                    .tableName(pipeline.ref("IndicatorsTable")).consistentRead(true)).items()) {
                if (IndicatorsTableKeys.isAggregate(item.get(IndicatorsTableKeys.SORT_KEY).s())) {
                    counted += Json.mapper().readTree(item.get("state").s()).get("reports").asLong();
                }
            }
            // the partner inbox polls its queue: give the last alerts time to arrive
            List<JsonNode> alerts = awaitAlerts(pipeline, numbers, Duration.ofSeconds(30));
            List<String> alertIds = alerts.stream().map(a -> a.get("alertId").asText()).toList();
            Set<String> distinct = new HashSet<>(alertIds);
            Set<String> numbersAlerted = new HashSet<>();
            alerts.forEach(a -> numbersAlerted.add(a.at("/indicator/value").asText()));
            System.out.println();
            System.out.printf("== Throughput: %d reports (%d numbers, 5 reporters each) through the local pipeline ==%n",
                    reports, numbers);
            System.out.printf("raw PutItem floor:  %d puts in %.1f s = %.0f/s%n", reports, rawSeconds, reports / rawSeconds);
            System.out.printf("pipeline:           %d of %d accepted; %s after %.1f s = %.0f reports/s%n", accepted, reports,
                    idle ? "streams idle" : "STILL BUSY (idle wait timed out)", seconds, reports / seconds);
            System.out.printf("ratio pipeline time / raw floor: %.2f   target <= 4%n", seconds / rawSeconds);
            System.out.printf("reports counted in aggregates: %d of %d accepted (lost: %d); numbers alerted: %d of %d; "
                    + "alerts received: %d, duplicated: %d%n", counted, accepted, accepted - counted,
                    numbersAlerted.size(), numbers, alertIds.size(), alertIds.size() - distinct.size());
            if (!idle) {
                failed.add("the pipeline was not idle within 30 minutes: the time above is not the time to process the reports");
            }
            if (accepted != reports) {
                failed.add((reports - accepted) + " reports refused");
            }
            if (counted != accepted) {
                failed.add((accepted - counted) + " accepted reports not counted");
            }
            if (numbersAlerted.size() != numbers) {
                failed.add((numbers - numbersAlerted.size()) + " numbers with 5 reporters not alerted");
            }
            if (alertIds.size() != distinct.size()) {
                failed.add((alertIds.size() - distinct.size()) + " alerts received twice");
            }
        }
        // after the emulator and the pipeline are closed
        if (!failed.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", failed));
            System.exit(1);
        }
    }
}
