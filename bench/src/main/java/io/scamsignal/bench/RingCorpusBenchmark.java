package io.scamsignal.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.ring.RingCorpusCheck;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.support.RingCorpus;
import io.scamsignal.intake.adapter.DynamoDbReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import io.scamsignal.emulator.AlertInbox;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.emulator.aws.MeteringProxy;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.LocalFunction;
import io.scamsignal.emulator.lambda.ManualStreamDelivery;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.Arrays;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ring recovery demand at full size, through the deployed enrichment function on moto: the
 * corpus of RingCorpusTest (campaigns of 10 to 2,000 victims, 400 noise reports, plus two bridge
 * reports joining campaigns) stored as intake stores reports, the reports stream's own records cut
 * into batches of up to BatchSize, each batch delivered three times, all deliveries shuffled (as
 * e2e's RingCorpusPipelineIT does at test size). Prints time, requests, item writes and write units
 * per report, and the recovery check (RingCorpusCheck); exits 1 when the rings are not exactly the
 * true ones. {@code -Dbench.ringSeed} repeats a shuffle; {@code -Dbench.ringCorpus=10,12,25} sizes
 * the campaigns (quick check).
 */
public final class RingCorpusBenchmark {

    private static final int COPIES = 3;

    private RingCorpusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        long seed = Long.getLong("bench.ringSeed", System.nanoTime());
        List<Integer> victims = Arrays.stream(System.getProperty("bench.ringCorpus", "10,12,25,60,120,300,2000")
                .split(",")).map(String::trim).map(Integer::valueOf).toList();
        int noise = Integer.getInteger("bench.ringNoise", 400);
        // two late bridges: the two smallest campaigns, and the 60- and 120-victim ones when present
        List<RingCorpus.Join> joins = new ArrayList<>(List.of(new RingCorpus.Join(0, 1)));
        if (victims.size() > 4) {
            joins.add(new RingCorpus.Join(3, 4));
        }
        RingCorpus.Corpus corpus = RingCorpus.generate(42, victims, noise, joins);
        System.out.printf("== Ring corpus through the pipeline: %d reports (campaigns of %s victims, %d noise, %d bridges), "
                + "every batch delivered %d times in shuffled order (seed %d, -Dbench.ringSeed repeats it) ==%n",
                corpus.reports().size(), victims, noise, joins.size(), COPIES, seed);
        String stack = "bench-ringcorpus-" + UUID.randomUUID().toString().substring(0, 6);
        // the function logs a line per batch; its errors are what matter here (JsonLog keeps the stream
        // it finds when the handler is built, so the filter goes in before the pipeline starts)
        PrintStream console = System.out;
        System.setOut(new PrintStream(new ErrorLinesOnly(console), true, StandardCharsets.UTF_8));
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0,
                project.resolve("bench/target/moto-ringcorpus.log"), project.resolve("tools/moto_server.py"));
             MeteringProxy meter = MeteringProxy.start(moto.endpoint());
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                     project.resolve("infra/template.yaml"), meter.endpoint(), stack)
                     // the check is against the connected components: every link merges (no corroboration)
                     .withParameters(Map.of("RingMergeMinNetworks", "1")))) {
            System.setOut(console);
            pipeline.stopStreams();
            // the inboxes' polling is no part of what is measured
            pipeline.inboxes().forEach(AlertInbox::close);
            DynamoDbClient dynamoDb = pipeline.aws().dynamoDb();
            DynamoDbReportRepository intake = new DynamoDbReportRepository(dynamoDb, pipeline.ref("ReportsTable"),
                    pipeline.ref("ReporterDataTable"), pipeline.ref("IdempotencyTable"));
            Instant expires = Instant.now().plus(365, ChronoUnit.DAYS);
            List<StoredReport> stored = corpus.reports().stream()
                    .sorted(Comparator.comparing(StoredReport::receivedAt).thenComparing(StoredReport::reportId)).toList();
            for (StoredReport report : stored) {
                intake.save(report, new ReporterContact(report.reportId(), report.reportId() + "@example.org", null, false,
                        null, null, expires, report.reporterFingerprint(),
                        corpus.lawEnforcementConsent().getOrDefault(report.reportId(), false)), expires, null);
            }
            LocalFunction enrichment = pipeline.functions().get("EnrichReportFunction");
            StreamMapping mapping = enrichment.spec().streamMappings().get(0);
            int networkCap = Integer.parseInt(enrichment.spec().environment().get("RING_NETWORK_CAP"));
            List<ObjectNode> records = ManualStreamDelivery.records(pipeline.aws(), mapping);
            Random random = new Random(seed);
            List<List<ObjectNode>> batches = ManualStreamDelivery.batches(records, mapping.batchSize(), random);
            List<Integer> deliveries = ManualStreamDelivery.shuffledDeliveries(batches.size(), COPIES, random);

            List<String> failures = new ArrayList<>();
            meter.reset();
            long start = System.nanoTime();
            for (int i = 0; i < deliveries.size(); i++) {
                ManualStreamDelivery.deliverAndCheck(enrichment, batches.get(deliveries.get(i)), "delivery " + (i + 1))
                        .ifPresent(failures::add);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int reports = stored.size();
            System.out.printf("%d stream records in %d batches of up to %d, %d deliveries (%d records): %.1f s, "
                            + "%.1f ms per record delivered; %d requests %s; %.2f item writes and %.2f WCU per report "
                            + "(all three deliveries; indicator aggregates and rings)%n",
                    records.size(), batches.size(), mapping.batchSize(), deliveries.size(), COPIES * records.size(),
                    seconds, seconds * 1000 / (COPIES * records.size()), meter.totalRequests(), meter.requests(),
                    meter.writtenItems() / (double) reports, meter.writeUnits() / (double) reports);

            Map<String, Map<String, AttributeValue>> after = ManualStreamDelivery.scan(dynamoDb, pipeline.ref("RingsTable"));
            List<RingReport> ringReports = corpus.reports().stream().map(RingCorpusCheck::toRingReport).toList();
            RingCorpusCheck.Snapshot table = new RingCorpusCheck.Snapshot(after.values().stream().map(item ->
                    new RingCorpusCheck.Item(item.get("pk").s(), item.get("sk").s(),
                            item.containsKey("state") ? item.get("state").s() : null,
                            item.containsKey("reporters") ? Long.valueOf(item.get("reporters").n()) : null)).toList());
            List<String> problems = new ArrayList<>(RingCorpusCheck.problems(table, ringReports, networkCap));

            meter.reset();
            start = System.nanoTime();
            for (int b : ManualStreamDelivery.shuffledDeliveries(batches.size(), 1, random)) {
                ManualStreamDelivery.deliverAndCheck(enrichment, batches.get(b), "redelivery").ifPresent(failures::add);
            }
            long changed = ManualStreamDelivery.differences(after,
                    ManualStreamDelivery.scan(dynamoDb, pipeline.ref("RingsTable"))).size();
            if (changed > 0) {
                problems.add(changed + " rings-table items changed by a further delivery of every batch");
            }
            System.out.printf("a further delivery of every batch: %.1f s, %d item writes, %d requests; %d items changed%n",
                    (System.nanoTime() - start) / 1e9, meter.writtenItems(), meter.totalRequests(), changed);
            System.out.printf("recovery: %d live rings, %d true rings, %d rings-table items; %d problems, %d failed deliveries: %s%n",
                    table.liveHeads().size(), RingCorpusCheck.truth(ringReports).size(), after.size(), problems.size(),
                    failures.size(), problems.isEmpty() && failures.isEmpty() ? "EXACTLY THE TRUE RINGS" : "MISMATCH");
            problems.stream().limit(15).forEach(p -> System.out.println("  problem: " + p));
            failures.stream().limit(15).forEach(f -> System.out.println("  failure: " + f));
            if (!problems.isEmpty() || !failures.isEmpty()) {
                System.exit(1);
            }
        }
    }

    /** Passes on the lines that are not JsonLog's INFO lines. */
    private static final class ErrorLinesOnly extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        ErrorLinesOnly(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (!text.contains("\"level\":\"INFO\"")) {
                    out.print(text);
                }
                line.reset();
            }
        }
    }

}
