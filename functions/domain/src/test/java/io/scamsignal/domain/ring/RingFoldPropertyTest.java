package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * Any permutation and any duplication of a report sequence ends in the same partition, the same
 * ring ids and the same aggregates; and those are the ones computed from scratch.
 */
class RingFoldPropertyTest {

    private static final int CAP = 2;

    @Provide
    Arbitrary<List<RingReport>> sequences() {
        Arbitrary<RingReport> report = Combinators.combine(
                Arbitraries.integers().between(0, 11).set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 3).injectNull(0.2),
                Arbitraries.longs().between(0, 90 * 86_400L), Arbitraries.of("US", "DE", "GB"),
                Arbitraries.of("Microsoft", "Amazon", "Apple"), Arbitraries.integers().between(0, 500),
                Arbitraries.of("public", "Contoso", "Fabrikam"))
                .as((keys, reporter, network, at, country, brand, loss, source) -> new RingReport("?",
                        Instant.ofEpochSecond(1_767_225_600L + at), "fp" + reporter, network == null ? null : "net" + network,
                        country, new TreeSet<>(Set.of(brand)), BigDecimal.valueOf(loss), new TreeSet<>(Set.of("crypto")),
                        "phone_call", keys.stream().map(k -> new RingReport.Member("phone#+1888555" + (1000 + k), "phone",
                                "+1 888 555 " + (1000 + k))).toList(), source));
        return report.list().ofMinSize(1).ofMaxSize(25).map(list -> {
            List<RingReport> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                RingReport r = list.get(i);
                numbered.add(new RingReport(String.format("r%03d", i), r.receivedAt(), r.reporterFingerprint(),
                        r.networkFingerprint(), r.country(), r.brands(), r.lossUsd(), r.paymentMethods(),
                        r.contactMethod(), r.indicators(), r.source()));
            }
            return numbered;
        });
    }

    @Property(tries = 300)
    void anyOrderAndAnyRedeliveryEndInTheSameRings(@ForAll("sequences") List<RingReport> reports,
                                                   @ForAll long seed) {
        List<RingReport> shuffled = new ArrayList<>(reports);
        Random random = new Random(seed);
        for (RingReport r : reports) {
            for (int i = random.nextInt(3); i > 0; i--) {
                shuffled.add(r);
            }
        }
        Collections.shuffle(shuffled, random);

        Map<String, Object> inOrder = state(ingest(reports));
        Map<String, Object> anyOrder = state(ingest(shuffled));

        assertThat(anyOrder).isEqualTo(inOrder);
        assertThat(inOrder).isEqualTo(fromScratch(reports));
    }

    /**
     * The same with a transaction limit so small that most merges go in steps (RingMerge), and with
     * invocations that die after a random number of transactions (a Lambda timeout): the record is
     * delivered again later, and meanwhile other reports meet the unfinished merge and finish it.
     */
    @Property(tries = 300)
    void mergesInStepsCutShortAnywhereEndInTheSameRings(@ForAll("sequences") List<RingReport> reports,
                                                        @ForAll long seed) {
        Random random = new Random(seed);
        List<RingReport> deliveries = new ArrayList<>(reports);
        Collections.shuffle(deliveries, random);
        InMemoryRingStore store = new InMemoryRingStore();
        // a report here founds or joins a ring with at most 13 writes; merging two rings of a few reports takes more
        RingPlanner planner = new RingPlanner(CAP, 14);
        RingLinker linker = new RingLinker(planner, 8);
        int steps = 0;
        for (int i = 0; i < deliveries.size(); i++) {
            int dieAfter = random.nextInt(4) == 0 ? random.nextInt(6) : Integer.MAX_VALUE;
            int[] applied = {0};
            RingLinker.Transactions dying = writes -> {
                assertThat(writes).hasSizeLessThanOrEqualTo(14);
                if (writes.stream().anyMatch(w -> w instanceof RingWrite.CheckHead)) {
                    STEPPED.incrementAndGet();
                }
                if (applied[0]++ >= dieAfter) {
                    // half the time the invocation dies after its write landed, half the time before
                    if (random.nextBoolean()) {
                        store.asTransactions().apply(writes);
                    }
                    throw new TimedOut();
                }
                return store.asTransactions().apply(writes);
            };
            try {
                linker.link(deliveries.get(i), store, dying);
            } catch (TimedOut timedOut) {
                // the batch is retried later, after other records
                deliveries.add(i + 1 + random.nextInt(deliveries.size() - i), deliveries.get(i));
            }
            steps += applied[0];
        }
        assertThat(store.liveRings()).noneMatch(RingItems.Head::merging);
        assertThat(state(store)).isEqualTo(fromScratch(reports));
        assertThat(steps).isPositive();
    }

    private static final class TimedOut extends RuntimeException {
    }

    /** Guarded move steps applied over all tries: the property must exercise merges in steps. */
    private static final AtomicInteger STEPPED = new AtomicInteger();

    @AfterContainer
    static void mergesWentInSteps() {
        assertThat(STEPPED.get()).as("move steps over all tries").isPositive();
    }

    @Test
    void aMergeTooBigForOneTransactionGoesInStepsOfAtMostTheLimit() {
        // two rings of 12 reports (own number + a shared-in-ring site), then one report naming both numbers
        List<RingReport> reports = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String ring = i < 12 ? "A" : "B";
            reports.add(new RingReport(String.format("r%03d", i), Instant.ofEpochSecond(1_767_225_600L + 3600L * i),
                    "fp" + i, "net" + i, "US", new TreeSet<>(Set.of(i < 12 ? "Microsoft" : "Amazon")), BigDecimal.TEN,
                    new TreeSet<>(), "phone_call", List.of(new RingReport.Member("phone#" + ring, "phone", ring),
                            new RingReport.Member("phone#" + ring + i, "phone", ring + i)), i % 2 == 0 ? "public" : "Contoso"));
        }
        reports.add(new RingReport("r100", Instant.ofEpochSecond(1_767_225_600L + 3600L * 100), "fp100", "net100", "US",
                new TreeSet<>(Set.of("Microsoft")), BigDecimal.ONE, new TreeSet<>(), "phone_call",
                List.of(new RingReport.Member("phone#A", "phone", "A"), new RingReport.Member("phone#B", "phone", "B"))));
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(CAP, 20);
        List<Integer> sizes = new ArrayList<>();
        RingLinker.Transactions recording = writes -> {
            sizes.add(writes.size());
            return store.asTransactions().apply(writes);
        };
        RingLinker linker = new RingLinker(planner, 8);
        reports.subList(0, 24).forEach(r -> linker.link(r, store, recording));
        sizes.clear();
        RingPlanner.Plan plan = linker.link(reports.get(24), store, recording);

        assertThat(sizes).hasSizeGreaterThan(3).allMatch(n -> n <= 20);
        assertThat(plan.events()).contains(new RingEvent.Merged(RingIds.of("r000"), RingIds.of("r012")));
        assertThat(store.liveRings()).singleElement().satisfies(h -> {
            assertThat(h.reports()).isEqualTo(25);
            assertThat(h.distinctReporters()).isEqualTo(25);
            assertThat(h.sources()).containsEntry("public", 13L).containsEntry("Contoso", 12L);
            assertThat(h.merging()).isFalse();
        });
        assertThat(state(store)).isEqualTo(fromScratch(reports));
    }

    static InMemoryRingStore ingest(List<RingReport> reports) {
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(CAP);
        reports.forEach(r -> store.ingest(planner, r));
        return store;
    }

    /** Every live ring by id: what does not depend on where its items are stored. */
    static Map<String, Object> state(InMemoryRingStore store) {
        Map<String, Object> rings = new TreeMap<>();
        for (RingItems.Head h : store.liveRings()) {
            RingView view = RingView.of(store, h);
            Map<String, Object> ring = new TreeMap<>();
            ring.put("members", view.members().stream().map(m -> m.key() + "=" + m.reports() + "," + m.firstSeen()
                    + "," + m.lastSeen()).toList());
            ring.put("reports", h.reports());
            ring.put("reportIds", view.reports().stream().map(RingItems.Report::reportId).sorted().toList());
            ring.put("memberCount", h.members());
            ring.put("distinct", h.distinctReporters());
            ring.put("effective", h.effectiveReporters());
            ring.put("first", h.firstReport());
            ring.put("last", h.lastReport());
            ring.put("loss", h.lossUsd().stripTrailingZeros());
            ring.put("countries", h.countries());
            ring.put("brands", h.brands());
            ring.put("months", h.reportsByMonth());
            ring.put("types", h.memberTypes());
            ring.put("founder", h.founderReportId());
            ring.put("median", view.lossMedianUsd());
            ring.put("sources", h.sources());
            ring.put("networks", h.networks());
            ring.put("brandNetworks", h.brandNetworks());
            assertThat(store.resolve(h.ringId())).contains(h);
            rings.put(h.ringId(), ring);
        }
        return rings;
    }

    /** The rings computed directly: connected components, each with its aggregates. */
    static Map<String, Object> fromScratch(List<RingReport> reports) {
        Map<String, String> parent = new HashMap<>();
        for (RingReport r : reports) {
            String first = r.indicators().get(0).key();
            for (RingReport.Member m : r.indicators()) {
                union(parent, first, m.key());
            }
        }
        Map<String, List<RingReport>> byComponent = new HashMap<>();
        for (RingReport r : reports) {
            byComponent.computeIfAbsent(find(parent, r.indicators().get(0).key()), k -> new ArrayList<>()).add(r);
        }
        Map<String, Object> rings = new TreeMap<>();
        for (List<RingReport> component : byComponent.values()) {
            component.sort(RingReport.FOUNDING_ORDER);
            Map<String, Object> ring = new TreeMap<>();
            TreeMap<String, List<Instant>> members = new TreeMap<>();
            component.forEach(r -> r.indicators().forEach(m -> members.computeIfAbsent(m.key(), k -> new ArrayList<>())
                    .add(r.receivedAt())));
            ring.put("members", members.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size() + ","
                    + Collections.min(e.getValue()) + "," + Collections.max(e.getValue())).toList());
            ring.put("reports", (long) component.size());
            ring.put("reportIds", component.stream().map(RingReport::reportId).sorted().toList());
            ring.put("memberCount", (long) members.size());
            Map<String, String> networkOf = new HashMap<>();
            for (RingReport r : component) {
                networkOf.putIfAbsent(r.reporterFingerprint(), r.networkFingerprint() == null
                        ? "reporter:" + r.reporterFingerprint() : r.networkFingerprint());
            }
            ring.put("distinct", (long) networkOf.size());
            Map<String, Long> perNetwork = new HashMap<>();
            networkOf.values().forEach(n -> perNetwork.merge(n, 1L, Long::sum));
            ring.put("effective", perNetwork.values().stream().mapToLong(n -> Math.min(CAP, n)).sum());
            ring.put("networks", (long) perNetwork.size());
            Map<String, TreeSet<String>> brandNetworks = new TreeMap<>();
            component.forEach(r -> r.brands().forEach(b -> brandNetworks.computeIfAbsent(b, x -> new TreeSet<>())
                    .add(r.networkFingerprint() == null ? "reporter:" + r.reporterFingerprint() : r.networkFingerprint())));
            Map<String, List<String>> keptBrandNetworks = new TreeMap<>();
            brandNetworks.forEach((b, nets) -> keptBrandNetworks.put(b, nets.stream().limit(2).toList()));
            ring.put("brandNetworks", keptBrandNetworks);
            ring.put("first", component.get(0).receivedAt());
            ring.put("last", component.stream().map(RingReport::receivedAt).max(Comparator.naturalOrder()).orElseThrow());
            ring.put("loss", component.stream().map(RingReport::lossUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .stripTrailingZeros());
            ring.put("countries", count(component.stream().map(RingReport::country).toList()));
            ring.put("brands", count(component.stream().flatMap(r -> r.brands().stream()).toList()));
            ring.put("months", count(component.stream().map(r -> r.receivedAt().toString().substring(0, 7)).toList()));
            ring.put("types", Map.of("phone", (long) members.size()));
            ring.put("founder", component.get(0).reportId());
            ring.put("sources", count(component.stream().map(RingReport::source).toList()));
            ring.put("median", RingView.median(component.stream().map(r -> new RingItems.Report(r.reportId(),
                    r.receivedAt(), r.reporterFingerprint(), null, r.country(), List.of(), r.lossUsd(), List.of(), null,
                    List.of(), null)).toList()));
            rings.put(RingIds.of(component.get(0).reportId()), ring);
        }
        return rings;
    }

    private static Map<String, Long> count(List<String> values) {
        Map<String, Long> out = new TreeMap<>();
        values.forEach(v -> out.merge(v, 1L, Long::sum));
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        return p.equals(x) ? x : find(parent, p);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
