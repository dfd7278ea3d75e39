package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.alert.RingAlertConfig;
import io.scamsignal.domain.alert.RingAlertRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Merges need corroboration (RingMergeMinNetworks 2): a link between two existing rings named from
 * one network is a candidate, stored once per report and shown on both sides; a second network's
 * report merges the rings, once.
 */
class RingCorroborationTest {

    private static final int CAP = 2;
    private final RingPlanner planner = new RingPlanner(CAP, RingPlanner.MAX_TRANSACTION_ITEMS, 2);
    private final InMemoryRingStore store = new InMemoryRingStore();

    static RingReport report(String id, long hour, String reporter, String network, String... keys) {
        return new RingReport(id, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * hour), reporter, network,
                "US", new TreeSet<>(Set.of("Microsoft")), BigDecimal.TEN, new TreeSet<>(), "phone_call",
                Arrays.stream(keys).map(k -> new RingReport.Member(k, "phone", k)).toList());
    }

    /** Two honest rings of ten victims each, every victim on a network of their own. */
    private void twoGangs() {
        for (int i = 0; i < 10; i++) {
            store.ingest(planner, report("a" + i, i, "va" + i, "net-a" + i, "phone#A", "phone#A" + i));
            store.ingest(planner, report("b" + i, i, "vb" + i, "net-b" + i, "phone#B", "phone#B" + i));
        }
        assertThat(store.liveRings()).hasSize(2);
    }

    private RingItems.Head ringOf(String key) {
        return store.head(store.member(key).orElseThrow().home()).orElseThrow();
    }

    @Test
    void aBridgeNamedByOneNetworkIsACandidateAndASecondNetworkMergesOnce() {
        twoGangs();
        RingItems.Head a = ringOf("phone#A");
        RingItems.Head b = ringOf("phone#B");

        // one person, three reports with three e-mails, one network, naming both gangs' numbers and a new one
        for (int i = 0; i < 3; i++) {
            RingPlanner.Plan plan = store.ingest(planner, report("x" + i, 20 + i, "mallory" + i, "net-m",
                    "phone#A", "phone#B", "phone#M"));
            assertThat(plan.events()).noneMatch(e -> e instanceof RingEvent.Merged);
        }
        assertThat(store.liveRings()).hasSize(2);
        assertThat(ringOf("phone#B").reports()).isEqualTo(10);
        assertThat(ringOf("phone#M").ringId()).isEqualTo(a.ringId());
        assertThat(store.link("phone#B", "phone#A")).hasValueSatisfying(l -> {
            assertThat(l.networks()).containsExactly("net-m");
            assertThat(l.reportIds()).containsExactly("x0", "x1", "x2");
            assertThat(l.reports()).isEqualTo(3);
        });
        assertThat(store.member("phone#B").orElseThrow().candidates()).containsExactly("phone#A", "phone#M");
        assertThat(store.member("phone#A").orElseThrow().candidates()).containsExactly("phone#B");
        assertThat(store.member("phone#M").orElseThrow().singleNetwork()).isTrue();
        assertThat(store.member("phone#A").orElseThrow().singleNetwork()).isFalse();
        RingView viewB = RingView.of(store, ringOf("phone#B"));
        assertThat(viewB.candidates()).extracting(RingView.Candidate::a, RingView.Candidate::b, RingView.Candidate::otherRingId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phone#A", "phone#B", a.ringId()),
                        org.assertj.core.groups.Tuple.tuple("phone#B", "phone#M", a.ringId()));
        assertThat(RingView.of(store, ringOf("phone#A")).candidates()).extracting(RingView.Candidate::otherRingId)
                .containsOnly(b.ringId());
        // the bridge report's links to the other ring are no links of its own ring
        assertThat(RingView.of(store, ringOf("phone#A")).links()).noneMatch(l -> l.b().equals("phone#B"));

        // a second, independent network names the link: the merge, once
        RingPlanner.Plan merge = store.ingest(planner, report("y", 30, "victim-y", "net-y", "phone#A", "phone#B"));
        assertThat(merge.events()).containsOnlyOnce(new RingEvent.Merged(a.ringId(), b.ringId()));
        assertThat(store.liveRings()).singleElement().satisfies(h -> {
            assertThat(h.ringId()).isEqualTo(a.ringId());
            assertThat(h.reports()).isEqualTo(24);
        });
        assertThat(RingView.of(store, store.liveRings().get(0)).candidates()).isEmpty();
        // redelivery of every report changes nothing
        long writes = store.writeCount();
        for (String id : List.of("x0", "x1", "x2", "y")) {
            assertThat(store.ingest(planner, id.equals("y") ? report("y", 30, "victim-y", "net-y", "phone#A", "phone#B")
                    : report(id, 20 + (id.charAt(1) - '0'), "mallory" + id.charAt(1), "net-m", "phone#A", "phone#B",
                    "phone#M")).isEmpty()).isTrue();
        }
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Test
    void aCandidatePlanIsHeldToTheOtherRingsVersion() {
        twoGangs();
        RingPlanner.Plan bridge = planner.plan(report("x0", 20, "mallory", "net-m", "phone#A", "phone#B"), store);
        // another report grows ring B between the bridge's reads and its write
        store.ingest(planner, report("b10", 21, "vb10", "net-b10", "phone#B"));
        long bReports = ringOf("phone#B").reports();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.apply(bridge.writes()))
                .isInstanceOf(InMemoryRingStore.ConflictException.class);
        assertThat(ringOf("phone#B").reports()).isEqualTo(bReports);
        assertThat(store.member("phone#B").orElseThrow().reports()).isEqualTo(11);
    }

    @Test
    void bothRingsReferralPacketsShowTheCandidateWithItsReportIdsAndALowConfidence() throws Exception {
        twoGangs();
        store.ingest(planner, report("x0", 20, "mallory", "net-m", "phone#A", "phone#B"));
        String ringA = ringOf("phone#A").ringId();
        String ringB = ringOf("phone#B").ringId();
        for (String key : List.of("phone#A", "phone#B")) {
            RingView view = RingView.of(store, ringOf(key));
            Map<String, String> documents = new TreeMap<>();
            view.reports().forEach(r -> documents.put(r.reportId(), "{\"reportId\":\"" + r.reportId() + "\"}"));
            io.scamsignal.domain.referral.ReferralPacket packet = io.scamsignal.domain.referral.ReferralPacket.build(view,
                    documents, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
            com.fasterxml.jackson.databind.JsonNode json = io.scamsignal.domain.json.Json.mapper()
                    .readTree(io.scamsignal.domain.json.Json.write(packet));
            assertThat(io.scamsignal.domain.support.ContractSchema.REFERRAL_PACKET.violations(json)).isEmpty();
            assertThat(json.at("/candidateLinks/0/a").asText()).isEqualTo("phone#A");
            assertThat(json.at("/candidateLinks/0/b").asText()).isEqualTo("phone#B");
            assertThat(json.at("/candidateLinks/0/otherRingId").asText()).isEqualTo(key.equals("phone#A") ? ringB : ringA);
            assertThat(json.at("/candidateLinks/0/reportIds/0").asText()).isEqualTo("x0");
            assertThat(json.at("/candidateLinks/0/networks").asLong()).isEqualTo(1);
            // the ring's own indicators: the shared number from ten networks, each victim's own from one
            assertThat(packet.indicators()).filteredOn(i -> i.value().length() == 1).allMatch(i -> !i.singleNetwork());
            assertThat(packet.indicators()).filteredOn(i -> i.value().length() == 2)
                    .hasSize(10).allMatch(io.scamsignal.domain.referral.ReferralPacket.IndicatorEntry::singleNetwork);
            String stix = io.scamsignal.domain.json.Json.write(io.scamsignal.domain.referral.ReferralStix.bundle(packet));
            assertThat(stix).contains("\"relationship_type\":\"related-to\"").contains("\"confidence\":15");
            String html = io.scamsignal.domain.referral.ReferralHtml.render(packet);
            assertThat(html).contains("Candidate links to other rings (not merged)").contains("x0");
        }
    }

    @Test
    void onePersonWithManyAddressesOnOneNetworkCausesNoRingAlertAndNoMerge() {
        twoGangs();
        RingAlertRules rules = new RingAlertRules(new RingAlertConfig(List.of(3L), 2, 2, 2, CAP, 2));
        InMemoryRingStore alone = new InMemoryRingStore();
        RingItems.Head head = null;
        for (int i = 0; i < 30; i++) {
            head = alone.ingest(planner, report("m" + i, i, "alias" + i + "@example.org", "net-m",
                    "phone#M1", "phone#M2")).ring();
        }
        assertThat(head.distinctReporters()).isEqualTo(30);
        assertThat(rules.evaluate(head)).isEmpty();
        for (int i = 0; i < 30; i++) {
            store.ingest(planner, report("m" + i, 40 + i, "alias" + i + "@example.org", "net-m", "phone#A" + i % 10,
                    "phone#B" + (i * 7) % 10));
        }
        assertThat(store.liveRings()).hasSize(2);
    }

    // --- properties --------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<RingReport>> sequences() {
        return new RingFoldPropertyTest().sequences();
    }

    /** Redelivered any number of times, anywhere after its first delivery, a report changes nothing. */
    @Property(tries = 200)
    void redeliveryChangesNothing(@ForAll("sequences") List<RingReport> reports, @ForAll long seed) {
        Random random = new Random(seed);
        List<RingReport> order = new ArrayList<>(reports);
        Collections.shuffle(order, random);
        List<RingReport> withDuplicates = new ArrayList<>();
        for (RingReport r : order) {
            withDuplicates.add(r);
            if (random.nextBoolean()) {
                // an earlier report delivered again after this one
                withDuplicates.add(withDuplicates.get(random.nextInt(withDuplicates.size())));
            }
        }
        assertThat(state(ingest(withDuplicates, RingPlanner.MAX_TRANSACTION_ITEMS)))
                .isEqualTo(state(ingest(order, RingPlanner.MAX_TRANSACTION_ITEMS)));
    }

    /** Merges in steps (a tiny transaction limit) end where merges in one transaction do. */
    @Property(tries = 200)
    void mergesInStepsEndWhereOneTransactionEnds(@ForAll("sequences") List<RingReport> reports) {
        assertThat(state(ingest(reports, 24))).isEqualTo(state(ingest(reports, RingPlanner.MAX_TRANSACTION_ITEMS)));
    }

    /**
     * Rings that exist before a hostile network's reports (and no candidate link between them) are
     * never merged by them, whatever those reports name and however many addresses they give.
     */
    @Property(tries = 200)
    void oneNetworkNeverMergesTwoExistingRings(@ForAll("sequences") List<RingReport> honest,
                                               @ForAll("sequences") List<RingReport> hostile) {
        InMemoryRingStore s = new InMemoryRingStore();
        RingPlanner components = new RingPlanner(CAP, 24);
        honest.forEach(r -> s.ingest(components, r));
        Map<String, Set<String>> before = partition(s);
        RingPlanner p = new RingPlanner(CAP, 24, 2);
        for (RingReport r : hostile) {
            s.ingest(p, new RingReport("h" + r.reportId(), r.receivedAt(), "mallory-" + r.reporterFingerprint(),
                    "net-mallory", r.country(), r.brands(), r.lossUsd(), r.paymentMethods(), r.contactMethod(),
                    r.indicators(), r.source()));
        }
        Map<String, Set<String>> after = partition(s);
        for (Set<String> ring : after.values()) {
            long existed = before.values().stream().filter(b -> ring.containsAll(b)).count();
            assertThat(existed).as("rings %s inside %s", before.values(), ring).isLessThanOrEqualTo(1);
        }
    }

    static InMemoryRingStore ingest(List<RingReport> reports, int maxItems) {
        InMemoryRingStore s = new InMemoryRingStore();
        RingLinker linker = new RingLinker(new RingPlanner(CAP, maxItems, 2), 8);
        RingLinker.Transactions counting = writes -> {
            assertThat(writes).hasSizeLessThanOrEqualTo(maxItems);
            if (writes.stream().noneMatch(w -> w instanceof RingWrite.PutHead)) {
                STEPS.incrementAndGet();
            }
            return s.asTransactions().apply(writes);
        };
        reports.forEach(r -> linker.link(r, s, counting));
        return s;
    }

    /** Move steps of merges in steps over all tries: the properties must exercise them. */
    private static final java.util.concurrent.atomic.AtomicInteger STEPS = new java.util.concurrent.atomic.AtomicInteger();

    @net.jqwik.api.lifecycle.AfterContainer
    static void mergesWentInSteps() {
        assertThat(STEPS.get()).as("move steps over all tries").isPositive();
    }

    /** Ring id to its member keys. */
    static Map<String, Set<String>> partition(InMemoryRingStore s) {
        Map<String, Set<String>> out = new TreeMap<>();
        s.liveRings().forEach(h -> out.put(h.ringId(), new HashSet<>(s.memberKeys(h.home()))));
        return out;
    }

    /** The fold's state, plus the candidate links and the members' network marks. */
    static Map<String, Object> state(InMemoryRingStore s) {
        Map<String, Object> out = new TreeMap<>(RingFoldPropertyTest.state(s));
        out.put("~links", s.links().stream().map(Object::toString).collect(Collectors.toList()));
        out.put("~members", s.liveRings().stream().flatMap(h -> RingView.of(s, h).members().stream())
                .map(m -> m.key() + m.networks() + m.candidates()).sorted().toList());
        return out;
    }
}
