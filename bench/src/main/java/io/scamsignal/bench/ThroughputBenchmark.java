package io.scamsignal.bench;

import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.domain.storage.ReportsTableKeys;
import io.scamsignal.local.LocalPipeline;
import io.scamsignal.local.emulator.EmbeddedMoto;
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
 * Issue 7's throughput figure: N reports through the local pipeline (runner + moto) against the
 * emulator's raw PutItem rate measured in the same run; every report counted, no alert twice.
 * N is the first argument (10,000 by default; make bench passes REPORTS). moto as released copies
 * its tables in every transaction (4 per second at 2,000 items); this run uses tools/moto_server.py's
 * item-level snapshots instead, for the pipeline and the floor alike.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int numbers = reports / 5;
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        // moto with item-level transaction snapshots (tools/moto_server.py): as released, each
        // transaction copies whole tables and the run would slow to a crawl as they grow
        try (EmbeddedMoto moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-throughput.log"),
                project.resolve("tools/moto_server.py"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "tp-" + UUID.randomUUID().toString().substring(0, 6)))) {
            // the floor: the emulator's own PutItem rate, same client, same machine
            String table = pipeline.ref("ReporterDataTable");
            long rawStart = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                String id = "raw-" + i;
                pipeline.aws().dynamoDb().putItem(b -> b.tableName(table).item(Map.of(ReportsTableKeys.REPORT_ID, AttributeValue.fromS(id))));
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
            pipeline.awaitIdle(Duration.ofSeconds(3), Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;

            long counted = 0;
            for (Map<String, AttributeValue> item : pipeline.aws().dynamoDb().scanPaginator(b -> b
                    .tableName(pipeline.ref("IndicatorsTable"))).items()) {
                if (IndicatorsTableKeys.isAggregate(item.get(IndicatorsTableKeys.SORT_KEY).s())) {
                    counted += io.scamsignal.domain.json.Json.mapper().readTree(item.get("state").s()).get("reports").asLong();
                }
            }
            List<String> alertIds = pipeline.inboxes().stream().flatMap(i -> i.received().stream())
                    .map(a -> a.get("alertId").asText()).toList();
            Set<String> distinct = new HashSet<>(alertIds);
            System.out.println();
            System.out.printf("== Throughput: %d reports (%d numbers, 5 reporters each) through the local pipeline ==%n",
                    reports, numbers);
            System.out.printf("raw PutItem floor:  %d puts in %.1f s = %.0f/s%n", reports, rawSeconds, reports / rawSeconds);
            System.out.printf("pipeline:           %d accepted, all enriched and alerted in %.1f s = %.0f reports/s%n",
                    accepted, seconds, reports / seconds);
            System.out.printf("ratio pipeline time / raw floor: %.2f   target <= 4%n", seconds / rawSeconds);
            System.out.printf("reports counted in aggregates: %d (lost: %d); alerts: %d, duplicated: %d%n", counted,
                    reports - counted, alertIds.size(), alertIds.size() - distinct.size());
        }
    }
}
