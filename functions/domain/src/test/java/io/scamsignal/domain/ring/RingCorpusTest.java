package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.support.RingCorpus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fold recovers exactly the generated campaigns as rings, whatever the delivery. */
class RingCorpusTest {

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();
    private static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.standard(BRANDS);
    private static final UsdRates RATES = UsdRates.defaults();
    private static RingCorpus.Corpus corpus;
    private static List<RingReport> ringReports;

    @BeforeAll
    static void generate() {
        corpus = RingCorpus.generate(42, List.of(10, 12, 25, 60, 120, 300, 2000), 400);
        ringReports = corpus.reports().stream().map(RingCorpusTest::ringReport).toList();
    }

    static RingReport ringReport(StoredReport report) {
        return toRingReport(report, corpus.networkOf().get(report.reportId()));
    }

    public static RingReport toRingReport(StoredReport report, String network) {
        Predicate<Indicator> linkable = RingLinking.linkable(BRANDS, RingCorpus.BENIGN_DOMAINS::contains);
        BigDecimal loss = report.loss() == null ? BigDecimal.ZERO
                : RATES.toUsd(report.loss().amount(), report.loss().currency()).orElse(BigDecimal.ZERO);
        Set<String> brand = BRANDS.canonicalBrand(report.impersonatedCompany()).map(Set::of).orElse(Set.of());
        return RingReport.of(report, EXTRACTOR.extract(report), brand, loss, network, linkable);
    }

    /** The true rings: each campaign's indicators, and each noise report's own. */
    private static Set<Set<String>> truth() {
        Map<Object, Set<String>> rings = new HashMap<>();
        for (RingReport r : ringReports) {
            Object ring = corpus.campaignOf().containsKey(r.reportId()) ? corpus.campaignOf().get(r.reportId()) : r.reportId();
            r.indicators().forEach(m -> rings.computeIfAbsent(ring, k -> new TreeSet<>()).add(m.key()));
        }
        return new HashSet<>(rings.values());
    }

    private static Set<Set<String>> partition(InMemoryRingStore store) {
        Set<Set<String>> rings = new HashSet<>();
        store.liveRings().forEach(h -> rings.add(new TreeSet<>(store.memberKeys(h.home()))));
        return rings;
    }

    @Test
    void theFoldRecoversExactlyTheTrueRings() {
        InMemoryRingStore store = RingFoldPropertyTest.ingest(ringReports);

        assertThat(partition(store)).isEqualTo(truth());
        assertThat(store.liveRings()).hasSize(corpus.campaigns().size() + 400);
        for (RingCorpus.Campaign c : corpus.campaigns()) {
            String founder = ringReports.stream().filter(r -> c.reportIds().contains(r.reportId()))
                    .min(RingReport.FOUNDING_ORDER).orElseThrow().reportId();
            RingItems.Head head = store.resolve(RingIds.of(founder)).orElseThrow();
            assertThat(head.reports()).isEqualTo(c.reportIds().size());
            assertThat(head.members()).isGreaterThanOrEqualTo(c.phones().size() + c.anyDeskIds().size());
        }
        // legitimate sites never became members
        Set<String> members = new HashSet<>();
        partition(store).forEach(members::addAll);
        assertThat(members).noneMatch(k -> k.contains("microsoft.com") || k.contains("amazon.com")
                || k.contains("wikipedia.org") || k.contains("facebook.com") || k.contains("bbc.co.uk"));
        assertThat(members).anyMatch(k -> k.startsWith("wallet#"));
        assertThat(corpus.reports()).anyMatch(r -> r.scammer().websites().stream().anyMatch(w -> w.contains("microsoft.com")));
    }

    @Test
    void everyReportDeliveredThreeTimesInShuffledOrderGivesTheSameRings() {
        InMemoryRingStore inOrder = RingFoldPropertyTest.ingest(ringReports);
        List<RingReport> thrice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thrice.addAll(ringReports);
        }
        Collections.shuffle(thrice, new Random(7));

        InMemoryRingStore shuffled = RingFoldPropertyTest.ingest(thrice);

        assertThat(partition(shuffled)).isEqualTo(truth());
        assertThat(RingFoldPropertyTest.state(shuffled)).isEqualTo(RingFoldPropertyTest.state(inOrder));
    }

    @Test
    void aBridgeReportMergesItsTwoCampaignsAndTheCheckAgreesWithTheFold() {
        RingCorpus.Corpus bridged = RingCorpus.generate(15, List.of(10, 12, 5, 6), 20, List.of(new RingCorpus.Join(2, 3)));
        List<RingReport> reports = bridged.reports().stream().map(r -> toRingReport(r, r.networkFingerprint())).toList();
        RingCorpus.Bridge bridge = bridged.bridges().get(0);
        StoredReport late = bridged.reports().stream().filter(r -> r.reportId().equals(bridge.reportIds().get(0)))
                .findFirst().orElseThrow();
        assertThat(bridged.reports().stream().filter(r -> bridged.campaignOf().containsKey(r.reportId())
                && bridged.campaignOf().get(r.reportId()) >= 2)).as("the bridge comes after both campaigns")
                .hasSize(11).allMatch(r -> r.receivedAt().isBefore(late.receivedAt()));
        assertThat(bridged.reports()).allMatch(r -> r.networkFingerprint().equals(bridged.networkOf().get(r.reportId())));

        InMemoryRingStore store = RingCorpusCheck.fold(reports, 3);

        // the truth has one ring less than campaigns plus noise: the bridge joined two
        assertThat(RingCorpusCheck.truth(reports)).hasSize(4 + 20 - 1);
        assertThat(RingCorpusCheck.partition(store, store.liveRings())).isEqualTo(RingCorpusCheck.truth(reports));
        String founder = reports.stream().filter(r -> bridged.campaigns().get(2).reportIds().contains(r.reportId())
                        || bridged.campaigns().get(3).reportIds().contains(r.reportId()))
                .min(RingReport.FOUNDING_ORDER).orElseThrow().reportId();
        assertThat(store.resolve(RingIds.of(founder)).orElseThrow().reports()).isEqualTo(5 + 6 + 2);
        // the same generator without bridges is the same corpus up to the bridge reports
        assertThat(RingCorpus.generate(15, List.of(10, 12, 5, 6), 20).reports())
                .isEqualTo(bridged.reports().subList(0, bridged.reports().size() - bridge.reportIds().size()));
    }

    @Test
    void writeItemsPerReport() {
        // in receivedAt order, as the stream mostly delivers: the figure the storage notes quote
        List<RingReport> ordered = new ArrayList<>(ringReports);
        ordered.sort(RingReport.FOUNDING_ORDER);
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(3);
        long merges = 0;
        long maxItems = 0;
        for (RingReport r : ordered) {
            long before = store.writeCount();
            RingPlanner.Plan plan = store.ingest(planner, r);
            merges += plan.events().stream().filter(e -> e instanceof RingEvent.Merged).count();
            maxItems = Math.max(maxItems, store.writeCount() - before);
        }
        double perReport = (double) store.writeCount() / ordered.size();
        System.out.printf("ring linking: %d reports, %d item writes (%.2f per report), %d merges, largest transaction %d items%n",
                ordered.size(), store.writeCount(), perReport, merges, maxItems);
        assertThat(perReport).isBetween(3.0, 12.0);
        assertThat(ordered.stream().max(Comparator.comparing(r -> r.indicators().size())).orElseThrow().indicators())
                .hasSizeLessThan(20);
    }
}
