package io.scamsignal.bench;

import com.sun.management.ThreadMXBean;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.referral.ReferralHtml;
import io.scamsignal.domain.referral.ReferralPacket;
import io.scamsignal.domain.referral.ReferralStix;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.referral.adapter.DynamoDbReportDocuments;
import io.scamsignal.referral.service.ReferralService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The ring figures, through the real ring adapter (DynamoDbRingStore) on moto: the extra write
 * units per report that linking costs (joining rings, and reports that merge two rings), and the
 * referral packet of a 2,000-report, 300-indicator ring — time, heap, requests — which must fit one
 * Lambda invocation. Write units as AWS bills transactional writes: 2 per item per started KB
 * (a delete counted as one 1 KB item).
 */
public final class RingBenchmark {

    private RingBenchmark() {
    }

    /** Transactional write units and requests by operation. */
    static final class Meter implements ExecutionInterceptor {
        final LongAdder units = new LongAdder();
        final LongAdder items = new LongAdder();
        final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), o -> new LongAdder())
                    .increment();
            if (context.request() instanceof TransactWriteItemsRequest tx) {
                for (TransactWriteItem item : tx.transactItems()) {
                    items.increment();
                    long kb = item.put() != null ? (long) Math.ceil(WriteUnitMeter.size(item.put().item()) / 1024.0) : 1;
                    units.add(2 * Math.max(1, kb));
                }
            }
        }

        void reset() {
            units.reset();
            items.reset();
            requests.clear();
        }

        long requests() {
            return requests.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        int ringReports = Integer.getInteger("bench.ringReports", 2000);
        int ringIndicators = Integer.getInteger("bench.ringIndicators", 300);
        System.out.println("== Ring benchmark: linking write units, and the referral packet of a " + ringReports
                + "-report, " + ringIndicators + "-indicator ring (DynamoDbRingStore on moto) ==");
        Meter meter = new Meter();
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-rings.log"),
                project.resolve("tools/moto_server.py"));
             DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(moto.endpoint()))
                     .region(Region.US_EAST_1).credentialsProvider(() -> AwsBasicCredentials.create("test", "test"))
                     .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build()) {
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            String rings = table(dynamoDb, "bench-rings-" + suffix, true);
            String reports = table(dynamoDb, "bench-reports-" + suffix, false);
            String contacts = table(dynamoDb, "bench-contacts-" + suffix, false);
            DynamoDbRingStore store = new DynamoDbRingStore(dynamoDb, rings, new RingPlanner(3));

            // 1. joining: 40 rings of 10 indicators, 600 reports naming 3 of their ring's indicators
            Random random = new Random(15);
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            List<RingReport> founding = new ArrayList<>();
            List<RingReport> joining = new ArrayList<>();
            for (int r = 0; r < 40; r++) {
                founding.add(report("f" + r, t0.plusSeconds(r), "fp-f" + r, keys("j" + r, 0, 1, 2)));
            }
            for (int i = 0; i < 600; i++) {
                int r = i % 40;
                joining.add(report("j" + i, t0.plusSeconds(100 + i), "fp-j" + i,
                        keys("j" + r, random.nextInt(10), random.nextInt(10), random.nextInt(10))));
            }
            founding.forEach(store::link);
            meter.reset();
            long start = System.nanoTime();
            joining.forEach(store::link);
            double joinMs = (System.nanoTime() - start) / 1e6 / joining.size();
            System.out.printf("linking, joining a ring (3 indicators, new reporter): %.2f item writes, %.2f WCU, "
                            + "%.1f requests per report, %.1f ms per report on moto%n",
                    meter.items.sum() / (double) joining.size(), meter.units.sum() / (double) joining.size(),
                    meter.requests() / (double) joining.size(), joinMs);
            meter.reset();
            joining.forEach(store::link);
            System.out.printf("linking, each report delivered again: %d item writes, %.1f requests per report%n",
                    meter.items.sum(), meter.requests() / (double) joining.size());

            // 1b. candidate links: each pair of 5-report rings bridged by one report from one network, then
            // by one from another; with RingMergeMinNetworks 1 the first merges, with 2 (the default) the
            // first is a candidate link (link item, both members rewritten, the other head checked) and
            // the second merges
            for (int minNetworks : new int[]{1, 2}) {
                DynamoDbRingStore corroborating = new DynamoDbRingStore(dynamoDb,
                        table(dynamoDb, "bench-rings-mn" + minNetworks + "-" + suffix, true),
                        new RingPlanner(3, RingPlanner.MAX_TRANSACTION_ITEMS, minNetworks));
                String tag = "mn" + minNetworks + "-";
                int pairs = 30;
                for (int p = 0; p < pairs; p++) {
                    for (int k = 0; k < 5; k++) {
                        for (String side : List.of("a", "b")) {
                            corroborating.link(report(tag + side + p + "-" + k, t0.plusSeconds(20_000 + p * 10 + k),
                                    "fp-" + tag + side + p + "-" + k, "net-" + tag + side + p + "-" + k,
                                    keys(tag + side + p, k, (k + 1) % 5)));
                        }
                    }
                }
                long[] items = new long[2];
                long[] units = new long[2];
                for (int round = 0; round < 2; round++) {
                    meter.reset();
                    for (int p = 0; p < pairs; p++) {
                        corroborating.link(report(tag + "x" + round + "-" + p, t0.plusSeconds(30_000 + round * 100 + p),
                                "fp-" + tag + "x" + round + "-" + p, "net-" + tag + "x" + round + "-" + p,
                                List.of(member(tag + "a" + p, 0), member(tag + "b" + p, 0))));
                    }
                    items[round] = meter.items.sum();
                    units[round] = meter.units.sum();
                }
                System.out.printf("linking, RingMergeMinNetworks %d, a bridge of two 5-report rings from one network: "
                                + "%.1f item writes, %.1f WCU per report; the same pair from a second network: %.1f item "
                                + "writes, %.1f WCU; both: %.1f WCU per bridge report%n", minNetworks,
                        items[0] / (double) pairs, units[0] / (double) pairs, items[1] / (double) pairs,
                        units[1] / (double) pairs, (units[0] + units[1]) / (2.0 * pairs));
            }
            if ("candidates".equals(System.getProperty("bench.ringOnly"))) {
                return;
            }

            // 2. merges: pairs of 5-report rings joined by one report naming one indicator of each
            List<RingReport> small = new ArrayList<>();
            List<RingReport> joiners = new ArrayList<>();
            for (int p = 0; p < 60; p++) {
                for (int k = 0; k < 5; k++) {
                    small.add(report("a" + p + "-" + k, t0.plusSeconds(2000 + p * 10 + k), "fp-a" + p + "-" + k,
                            keys("a" + p, k, (k + 1) % 5)));
                    small.add(report("b" + p + "-" + k, t0.plusSeconds(3000 + p * 10 + k), "fp-b" + p + "-" + k,
                            keys("b" + p, k, (k + 1) % 5)));
                }
                joiners.add(report("m" + p, t0.plusSeconds(5000 + p), "fp-m" + p,
                        List.of(member("a" + p, 0), member("b" + p, 0))));
            }
            small.forEach(store::link);
            meter.reset();
            long maxItems = 0;
            for (RingReport j : joiners) {
                long before = meter.items.sum();
                store.link(j);
                maxItems = Math.max(maxItems, meter.items.sum() - before);
            }
            System.out.printf("linking, a report merging two 5-report, 5-indicator rings: %.1f item writes, %.1f WCU, "
                            + "%.1f requests per report (largest transaction %d items)%n",
                    meter.items.sum() / (double) joiners.size(), meter.units.sum() / (double) joiners.size(),
                    meter.requests() / (double) joiners.size(), maxItems);

            // 2b. a merge too big for one transaction: two rings of 300 reports (30 indicators each)
            // joined by one report; RingMerge moves the smaller ring's items in steps
            for (String ring : List.of("c", "d")) {
                for (int k = 0; k < 300; k++) {
                    store.link(report(ring + "-" + k, t0.plusSeconds((ring.equals("c") ? 6000 : 7000) + k),
                            "fp-" + ring + "-" + k, keys(ring, k % 30, (k + 1) % 30)));
                }
            }
            meter.reset();
            long before = store.counters().transactions();
            start = System.nanoTime();
            store.link(report("cd", t0.plusSeconds(9000), "fp-cd", List.of(member("c", 0), member("d", 0))));
            System.out.printf("linking, a report merging two 300-report, 30-indicator rings (in steps): %d item writes, "
                            + "%d WCU, %d transactions, %d requests, %.2f s on moto%n", meter.items.sum(), meter.units.sum(),
                    store.counters().transactions() - before, meter.requests(), (System.nanoTime() - start) / 1e9);

            // 3. the big ring, built through the adapter: everyone names the pop-up's number and 1-3 more
            List<RingReport> big = new ArrayList<>();
            List<StoredReport> documents = new ArrayList<>();
            for (int i = 0; i < ringReports; i++) {
                List<RingReport.Member> named = new ArrayList<>(List.of(member("big", 0)));
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    named.add(member("big", 1 + (i * 7 + k * 13) % (ringIndicators - 1)));
                }
                String id = UUID.nameUUIDFromBytes(("big-" + i).getBytes()).toString();
                big.add(report(id, t0.plusSeconds(10_000 + i * 600L), "fp-big-" + i, named));
                documents.add(StoredReport.builder(id).receivedAt(t0.plusSeconds(10_000 + i * 600L))
                        .contactMethod(ContactMethod.POPUP).impersonatedCompany(i % 2 == 0 ? "Microsoft" : "Amazon")
                        .incidentDate(LocalDate.of(2026, 1, 1)).country(List.of("US", "CA", "DE", "GB", "AU", "ES").get(i % 6))
                        .scammer(new Scammer(List.of("+1 888 555 0142"), List.of(), List.of(), List.of(), List.of(), List.of()))
                        .loss(new Loss(new BigDecimal("300.00"), "USD", List.of(PaymentMethod.GIFT_CARD)))
                        .description("A pop-up said my computer was infected.").reporterFingerprint("fp-big-" + i).build());
            }
            meter.reset();
            start = System.nanoTime();
            big.forEach(store::link);
            System.out.printf("built the ring: %d reports in %.1f s (%.2f item writes, %.2f WCU per report)%n",
                    ringReports, (System.nanoTime() - start) / 1e9, meter.items.sum() / (double) ringReports,
                    meter.units.sum() / (double) ringReports);
            for (StoredReport d : documents) {
                dynamoDb.putItem(b -> b.tableName(reports).item(Map.of("reportId", AttributeValue.fromS(d.reportId()),
                        "payload", AttributeValue.fromS(StoredReportJson.write(d)))));
                if (d.reportId().hashCode() % 10 == 0) {
                    dynamoDb.putItem(b -> b.tableName(contacts).item(Map.of("reportId", AttributeValue.fromS(d.reportId()),
                            "email", AttributeValue.fromS(d.reportId() + "@example.org"), "name", AttributeValue.fromS("Consenting"),
                            "lawEnforcementContactConsent", AttributeValue.fromBool(true))));
                }
            }

            // no indicator of this ring alerted: the alerts table is empty, the feed table is read for nothing
            String alerts = dynamoDb.createTable(b -> b.tableName("bench-alerts-" + suffix)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("alertId").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("alertId").keyType(KeyType.HASH))).tableDescription().tableName();
            ReferralService service = new ReferralService(store, new DynamoDbReportDocuments(dynamoDb, reports, contacts,
                    alerts, table(dynamoDb, "bench-feed-" + suffix, true)), Clock.systemUTC());
            String ringId = RingIds.of(big.get(0).reportId());
            service.packet(ringId).orElseThrow(); // warm-up: class loading and JIT, as a warm Lambda would have
            for (int run = 1; run <= 2; run++) {
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long allocatedBefore = allocated();
                meter.reset();
                start = System.nanoTime();
                ReferralPacket packet = service.packet(ringId).orElseThrow();
                long read = System.nanoTime();
                String json = Json.write(packet);
                String stix = Json.write(ReferralStix.bundle(packet));
                String html = ReferralHtml.render(packet);
                long end = System.nanoTime();
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.printf("referral packet, run %d: %d reports, %d indicators, %d links, %d contacts: "
                                + "read+build %.0f ms, render %.0f ms; JSON %.1f MB, STIX %.1f MB, HTML %.1f MB; "
                                + "allocated %.0f MB, peak heap %.0f MB; %d requests %s%n",
                        run, packet.ring().reports(), packet.indicators().size(), packet.links().size(),
                        packet.contacts().consenting().size(), (read - start) / 1e6, (end - read) / 1e6,
                        json.length() / 1e6, stix.length() / 1e6, html.length() / 1e6,
                        (allocated() - allocatedBefore) / 1e6, peak / 1e6, meter.requests(), new TreeMap<>(
                                meter.requests.entrySet().stream().collect(Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().sum()))));
            }
        }
    }

    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String table(DynamoDbClient dynamoDb, String name, boolean sortKey) {
        dynamoDb.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sortKey) {
                b.attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                                a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE));
            } else {
                b.attributeDefinitions(a -> a.attributeName("reportId").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("reportId").keyType(KeyType.HASH));
            }
        });
        return name;
    }

    /** Each synthetic ring's own number block, so no two rings share an indicator by accident. */
    private static final Map<String, Integer> BLOCKS = new ConcurrentHashMap<>();

    private static RingReport.Member member(String ring, int k) {
        int block = BLOCKS.computeIfAbsent(ring, r -> BLOCKS.size());
        String value = String.format("+1888%03d%04d", block, k);
        return new RingReport.Member("phone#" + value, IndicatorType.PHONE.wireName(), value);
    }

    private static List<RingReport.Member> keys(String ring, int... ks) {
        List<RingReport.Member> out = new ArrayList<>();
        for (int k : ks) {
            out.add(member(ring, k));
        }
        return out;
    }

    private static RingReport report(String id, Instant at, String reporter, List<RingReport.Member> members) {
        return report(id, at, reporter, null, members);
    }

    private static RingReport report(String id, Instant at, String reporter, String network,
                                     List<RingReport.Member> members) {
        return new RingReport(id, at, reporter, network, "US", new TreeSet<>(Set.of("Microsoft")), BigDecimal.TEN,
                new TreeSet<>(Set.of("gift_card")), "popup", members);
    }

}
