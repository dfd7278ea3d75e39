package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RingPlannerTest {

    private final RingPlanner planner = new RingPlanner(2);
    private final InMemoryRingStore store = new InMemoryRingStore();

    private static RingReport report(String id, String at, String... keys) {
        return new RingReport(id, Instant.parse(at), "fp-" + id, "net-" + id, "US", new TreeSet<>(Set.of("Microsoft")),
                BigDecimal.TEN, new TreeSet<>(), "popup", java.util.Arrays.stream(keys)
                .map(k -> new RingReport.Member(k, k.substring(0, k.indexOf('#')), k)).toList());
    }

    @Test
    void aReportWhoseOwnWritesExceedATransactionGoesInChunksAndMergesOnce() {
        RingPlanner small = new RingPlanner(2, 12);
        for (int i = 0; i < 3; i++) {
            store.ingest(small, report("a" + i, "2026-11-01T00:0" + i + ":00Z", "phone#A"));
            store.ingest(small, report("b" + i, "2026-11-02T00:0" + i + ":00Z", "phone#B"));
        }
        // joins both rings and names two new indicators: its own writes alone (2·4 + 7) exceed 12
        RingReport joiner = report("j", "2026-11-03T00:00:00Z", "phone#A", "phone#B", "phone#C", "phone#D");
        assertThat(joiner.chunks(small.chunkSize())).extracting(RingReport::reportId)
                .containsExactly("j", "j/part-1", "j/part-2");

        store.ingest(small, joiner);
        assertThat(store.liveRings()).singleElement().satisfies(h -> {
            assertThat(h.reports()).isEqualTo(7);
            assertThat(h.members()).isEqualTo(4);
            assertThat(h.merging()).isFalse();
        });
        assertThat(store.member("phone#A").orElseThrow().reports()).isEqualTo(4);
        assertThat(store.member("phone#D").orElseThrow().reports()).isEqualTo(1);
        long writes = store.writeCount();
        store.ingest(small, joiner);
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Test
    void aRedeliveredReportWhoseIndicatorsChangedMeanwhileChangesNothing() {
        store.ingest(planner, report("a", "2026-11-01T00:00:00Z", "phone#A", "domain#shared.example"));
        store.ingest(planner, report("b", "2026-11-02T00:00:00Z", "phone#B"));
        long writes = store.writeCount();
        // delivered again after the lists changed: now it names B too (its site, say, is no longer benign)
        RingReport again = report("a", "2026-11-01T00:00:00Z", "phone#A", "phone#B");

        assertThat(store.ingest(planner, again)).isEqualTo(RingPlanner.Plan.NOTHING);
        assertThat(store.writeCount()).isEqualTo(writes);
        assertThat(store.liveRings()).hasSize(2);
    }

    @Test
    void aRedeliveredReportChangesNothing() {
        RingReport r = report("a", "2026-11-01T00:00:00Z", "phone#+18885550100", "domain#x-help.com");
        RingPlanner.Plan first = store.ingest(planner, r);
        long writes = store.writeCount();

        assertThat(first.events()).containsExactly(new RingEvent.Founded(RingIds.of("a")));
        assertThat(store.ingest(planner, r)).isEqualTo(RingPlanner.Plan.NOTHING);
        assertThat(store.writeCount()).isEqualTo(writes);
    }

    @Test
    void aLateEarlierReportRenamesTheRingAndTheOldIdAnswersWithTheNewOne() {
        store.ingest(planner, report("b", "2026-11-02T00:00:00Z", "phone#+18885550100"));
        RingPlanner.Plan plan = store.ingest(planner, report("a", "2026-11-01T00:00:00Z", "phone#+18885550100",
                "wallet#eth:0xabc"));

        assertThat(plan.events()).contains(new RingEvent.Renamed(RingIds.of("a"), RingIds.of("b")));
        assertThat(store.resolve(RingIds.of("b"))).contains(plan.ring());
        assertThat(plan.ring().ringId()).isEqualTo(RingIds.of("a"));
        assertThat(plan.ring().founderReportId()).isEqualTo("a");
    }

    @Test
    void aPlanAppliedOnAChangedRingIsRejectedWhole() {
        store.ingest(planner, report("a", "2026-11-01T00:00:00Z", "phone#+18885550100"));
        RingPlanner.Plan stale = planner.plan(report("b", "2026-11-02T00:00:00Z", "phone#+18885550100"), store);
        store.ingest(planner, report("c", "2026-11-03T00:00:00Z", "phone#+18885550100"));
        long writes = store.writeCount();

        assertThatThrownBy(() -> store.apply(stale.writes())).isInstanceOf(InMemoryRingStore.ConflictException.class);
        assertThat(store.writeCount()).isEqualTo(writes);
        assertThat(store.liveRings().get(0).reports()).isEqualTo(2);
    }

    @Test
    void brandSitesBenignSitesAndTheirAddressesNeverLinkButAScammersGmailDoes() {
        BrandRegistry brands = BrandRegistry.defaults();
        StoredReport report = new StoredReport(1, "r", Instant.parse("2026-11-01T00:00:00Z"), ContactMethod.POPUP,
                "Microsoft", LocalDate.parse("2026-11-01"), "US", new Scammer(List.of("+1 888 555 0100"),
                List.of("https://www.microsoft.com/en-us/support", "https://en.wikipedia.org/wiki/Scam", "micros0ft-help.com"),
                List.of("support@microsoft.com", "win.helpdesk@gmail.com", "info@wikipedia.org"), List.of(), List.of()),
                Loss.none(), null, "fp");
        List<Indicator> indicators = IndicatorExtractor.standard(brands).extract(report);

        RingReport ringReport = RingReport.of(report, indicators, Set.of("Microsoft"), BigDecimal.ZERO, "net",
                RingLinking.linkable(brands, Set.of("wikipedia.org")::contains));

        assertThat(ringReport.indicators()).extracting(RingReport.Member::key).containsExactly(
                "domain#micros0ft-help.com", "email#win.helpdesk@gmail.com", "phone#+18885550100");
    }
}
