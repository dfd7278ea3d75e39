package io.scamsignal.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.ring.RingCorpusCheck;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.support.RingCorpus;
import io.scamsignal.emulator.AlertInbox;
import io.scamsignal.emulator.DirectReports;
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
        if (Boolean.getBoolean("bench.ringCorpusInMemory")) {
            inMemory(corpus, seed);
            return;
        }
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
            List<StoredReport> stored = DirectReports.store(pipeline, corpus.reports(), corpus.lawEnforcementConsent());
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

    /**
     * {@code -Dbench.ringCorpusInMemory=true}: the corpus folded once into the in-memory store
     * (InMemoryRingStore, the planner enrichment runs) with RingMergeMinNetworks 1 and 2, in receivedAt
     * order and three shuffled orders; pairwise precision and recall of the rings' indicators against
     * the generator's rings (each campaign, the campaigns a bridge joins, each noise report alone).
     */
    private static void inMemory(RingCorpus.Corpus corpus, long seed) {
        List<RingReport> reports = corpus.reports().stream().map(RingCorpusCheck::toRingReport).toList();
        java.util.Set<java.util.Set<String>> truth = RingCorpusCheck.truth(reports);
        Random random = new Random(seed);
        for (int minNetworks : new int[]{1, 2}) {
            io.scamsignal.domain.ring.RingPlanner planner = new io.scamsignal.domain.ring.RingPlanner(3,
                    io.scamsignal.domain.ring.RingPlanner.MAX_TRANSACTION_ITEMS, minNetworks);
            java.util.Set<java.util.Set<String>> first = null;
            for (int order = 0; order < 4; order++) {
                List<RingReport> ordered = new ArrayList<>(reports);
                if (order == 0) {
                    ordered.sort(Comparator.comparing(RingReport::receivedAt).thenComparing(RingReport::reportId));
                } else {
                    java.util.Collections.shuffle(ordered, random);
                }
                io.scamsignal.domain.ring.InMemoryRingStore store = new io.scamsignal.domain.ring.InMemoryRingStore();
                ordered.forEach(r -> store.ingest(planner, r));
                java.util.Set<java.util.Set<String>> rings = RingCorpusCheck.partition(store, store.liveRings());
                double[] pr = precisionRecall(rings, truth);
                System.out.printf("in memory, RingMergeMinNetworks %d, %s: %d rings (%d true), pairwise precision %.4f, "
                                + "recall %.4f%s%n", minNetworks, order == 0 ? "receivedAt order" : "shuffled order " + order,
                        rings.size(), truth.size(), pr[0], pr[1],
                        first == null ? "" : rings.equals(first) ? ", the same rings as receivedAt order"
                                : ", other rings than receivedAt order");
                if (first == null) {
                    first = rings;
                }
            }
        }
    }

    /** Over pairs of indicators: in one ring in both / in one predicted ring, / in one true ring. */
    private static double[] precisionRecall(java.util.Set<java.util.Set<String>> predicted,
                                            java.util.Set<java.util.Set<String>> truth) {
        Map<String, Integer> trueRing = new java.util.HashMap<>();
        int t = 0;
        long truePairs = 0;
        for (java.util.Set<String> ring : truth) {
            for (String key : ring) {
                trueRing.put(key, t);
            }
            t++;
            truePairs += (long) ring.size() * (ring.size() - 1) / 2;
        }
        long predictedPairs = 0;
        long both = 0;
        for (java.util.Set<String> ring : predicted) {
            predictedPairs += (long) ring.size() * (ring.size() - 1) / 2;
            Map<Integer, Long> cells = new java.util.HashMap<>();
            ring.forEach(k -> cells.merge(trueRing.getOrDefault(k, -1), 1L, Long::sum));
            for (long n : cells.values()) {
                both += n * (n - 1) / 2;
            }
        }
        return new double[]{predictedPairs == 0 ? 1 : both / (double) predictedPairs,
                truePairs == 0 ? 1 : both / (double) truePairs};
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
