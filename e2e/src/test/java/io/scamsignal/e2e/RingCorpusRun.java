package io.scamsignal.e2e;

import io.scamsignal.emulator.DirectReports;
import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.ring.RingCorpusCheck;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.support.RingCorpus;
import io.scamsignal.emulator.aws.MeteringProxy;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.LocalFunction;
import io.scamsignal.emulator.lambda.ManualStreamDelivery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One run of the corpus scenario (RingCorpusPipelineIT): the stack deployed on the emulator with its
 * stream mappings stopped, the corpus stored as intake stores reports, the reports stream's records
 * delivered to the enrichment function by hand, each batch three times in a shuffled sequence, then
 * every batch once more; the rings table scanned after each round.
 */
final class RingCorpusRun {

    static final int COPIES = 3;

    /**
     * @param truth             the true rings as report ids, from the generator's labels
     * @param partition         the live rings of the table as the report ids each holds
     * @param expected          each true ring's aggregate computed from the raw corpus, by founding report
     * @param observed          the same figures of each live ring in the table, by founding report
     * @param problems          the table's own inconsistencies (member homes, listings, aliases, stray items)
     * @param failures          deliveries whose response reported a failed record, with the errors logged
     * @param redeliveryChanges rings-table items the final delivery of every batch added, removed or changed
     */
    record Result(Set<Set<String>> truth, Set<Set<String>> partition, Map<String, Map<String, Object>> expected,
                  Map<String, Map<String, Object>> observed, List<String> problems, List<String> failures,
                  List<String> redeliveryChanges) {
    }

    private RingCorpusRun() {
    }

