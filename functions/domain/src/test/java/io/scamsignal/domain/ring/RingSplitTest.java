package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing a link splits a ring into what stays connected, exactly as folding the same reports
 * from scratch with the pair withdrawn; later reports and redeliveries never re-merge through it.
 */
class RingSplitTest {

    private static final int CAP = 2;
    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");
    private final RingPlanner planner = new RingPlanner(CAP);

    static RingReport report(String id, long hour, String reporter, String network, String... keys) {
        return new RingReport(id, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * hour), reporter, network,
                "US", new TreeSet<>(Set.of(hour % 2 == 0 ? "Microsoft" : "Apple")), BigDecimal.valueOf(hour),
                new TreeSet<>(), "phone_call", Arrays.stream(keys).map(k -> new RingReport.Member(k, "phone", k)).toList());
    }

    /** Each live ring by id: head without home and version, members without home, reports, reporters, networks. */
    static Map<String, List<Object>> rings(InMemoryRingStore store) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (RingItems.Head h : store.liveRings()) {
            List<Object> members = new ArrayList<>();
            for (String k : store.memberKeys(h.home())) {
                RingItems.Member m = store.member(k).orElseThrow();
                assertThat(m.home()).isEqualTo(h.home());
                members.add(List.of(k, m.reports(), m.firstSeen(), m.lastSeen(), m.networks()));
            }
            out.put(h.ringId(), List.of(List.of(h.founderReportId(), h.reports(), h.members(), h.distinctReporters(),
                            h.effectiveReporters(), h.firstReport(), h.lastReport(), h.lossUsd(), h.countries(), h.brands(),
                            h.reportsByMonth(), h.memberTypes(), h.sources(), h.networks(), h.brandNetworks()),
                    members, store.reports(h.home()), store.reporters(h.home()), store.networks(h.home())));
            assertThat(store.resolve(h.ringId())).hasValueSatisfying(r -> assertThat(r.home()).isEqualTo(h.home()));
        }
        return out;
    }

    /** The rings of the reports folded in receivedAt order into a store where the link a–b was withdrawn first. */
    static InMemoryRingStore fromScratch(RingPlanner planner, List<RingReport> reports, String a, String b) {
        return fromScratch(planner, reports, List.of(List.of(a, b)));
    }

    /**
     * {@code min} to {@code min + spread - 1} reports, each naming 1 to 3 of {@code phones} phone
     * numbers, at one of {@code hours} hours, from one of {@code reporters} reporters on one of
     * {@code networks} networks, all drawn from {@code random}.
     */
    static List<RingReport> randomReports(Random random, int min, int spread, int phones, int hours, int reporters,
                                          int networks) {
        List<RingReport> reports = new ArrayList<>();
        int n = min + random.nextInt(spread);
        for (int i = 0; i < n; i++) {
            int k = 1 + random.nextInt(3);
            TreeSet<String> keys = new TreeSet<>();
            while (keys.size() < k) {
                keys.add("phone#" + random.nextInt(phones));
            }
            reports.add(report("r" + i, random.nextInt(hours), "v" + random.nextInt(reporters),
                    "net" + random.nextInt(networks), keys.toArray(String[]::new)));
        }
        return reports;
    }

    /** A link of the store's rings: two indicators a report names together, and the ring that holds them. */
    record Link(String a, String b, String ringId) {
    }

    /** The first two indicators of a report picked at random among those naming several; null if none does. */
    static Link randomLink(List<RingReport> reports, Random random, InMemoryRingStore store) {
        List<RingReport> pairs = reports.stream().filter(r -> r.indicators().size() > 1).toList();
        if (pairs.isEmpty()) {
            return null;
        }
        RingReport bridge = pairs.get(random.nextInt(pairs.size()));
        String a = bridge.indicators().get(0).key();
        String b = bridge.indicators().get(1).key();
        return new Link(a, b, store.head(store.member(a).orElseThrow().home()).orElseThrow().ringId());
    }

    @Test
    void aBridgeWithdrawnSplitsTheGangsAndNoLaterReportRemergesThem() {
        InMemoryRingStore store = new InMemoryRingStore();
        List<RingReport> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(report("a" + i, i, "va" + i, "net-a" + i, "phone#A", "phone#A" + i));
            reports.add(report("b" + i, i + 1, "vb" + i, "net-b" + i, "phone#B", "phone#B" + i));
        }
        reports.add(report("x", 20, "mallory", "net-m", "phone#A", "phone#B"));
        reports.forEach(r -> store.ingest(planner, r));
        assertThat(store.liveRings()).hasSize(1);
        String ringId = store.liveRings().get(0).ringId();
        long version = store.liveRings().get(0).version();

        RingSplit.Plan plan = new RingSplit(planner).plan(ringId, "phone#B", "phone#A", "wrong bridge", AT, store);
        store.apply(plan.writes());

        assertThat(store.liveRings()).hasSize(2);
        assertThat(store.resolve(ringId).orElseThrow().version()).isEqualTo(version + 1);
        assertThat(store.resolve(ringId).orElseThrow().reports()).isEqualTo(6);
        assertThat(rings(store)).isEqualTo(rings(fromScratch(planner, reports, "phone#A", "phone#B")));

        long writes = store.writeCount();
        reports.forEach(r -> store.ingest(planner, r));
        assertThat(store.writeCount()).isEqualTo(writes);
        // later reports naming the withdrawn pair: no merge
        store.ingest(planner, report("y", 30, "v-y", "net-y", "phone#A", "phone#B"));
        store.ingest(planner, report("z", 31, "v-z", "net-z", "phone#B", "phone#A", "phone#Z"));
        assertThat(store.liveRings()).hasSize(2);
        assertThatThrownBy(() -> new RingSplit(planner).plan(ringId, "phone#A0", "phone#B0", "r", AT, store))
                .isInstanceOf(RingSplit.NotALinkException.class);
    }

    @Test
    void withCorroborationAWithdrawnPairIsNeitherMergedNorACandidate() {
        RingPlanner corroborating = new RingPlanner(CAP, RingPlanner.MAX_TRANSACTION_ITEMS, 2);
        InMemoryRingStore store = new InMemoryRingStore();
        for (int i = 0; i < 5; i++) {
            store.ingest(corroborating, report("a" + i, i, "va" + i, "net-a" + i, "phone#A", "phone#A" + i));
            store.ingest(corroborating, report("b" + i, i + 1, "vb" + i, "net-b" + i, "phone#B", "phone#B" + i));
        }
        store.ingest(corroborating, report("x1", 20, "m1", "net-m1", "phone#A", "phone#B"));
        store.ingest(corroborating, report("x2", 21, "m2", "net-m2", "phone#A", "phone#B"));
        assertThat(store.liveRings()).hasSize(1);
        String ringId = store.liveRings().get(0).ringId();
        store.apply(new RingSplit(corroborating).plan(ringId, "phone#A", "phone#B", "r", AT, store).writes());
        assertThat(store.liveRings()).hasSize(2);
        List<RingItems.Link> links = store.links();
        for (int i = 0; i < 3; i++) {
            store.ingest(corroborating, report("y" + i, 30 + i, "w" + i, "net-w" + i, "phone#A", "phone#B"));
        }
        assertThat(store.liveRings()).hasSize(2);
        assertThat(store.links()).isEqualTo(links);
        assertThat(store.member("phone#B").orElseThrow().candidates()).doesNotContain("phone#A");
    }

    static final class Crash extends RuntimeException {
        Crash() {
            super("crashed");
        }
    }

    /** A store whose transactions stop for good after {@code left} of them: a crashed invocation. */
    static final class Crashing implements RingLinker.Transactions {
        private final RingLinker.Transactions inner;
        private int left;

        Crashing(InMemoryRingStore store, int left) {
            this.inner = store.asTransactions();
            this.left = left;
        }

        @Override
        public boolean apply(List<RingWrite> writes) {
            if (left-- <= 0) {
                throw new Crash();
            }
            return inner.apply(writes);
        }
    }

    static InMemoryRingStore fromScratch(RingPlanner planner, List<RingReport> reports, List<List<String>> pairs) {
        InMemoryRingStore store = new InMemoryRingStore();
        pairs.forEach(p -> store.apply(List.of(new RingWrite.PutUnlink(RingItems.Unlink.of(p.get(0), p.get(1), "t", AT)))));
        reports.stream().sorted(java.util.Comparator.comparing(RingReport::receivedAt).thenComparing(RingReport::reportId))
                .forEach(r -> store.ingest(planner, r));
        return store;
    }

    @Test
    void aRingOf300MembersSplitsInStepsThatACrashAnywhereLeavesToTheNextRunOrReport() {
        List<RingReport> reports = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            reports.add(report("a" + i, i, "va" + i, "net-a" + i, "phone#A", "phone#A" + i));
            reports.add(report("b" + i, i + 1, "vb" + i, "net-b" + i, "phone#B", "phone#B" + i));
        }
        // phone#X is named only in the bridge: it stays with the bridge report, in the older ring's part
        reports.add(report("x", 400, "mallory", "net-m", "phone#A", "phone#B", "phone#X"));
        InMemoryRingStore reference = fromScratch(planner, reports, List.of(List.of("phone#A", "phone#B")));
        assertThat(reference.liveRings()).hasSize(2);
        assertThat(reference.member("phone#X").orElseThrow().home()).isEqualTo(reference.member("phone#A").orElseThrow().home());

        for (int crashAfter = 1; crashAfter < 12; crashAfter += 3) {
            InMemoryRingStore store = new InMemoryRingStore();
            reports.forEach(r -> store.ingest(planner, r));
            RingItems.Head ring = store.liveRings().get(0);
            assertThat(store.liveRings()).hasSize(1);
            assertThat(ring.members()).isEqualTo(303);
            RingLinker linker = new RingLinker(planner, 8);
            Crashing crashing = new Crashing(store, crashAfter);
            assertThatThrownBy(() -> linker.unlink(ring.ringId(), "phone#A", "phone#B", "r", AT, store, crashing))
                    .hasMessage("crashed");
            // a report meeting the ring mid-split finishes the split first, then joins its part
            RingReport late = report("late", 500, "v-late", "net-late", "phone#B", "phone#B7");
            if (crashAfter % 2 == 1) {
                store.ingest(planner, late);
            }
            long transactions = store.transactions();
            List<RingItems.Head> parts = linker.unlink(ring.ringId(), "phone#A", "phone#B", "r", AT, store, store.asTransactions());
            assertThat(store.liveRings()).hasSize(2).noneMatch(RingItems.Head::merging);
            List<RingReport> all = new ArrayList<>(reports);
            if (crashAfter % 2 == 1) {
                all.add(late);
            } else {
                assertThat(parts).extracting(RingItems.Head::reports).containsExactly(151L, 150L);
                assertThat(parts).extracting(RingItems.Head::version).containsExactly(ring.version() + 2, 2L);
                assertThat(store.transactions() - transactions).as("a split of ~300 members, in steps").isGreaterThan(3);
            }
            assertThat(rings(store)).isEqualTo(rings(fromScratch(planner, all, List.of(List.of("phone#A", "phone#B")))));
            long writes = store.writeCount();
            all.forEach(r -> store.ingest(planner, r));
            linker.unlink(ring.ringId(), "phone#A", "phone#B", "r", AT, store, store.asTransactions());
            assertThat(store.writeCount()).as("redelivery and a re-run write nothing").isEqualTo(writes);
        }
    }

    @Property(tries = 150)
    void mergesAndSplitsInStepsCutShortAndRedeliveredEndInTheRingsFromScratch(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        RingPlanner small = new RingPlanner(CAP, 20);
        List<RingReport> reports = randomReports(random, 6, 20, 10, 40, 8, 4);
        InMemoryRingStore store = new InMemoryRingStore();
        List<RingReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, random);
        RingLinker linker = new RingLinker(small, 8);
        // deliver all, each possibly cut short, then again in another order
        for (RingReport r : shuffled) {
            try {
                linker.link(r, store, new Crashing(store, random.nextInt(6)));
            } catch (Crash crashed) {
                // delivered again below
            }
        }
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> linker.link(r, store, store.asTransactions()));
        Link link = randomLink(reports, random, store);
        if (link == null) {
            return;
        }
        try {
            linker.unlink(link.ringId(), link.a(), link.b(), "wrong", AT, store, new Crashing(store, random.nextInt(6)));
        } catch (Crash crashed) {
            // a report or a re-run finishes it
            if (random.nextBoolean()) {
                RingReport again = shuffled.get(random.nextInt(shuffled.size()));
                linker.link(again, store, store.asTransactions());
            }
            linker.unlink(link.ringId(), link.a(), link.b(), "wrong", AT, store, store.asTransactions());
        }
        assertThat(store.liveRings()).noneMatch(RingItems.Head::merging);
        assertThat(rings(store)).isEqualTo(rings(fromScratch(small, reports, link.a(), link.b())));
        long writes = store.writeCount();
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> linker.link(r, store, store.asTransactions()));
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Property(tries = 200)
    void splitEqualsTheRingsFromScratchAndRedeliveryChangesNothing(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        List<RingReport> reports = randomReports(random, 3, 12, 8, 30, 6, 3);
        InMemoryRingStore store = new InMemoryRingStore();
        List<RingReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> store.ingest(planner, r));
        Link link = randomLink(reports, random, store);
        if (link == null) {
            return;
        }

        store.apply(new RingSplit(planner).plan(link.ringId(), link.a(), link.b(), "wrong", AT, store).writes());

        assertThat(rings(store)).isEqualTo(rings(fromScratch(planner, reports, link.a(), link.b())));
        long writes = store.writeCount();
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> store.ingest(planner, r));
        assertThat(store.writeCount()).isEqualTo(writes);
    }
}
