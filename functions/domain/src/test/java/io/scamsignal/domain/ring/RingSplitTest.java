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

    static InMemoryRingStore fromScratch(RingPlanner planner, List<RingReport> reports, String a, String b) {
        InMemoryRingStore store = new InMemoryRingStore();
        store.apply(List.of(new RingWrite.PutUnlink(RingItems.Unlink.of(a, b, "t", AT))));
        reports.stream().sorted(java.util.Comparator.comparing(RingReport::receivedAt).thenComparing(RingReport::reportId))
                .forEach(r -> store.ingest(planner, r));
        return store;
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

    @Test
    void aRingTooBigForOneTransactionIsRefused() {
        InMemoryRingStore store = new InMemoryRingStore();
        store.ingest(planner, report("a0", 0, "va0", "net-a0", "phone#A"));
        for (int i = 0; i < 40; i++) {
            store.ingest(planner, report("b" + i, i + 1, "vb" + i, "net-b" + i, "phone#B", "phone#B" + i));
        }
        store.ingest(planner, report("x", 50, "m", "net-m", "phone#A", "phone#B"));
        String ringId = store.liveRings().get(0).ringId();
        long writes = store.writeCount();
        assertThatThrownBy(() -> new RingSplit(planner).plan(ringId, "phone#A", "phone#B", "r", AT, store))
                .isInstanceOf(RingSplit.TooLargeException.class);
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Property(tries = 200)
    void splitEqualsTheRingsFromScratchAndRedeliveryChangesNothing(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        List<RingReport> reports = new ArrayList<>();
        int n = 3 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int k = 1 + random.nextInt(3);
            TreeSet<String> keys = new TreeSet<>();
            while (keys.size() < k) {
                keys.add("phone#" + random.nextInt(8));
            }
            reports.add(report("r" + i, random.nextInt(30), "v" + random.nextInt(6), "net" + random.nextInt(3),
                    keys.toArray(String[]::new)));
        }
        InMemoryRingStore store = new InMemoryRingStore();
        List<RingReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> store.ingest(planner, r));
        List<RingReport> pairs = reports.stream().filter(r -> r.indicators().size() > 1).toList();
        if (pairs.isEmpty()) {
            return;
        }
        RingReport bridge = pairs.get(random.nextInt(pairs.size()));
        String a = bridge.indicators().get(0).key();
        String b = bridge.indicators().get(1).key();
        String ringId = store.head(store.member(a).orElseThrow().home()).orElseThrow().ringId();

        store.apply(new RingSplit(planner).plan(ringId, a, b, "wrong", AT, store).writes());

        assertThat(rings(store)).isEqualTo(rings(fromScratch(planner, reports, a, b)));
        long writes = store.writeCount();
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> store.ingest(planner, r));
        assertThat(store.writeCount()).isEqualTo(writes);
    }
}