    /**
     * @param lastBatchLate the last batch (it holds the latest reports, a bridge among them) is first
     *                      delivered after every other batch was delivered at least once, so the rings it
     *                      joins have grown (its redeliveries stay anywhere after that)
     */
    @SuppressWarnings("unchecked")
    static Result run(String stackPrefix, RingCorpus.Corpus corpus, int maxBatch, long seed, boolean lastBatchLate)
            throws Exception {
        LogCapture.install();
        String stack = stackPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (MeteringProxy meter = MeteringProxy.start(TestEmulator.fastTransactionsEndpoint());
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                     TestEmulator.projectDir().resolve("infra/template.yaml"), meter.endpoint(), stack)
                     // the check is against the connected components: every link merges (no corroboration)
                     .withParameters(Map.of("RingMergeMinNetworks", "1")))) {
            // the test decides what reaches the function and when: no mapping polls alongside
            pipeline.stopStreams();
            DynamoDbClient dynamoDb = pipeline.aws().dynamoDb();
            // in receivedAt order, as intake stores them: the stream's order
            List<StoredReport> stored = DirectReports.store(pipeline, corpus.reports(), corpus.lawEnforcementConsent());

            LocalFunction enrichment = pipeline.functions().get("EnrichReportFunction");
            StreamMapping mapping = enrichment.spec().streamMappings().get(0);
            int networkCap = Integer.parseInt(enrichment.spec().environment().get("RING_NETWORK_CAP"));
            List<ObjectNode> records = ManualStreamDelivery.records(pipeline.aws(), mapping);
            if (records.size() != stored.size()) {
                throw new IllegalStateException(records.size() + " stream records for " + stored.size() + " reports");
            }
            Random random = new Random(seed);
            List<List<ObjectNode>> batches = ManualStreamDelivery.batches(records,
                    Math.min(maxBatch, mapping.batchSize()), random);
            List<Integer> deliveries = ManualStreamDelivery.shuffledDeliveries(batches.size(), COPIES, random);
            if (lastBatchLate) {
                int last = batches.size() - 1;
                deliveries.removeIf(b -> b == last);
                int allSeen = 0;
                Set<Integer> seen = new TreeSet<>();
                while (seen.size() < last) {
                    seen.add(deliveries.get(allSeen++));
                }
                for (int copy = 0; copy < COPIES; copy++) {
                    int from = copy == 0 ? allSeen : deliveries.indexOf(last) + 1;
                    deliveries.add(from + random.nextInt(deliveries.size() - from + 1), last);
                }
            }
            System.out.printf("[ring corpus] seed %d (-Dscamsignal.ringSeed=%d repeats it): %d reports, %d campaigns, "
                            + "%d bridges, %d batches of up to %d records, %d deliveries%n", seed, seed, stored.size(),
                    corpus.campaigns().size(), corpus.bridges().size(), batches.size(), Math.min(maxBatch, mapping.batchSize()),
                    deliveries.size());

            int logFrom = LogCapture.length();
            meter.reset();
            List<String> failures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < deliveries.size(); i++) {
                int b = deliveries.get(i);
                ManualStreamDelivery.deliverAndCheck(enrichment, batches.get(b), "delivery " + (i + 1) + ", batch " + b)
                        .ifPresent(failures::add);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> requests = meter.requests();
            long requestCount = meter.totalRequests();
            long items = meter.writtenItems();
            long units = meter.writeUnits();
            failures.addAll(errorsLogged(LogCapture.since(logFrom)));
            Map<String, Map<String, AttributeValue>> after = ManualStreamDelivery.scan(dynamoDb, pipeline.ref("RingsTable"));

            List<RingReport> ringReports = corpus.reports().stream()
                    .map(RingCorpusCheck::toRingReport).toList();
            RingCorpusCheck.Snapshot table = new RingCorpusCheck.Snapshot(after.values().stream().map(item ->
                    new RingCorpusCheck.Item(item.get("pk").s(), item.get("sk").s(),
                            item.containsKey("state") ? item.get("state").s() : null,
                            item.containsKey("reporters") ? Long.valueOf(item.get("reporters").n()) : null)).toList());
            Set<Set<String>> truth = corpus.trueRings();
            Map<String, Map<String, Object>> expected = RingCorpusCheck.expectedFromLabels(corpus, networkCap);
            Map<String, Map<String, Object>> observed = RingCorpusCheck.observed(table, table.liveHeads());
            Set<Set<String>> partition = new HashSet<>();
            observed.values().forEach(ring -> partition.add(Set.copyOf((Set<String>) ring.get("reportIds"))));
            List<String> problems = table.consistency(ringReports);

            // every batch once more, in another order: nothing may change
            List<Integer> again = ManualStreamDelivery.shuffledDeliveries(batches.size(), 1, random);
            meter.reset();
            long redeliveryStart = System.nanoTime();
            for (int b : again) {
                ManualStreamDelivery.deliverAndCheck(enrichment, batches.get(b), "redelivery, batch " + b)
                        .ifPresent(failures::add);
            }
            double redeliverySeconds = (System.nanoTime() - redeliveryStart) / 1e9;
            Map<String, Long> redeliveryRequests = meter.requests();
            long redeliveryItems = meter.writtenItems();
            List<String> changes = ManualStreamDelivery.differences(after,
                    ManualStreamDelivery.scan(dynamoDb, pipeline.ref("RingsTable")));

            System.out.printf("[figure] ring corpus on moto: %d reports (%d in campaigns of %s victims, %d bridges), "
                            + "%d batches delivered %d times each in shuffled order = %d invocations, %d records, "
                            + "in %.1f s, %d requests %s, %d item writes (%.1f per report), %d WCU (%.1f per report); "
                            + "%d live rings (%d true), %d rings-table items; a further delivery of every batch: %.1f s, "
                            + "%d item writes, requests %s, %d items changed; %d problems, %d failed deliveries%n",
                    stored.size(), corpus.campaignOf().size(), corpus.campaigns().stream()
                            .map(c -> Integer.toString(c.reportIds().size())).toList(), corpus.bridges().size(),
                    batches.size(), COPIES, deliveries.size(), COPIES * records.size(), seconds, requestCount, requests,
                    items, items / (double) stored.size(), units, units / (double) stored.size(), partition.size(),
                    truth.size(), after.size(), redeliverySeconds, redeliveryItems, redeliveryRequests, changes.size(),
                    problems.size(), failures.size());
            problems.stream().limit(20).forEach(p -> System.out.println("[ring corpus] problem: " + p));
            failures.stream().limit(20).forEach(f -> System.out.println("[ring corpus] failure: " + f));
            return new Result(truth, partition, expected, observed, problems, failures, changes);
        }
    }

    /** The errors the functions logged (JsonLog's ERROR lines: their type and message, never a report's text). */
    private static List<String> errorsLogged(String log) {
        return log.lines().filter(l -> l.contains("\"level\":\"ERROR\"")).map(l -> "logged: " + l).toList();
    }
}
