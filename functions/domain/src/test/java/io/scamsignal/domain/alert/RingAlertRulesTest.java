package io.scamsignal.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.InMemoryRingStore;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.ring.RingView;
import io.scamsignal.domain.support.AlertSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RingAlertRulesTest {

    private final RingAlertRules rules = new RingAlertRules(RingAlertConfig.defaults());
    private final RingPlanner planner = new RingPlanner(RingAlertConfig.defaults().networkCap());
    private final InMemoryRingStore store = new InMemoryRingStore();

    private static RingReport report(int n, String reporter, String network, String brand, String... keys) {
        return new RingReport("r" + n, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * n), reporter, network,
                n % 2 == 0 ? "US" : "DE", new TreeSet<>(Set.of(brand)), new BigDecimal("100"), new TreeSet<>(Set.of("crypto")),
                "phone_call", java.util.Arrays.stream(keys).map(k -> new RingReport.Member(k, k.substring(0, k.indexOf('#')),
                        k.substring(k.indexOf('#') + 1))).toList());
    }

    @Test
    void levelsOfEffectiveReportersEscalateAndOneNetworkCannotGrowARing() {
        RingItems.Head head = null;
        for (int i = 0; i < 60; i++) {
            head = store.ingest(planner, report(i, "fp" + i, "net-shared", "Microsoft", "phone#+18885550100",
                    "domain#micros0ft-help.com")).ring();
        }
        // sixty people on one network count as the cap, three
        assertThat(head.distinctReporters()).isEqualTo(60);
        assertThat(head.effectiveReporters()).isEqualTo(3);
        assertThat(rules.evaluate(head)).isEmpty();

        for (int i = 60; i < 112; i++) {
            head = store.ingest(planner, report(i, "fp" + i, "net" + i, "Microsoft", "phone#+18885550100")).ring();
        }
        assertThat(head.effectiveReporters()).isEqualTo(55);
        assertThat(rules.evaluate(head)).extracting(RingAlertRules.RingTrigger::rule, RingAlertRules.RingTrigger::severity,
                RingAlertRules.RingTrigger::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ring_reporters", Severity.HIGH, "50"));
    }

    @Test
    void onePersonOnOneNetworkWithManyAddressesAndBrandsCausesNoRingAlert() {
        // one person, one address: a new e-mail or user agent is a new reporter fingerprint each time
        RingItems.Head head = null;
        for (int i = 0; i < 40; i++) {
            head = store.ingest(planner, report(i, "fp-alias" + i, "net-home", i % 2 == 0 ? "Microsoft" : "Apple",
                    "phone#+18885550100", "domain#micros0ft-help.com")).ring();
        }
        assertThat(head.distinctReporters()).isEqualTo(40);
        assertThat(head.networks()).isEqualTo(1);
        assertThat(head.brands()).containsOnlyKeys("Apple", "Microsoft");
        assertThat(head.corroboratedBrands()).isEmpty();
        // even with a cap and a first level this low, one network alerts nothing
        RingAlertRules lenient = new RingAlertRules(new RingAlertConfig(List.of(2L), 2, 2, 2, 50, 2));
        assertThat(lenient.evaluate(head)).isEmpty();
        assertThat(rules.evaluate(head)).isEmpty();
    }

    @Test
    void crossBrandNeedsTheFirstReporterLevelAndEachBrandFromTwoNetworks() {
        RingItems.Head head = null;
        // Microsoft from nine networks, Apple from one (the same person twice)
        for (int i = 0; i < 9; i++) {
            head = store.ingest(planner, report(i, "fp" + i, "net" + i, "Microsoft", "phone#+18885550100",
                    "domain#micros0ft-help.com")).ring();
        }
        head = store.ingest(planner, report(9, "fp9", "net9", "Apple", "phone#+18885550100")).ring();
        head = store.ingest(planner, report(10, "fp9b", "net9", "Apple", "phone#+18885550100")).ring();
        assertThat(head.effectiveReporters()).isEqualTo(11);
        assertThat(head.corroboratedBrands()).containsExactly("Microsoft");
        assertThat(rules.evaluate(head)).extracting(RingAlertRules.RingTrigger::rule).containsExactly("ring_reporters");

        // Apple from a second network: now both brands are corroborated
        head = store.ingest(planner, report(11, "fp11", "net11", "Apple", "phone#+18885550100")).ring();
        assertThat(head.corroboratedBrands()).containsExactly("Apple", "Microsoft");
        assertThat(rules.evaluate(head)).extracting(RingAlertRules.RingTrigger::rule)
                .containsExactly("ring_reporters", "cross_brand");

        // below the first level (10) no cross_brand, however many networks name both brands
        InMemoryRingStore small = new InMemoryRingStore();
        RingItems.Head few = null;
        for (int i = 0; i < 6; i++) {
            few = small.ingest(planner, report(i, "fp" + i, "net" + i, i % 2 == 0 ? "Microsoft" : "Apple",
                    "phone#+18885550177", "domain#appl3-help.com")).ring();
        }
        assertThat(few.corroboratedBrands()).containsExactly("Apple", "Microsoft");
        assertThat(rules.evaluate(few)).isEmpty();
    }

    @Test
    void aRingAlertSaysThroughWhichChannelsItsReportsCame() {
        RingItems.Head head = null;
        for (int i = 0; i < 12; i++) {
            RingReport r = report(i, "fp" + i, "net" + i, "Microsoft", "phone#+18885550100", "domain#micros0ft-help.com");
            r = new RingReport(r.reportId(), r.receivedAt(), r.reporterFingerprint(), r.networkFingerprint(), r.country(),
                    r.brands(), r.lossUsd(), r.paymentMethods(), r.contactMethod(), r.indicators(),
                    i % 3 == 0 ? "Contoso" : null);
            head = store.ingest(planner, r).ring();
        }
        RingAlertRules.RingTrigger trigger = rules.evaluate(head).get(0);
        RingAlertMessage alert = RingAlertMessage.create(trigger, head, List.of(), Instant.parse("2026-11-29T00:00:00Z"));

        assertThat(alert.ring().sources()).containsExactlyEntriesOf(new TreeMap<>(Map.of("Contoso", 4L, "public", 8L)));
        assertThat(alert.filterAttributes().sources()).containsExactly("Contoso", "public");
    }

    @Test
    void aRingOfOneIndicatorNeverAlerts() {
        RingItems.Head head = null;
        for (int i = 0; i < 20; i++) {
            head = store.ingest(planner, report(i, "fp" + i, "net" + i, i % 2 == 0 ? "Microsoft" : "Amazon",
                    "phone#+18885550100")).ring();
        }
        assertThat(head.effectiveReporters()).isEqualTo(20);
        assertThat(rules.evaluate(head)).isEmpty();
    }

    @Test
    void aMergeAcrossBrandsIsCrossBrandAndNamesBothRings() throws Exception {
        for (int i = 0; i < 6; i++) {
            store.ingest(planner, report(i, "fp" + i, "net" + i, "Microsoft", "phone#+18885550100", "remote_access_id#anydesk:123456789"));
        }
        for (int i = 6; i < 12; i++) {
            store.ingest(planner, report(i, "fp" + i, "net" + i, "Amazon", "phone#+18885550199", "domain#amaz0n-refund.com"));
        }
        assertThat(store.liveRings()).hasSize(2);
        String older = store.liveRings().stream().filter(h -> h.founderReportId().equals("r0")).findFirst().orElseThrow().ringId();
        String younger = store.liveRings().stream().filter(h -> h.founderReportId().equals("r6")).findFirst().orElseThrow().ringId();

        RingPlanner.Plan plan = store.ingest(planner, report(12, "fp12", "net12", "Amazon",
                "wallet#btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "phone#+18885550199", "remote_access_id#anydesk:123456789"));

        RingItems.Head ring = plan.ring();
        assertThat(ring.ringId()).isEqualTo(older);
        assertThat(store.liveRings()).hasSize(1);
        assertThat(store.resolve(younger)).contains(ring);
        assertThat(rules.evaluate(ring)).extracting(RingAlertRules.RingTrigger::rule)
                .containsExactly("ring_reporters", "cross_brand");
        List<RingAlertRules.RingTrigger> merged = rules.merges(ring, plan.events());
        assertThat(merged).singleElement().satisfies(t -> assertThat(t.mergedRingId()).isEqualTo(younger));

        // the same from the stream images of the absorbed ring's head
        RingItems.Head tombstone = store.liveRings().isEmpty() ? null : plan.writes().stream()
                .filter(w -> w instanceof io.scamsignal.domain.ring.RingWrite.PutHead h && !h.head().live())
                .map(w -> ((io.scamsignal.domain.ring.RingWrite.PutHead) w).head()).findFirst().orElseThrow();
        RingItems.Head before = new RingItems.Head(tombstone.home(), tombstone.ringId(), tombstone.version() - 1, null,
                tombstone.founderAt(), tombstone.founderReportId(), tombstone.reports(), tombstone.members(),
                tombstone.distinctReporters(), tombstone.effectiveReporters(), tombstone.firstReport(), tombstone.lastReport(),
                tombstone.lossUsd(), tombstone.countries(), tombstone.brands(), tombstone.paymentMethods(),
                tombstone.contactMethods(), tombstone.reportsByMonth(), tombstone.memberTypes(), tombstone.sources(),
                null, null, tombstone.networks(), tombstone.brandNetworks());
        assertThat(rules.merges(before, tombstone, store.head(tombstone.mergedInto()).orElseThrow())).isEqualTo(merged);
        assertThat(rules.merges(before, before, ring)).isEmpty();

        List<RingItems.Member> members = RingView.of(store, ring).members();
        for (RingAlertRules.RingTrigger trigger : List.of(rules.evaluate(ring).get(0), rules.evaluate(ring).get(1), merged.get(0))) {
            RingAlertMessage message = RingAlertMessage.create(trigger, ring, members, Instant.parse("2026-11-29T10:00:00.123Z"));
            JsonNode json = Json.mapper().readTree(Json.write(message));
            assertThat(AlertSchema.violations(json)).as(json.toString()).isEmpty();
            assertThat(json.toString()).doesNotContain("fp1").doesNotContain("net1");
            assertThat(json.at("/ring/ringId").asText()).isEqualTo(older);
            assertThat(message.filterAttributes().members()).isEqualTo(5);
            assertThat(message.filterAttributes().brands()).containsExactly("Amazon", "Microsoft");
        }
        RingAlertMessage mergeMessage = RingAlertMessage.create(merged.get(0), ring, members, Instant.now());
        assertThat(mergeMessage.ring().mergedRingId()).isEqualTo(younger);
        assertThat(mergeMessage.alertId()).isNotEqualTo(RingAlertMessage.create(rules.evaluate(ring).get(0), ring, members,
                Instant.now()).alertId());
        JsonNode withoutMerged = Json.mapper().readTree(Json.write(mergeMessage));
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutMerged.get("ring")).remove("mergedRingId");
        assertThat(AlertSchema.violations(withoutMerged)).isNotEmpty();
    }
    @Test
    void aSplitIsOneRingSplitPerPartPartnersHeardOfAndNothingElse() {
        RingAlertRules low = new RingAlertRules(new RingAlertConfig(List.of(3L, 5L), 2, 2, 2, 50, 3));
        for (int i = 0; i < 4; i++) {
            store.ingest(planner, report(i, "fa" + i, "net-a" + i, "Microsoft", "phone#+18885550100", "phone#+1888555020" + i));
            store.ingest(planner, report(10 + i, "fb" + i, "net-b" + i, "Apple", "phone#+442079460958", "phone#+4420794609" + (70 + i)));
        }
        RingItems.Head merged = store.ingest(planner, report(30, "fx", "net-x", "Apple", "phone#+18885550100",
                "phone#+442079460958")).ring();
        io.scamsignal.domain.ring.RingSplit.Plan split = new io.scamsignal.domain.ring.RingSplit(planner).plan(merged.ringId(),
                "phone#+18885550100", "phone#+442079460958", "r", Instant.parse("2026-12-01T00:00:00Z"), store);
        RingItems.Head founders = split.parts().get(0);
        RingItems.Head splitOff = split.parts().get(1);
        assertThat(founders.ringId()).isEqualTo(merged.ringId());
        assertThat(low.splits(merged, founders)).extracting(RingAlertRules.RingTrigger::rule, RingAlertRules.RingTrigger::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ring_split", "v" + founders.version()));
        assertThat(low.splits(null, splitOff)).extracting(RingAlertRules.RingTrigger::rule)
                .containsExactly("ring_split");
        // growing, renaming, a new ring and a merge are no splits
        assertThat(low.splits(founders, merged)).isEmpty();
        assertThat(low.splits(null, merged)).isEmpty();
        assertThat(low.splits(merged, merged)).isEmpty();
        // a ring partners never heard of (below the first level) splits silently
        RingAlertRules high = new RingAlertRules(new RingAlertConfig(List.of(50L), 2, 2, 2, 50, 3));
        assertThat(high.splits(merged, founders)).isEmpty();
        assertThat(high.splits(null, splitOff)).isEmpty();
    }
    /**
     * A ring that alerted, was absorbed (its campaign revoked), and is split off again by an operator
     * below the first level, because the bridge that had given it its third reporter is withdrawn: no
     * alert then; when new reports take it past the first level, and again past the second, a
     * ring_reporters alert whose id its earlier life never used, so it is claimed and published (and
     * its campaign published again); in between, nothing.
     */
    @Test
    void aPartSplitOffBelowTheFirstLevelAlertsWhenItCrossesALevelAgain() {
        RingAlertRules low = new RingAlertRules(new RingAlertConfig(List.of(3L, 5L), 2, 2, 2, 50, 3));
        for (int i = 0; i < 4; i++) {
            store.ingest(planner, report(i, "fa" + i, "net-a" + i, "Microsoft", "phone#+18885550100", "phone#+1888555020" + i));
        }
        String p = "phone#+442079460958";
        String q = "phone#+442079460970";
        String r = "phone#+442079460971";
        String s = "phone#+15555550199";
        store.ingest(planner, report(10, "fb0", "net-b0", "Apple", p, q));
        store.ingest(planner, report(11, "fc0", "net-c0", "Apple", r, s));
        // a third reporter links the two: ring B (the older's id) at the first level
        RingItems.Head b = store.ingest(planner, report(12, "fb1", "net-b1", "Apple", q, r)).ring();
        String ringB = b.ringId();
        List<RingAlertRules.RingTrigger> firstLife = low.evaluate(null, b);
        assertThat(firstLife).extracting(RingAlertRules.RingTrigger::rule, RingAlertRules.RingTrigger::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ring_reporters", "3"));
        String firstLifeAlert = RingAlertMessage.alertId(ringB, firstLife.get(0));
        // then B is absorbed into the older A
        RingItems.Head merged = store.ingest(planner, report(20, "fz", "net-z", "Apple", s, "phone#+18885550100")).ring();
        assertThat(store.liveRings()).hasSize(1);

        io.scamsignal.domain.ring.RingSplit.Plan split = new io.scamsignal.domain.ring.RingSplit(planner).plan(
                merged.ringId(), q, r, "r", Instant.parse("2026-12-01T00:00:00Z"), store);
        store.apply(split.writes());
        RingItems.Head part = store.resolve(ringB).orElseThrow();
        assertThat(part.home()).isNotEqualTo(b.home());
        assertThat(part.effectiveReporters()).isEqualTo(2);
        // below the first level: not alertable, no ring_split, nothing
        assertThat(low.splits(null, part)).isEmpty();
        assertThat(low.evaluate(null, part)).isEmpty();

        RingItems.Head grown = store.ingest(planner, report(30, "fb3", "net-b3", "Apple", p, "phone#+442079460973")).ring();
        assertThat(grown.ringId()).isEqualTo(ringB);
        assertThat(low.splits(part, grown)).isEmpty();
        List<RingAlertRules.RingTrigger> crossed = low.evaluate(part, grown);
        assertThat(crossed).extracting(RingAlertRules.RingTrigger::rule, RingAlertRules.RingTrigger::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ring_reporters", Severity.MEDIUM));
        assertThat(RingAlertMessage.alertId(ringB, crossed.get(0))).isNotEqualTo(firstLifeAlert);
        // a retry of the same change: the same alert
        assertThat(low.evaluate(part, grown)).isEqualTo(crossed);

        RingItems.Head fourth = store.ingest(planner, report(31, "fb4", "net-b4", "Apple", p)).ring();
        assertThat(low.evaluate(grown, fourth)).isEmpty();
        RingItems.Head fifth = store.ingest(planner, report(32, "fb5", "net-b5", "Apple", p)).ring();
        assertThat(low.evaluate(fourth, fifth)).extracting(RingAlertRules.RingTrigger::rule, RingAlertRules.RingTrigger::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ring_reporters", Severity.HIGH));

        // the founder's part is no split-off part: its alerts are evaluate's, as before
        RingItems.Head founders = store.resolve(merged.ringId()).orElseThrow();
        assertThat(low.evaluate(merged, founders)).isEqualTo(low.evaluate(founders));
    }
}
