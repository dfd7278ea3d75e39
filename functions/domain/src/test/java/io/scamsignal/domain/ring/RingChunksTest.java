package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * A valid report whose own writes exceed one transaction (the report schema's maxima: 10 numbers,
 * 10 websites, 10 e-mail addresses, 5 remote-access tools, 10 wallets, numbers in the description)
 * is linked in chunks, each a transaction, exactly once under redelivery and a crash between chunks.
 */
class RingChunksTest {

    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private final RingPlanner planner = new RingPlanner(3);

    /** The largest report: 55 indicators of the schema's types. */
    static RingReport largest(String id, Instant at, String network) {
        List<RingReport.Member> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(new RingReport.Member("phone#+1888555" + String.format("%04d", 100 + i), "phone", "+1888555" + (100 + i)));
        }
        for (int i = 0; i < 10; i++) {
            members.add(new RingReport.Member("domain#scam" + i + ".example", "domain", "scam" + i + ".example"));
            members.add(new RingReport.Member("email#help" + i + "@scam.example", "email", "help" + i + "@scam.example"));
            members.add(new RingReport.Member("wallet#bc1qscam" + i, "wallet", "bc1qscam" + i));
        }
        for (int i = 0; i < 5; i++) {
            members.add(new RingReport.Member("remote_access#tool-" + i, "remote_access", "tool-" + i));
        }
        return new RingReport(id, at, "fp-" + id, network, "US", new TreeSet<>(Set.of("Microsoft")),
                new BigDecimal("500"), new TreeSet<>(Set.of("gift_card")), "popup", members);
    }

    static RingReport small(String id, Instant at, String network, String... keys) {
        return new RingReport(id, at, "fp-" + id, network, "DE", new TreeSet<>(Set.of("Apple")), BigDecimal.ONE,
                new TreeSet<>(), "phone_call", java.util.Arrays.stream(keys)
                .map(k -> new RingReport.Member(k, k.substring(0, k.indexOf('#')), k)).toList());
    }

    @Test
    void theLargestReportFoundsOneRingCountedOnceAndARedeliveryOrACrashBetweenChunksChangesNothing() {
        RingReport big = largest("big", AT, "net-1");
        assertThat(big.indicators()).hasSize(55);
        assertThat(big.chunks(planner.chunkSize())).hasSize(5);

        InMemoryRingStore clean = new InMemoryRingStore();
        clean.ingest(planner, big);
        assertThat(clean.liveRings()).singleElement().satisfies(h -> {
            assertThat(h.reports()).isEqualTo(1);
            assertThat(h.members()).isEqualTo(55);
            assertThat(h.lossUsd()).isEqualByComparingTo("500");
            assertThat(h.distinctReporters()).isEqualTo(1);
            assertThat(h.ringId()).isEqualTo(RingIds.of("big"));
        });
        big.indicators().forEach(m -> assertThat(clean.member(m.key()).orElseThrow().reports()).isEqualTo(1));
        RingView view = RingView.of(clean, clean.liveRings().get(0));
        assertThat(view.reports()).extracting(RingItems.Report::reportId).containsExactly("big");
        assertThat(clean.transactions()).isEqualTo(5);
        long writes = clean.writeCount();
        clean.ingest(planner, big);
        assertThat(clean.writeCount()).isEqualTo(writes);

        // the invocation dies after the first chunk; the redelivery applies the rest, once
        InMemoryRingStore crashed = new InMemoryRingStore();
        assertThatThrownBy(() -> new RingLinker(planner, 8).link(big, crashed, new RingSplitTest.Crashing(crashed, 1)))
                .isInstanceOf(RingSplitTest.Crash.class);
        assertThat(crashed.liveRings()).singleElement().satisfies(h -> assertThat(h.members()).isEqualTo(12));
        crashed.ingest(planner, big);
        crashed.ingest(planner, big);
        assertThat(RingSplitTest.rings(crashed)).isEqualTo(RingSplitTest.rings(clean));
    }

    @Test
    void oneNetworkNamingFiftyIndicatorsOfTwoRingsIsAppliedInChunksAsCandidatesAndMergesNothing() {
        RingPlanner corroborating = new RingPlanner(3, RingPlanner.MAX_TRANSACTION_ITEMS, 2);
        InMemoryRingStore store = new InMemoryRingStore();
        List<String> keys = new ArrayList<>();
        for (String gang : List.of("a", "b")) {
            for (int i = 0; i < 25; i++) {
                String key = "phone#" + gang + String.format("%02d", i);
                keys.add(key);
                store.ingest(corroborating, small(gang + i, AT.plusSeconds(i + (gang.equals("a") ? 0 : 100)), "net-" + gang + i,
                        "phone#" + gang + "-hub", key));
            }
        }
        assertThat(store.liveRings()).hasSize(2);
        RingReport hostile = small("hostile", AT.plusSeconds(1000), "net-m", keys.toArray(String[]::new));
        store.ingest(corroborating, hostile);

        assertThat(store.liveRings()).hasSize(2).allSatisfy(h -> assertThat(h.merging()).isFalse());
        assertThat(store.liveRings().stream().mapToLong(RingItems.Head::reports).sum()).isEqualTo(51);
        assertThat(store.links()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.reportIds()).containsExactly("hostile");
            assertThat(l.reports()).isEqualTo(1);
        });
        long writes = store.writeCount();
        store.ingest(corroborating, hostile);
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Property(tries = 100)
    void largeReportsAmongSmallOnesCrashedAndRedeliveredInAnyOrderEndAsDeliveredOnceInOrder(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        RingPlanner tight = new RingPlanner(2, 20);
        List<RingReport> reports = new ArrayList<>();
        int n = 4 + random.nextInt(10);
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(4) == 0 ? 6 + random.nextInt(15) : 1 + random.nextInt(3);
            TreeSet<String> keys = new TreeSet<>();
            while (keys.size() < k) {
                keys.add("phone#" + random.nextInt(40));
            }
            reports.add(small("r" + i, AT.plusSeconds(60L * random.nextInt(100)), "net" + random.nextInt(4),
                    keys.toArray(String[]::new)));
        }
        InMemoryRingStore reference = new InMemoryRingStore();
        reports.stream().sorted(RingReport.FOUNDING_ORDER).forEach(r -> reference.ingest(tight, r));

        InMemoryRingStore store = new InMemoryRingStore();
        List<RingReport> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, random);
        RingLinker linker = new RingLinker(tight, 8);
        for (RingReport r : shuffled) {
            try {
                linker.link(r, store, new RingSplitTest.Crashing(store, random.nextInt(4)));
            } catch (RingSplitTest.Crash crashed) {
                // delivered again below
            }
        }
        Collections.shuffle(shuffled, random);
        shuffled.forEach(r -> linker.link(r, store, store.asTransactions()));
        assertThat(RingSplitTest.rings(store)).isEqualTo(RingSplitTest.rings(reference));
        long writes = store.writeCount();
        shuffled.forEach(r -> linker.link(r, store, store.asTransactions()));
        assertThat(store.writeCount()).isEqualTo(writes);
    }
}
