package io.scamsignal.enrichment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnrichmentServiceTest {

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();

    /** A store whose every application waits 20 ms, as a DynamoDB round trip does, counting who is inside at once. */
    static final class SlowStore implements IndicatorRepository {
        final Set<String> applied = ConcurrentHashMap.newKeySet();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final String refused;

        SlowStore(String refused) {
            this.refused = refused;
        }

        @Override
        public int apply(List<IndicatorContribution> sameIndicator) {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
                String key = sameIndicator.get(0).indicator().key();
                if (key.equals(refused)) {
                    throw new IllegalStateException("refused " + key);
                }
                applied.add(key);
                return sameIndicator.size();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    /** Twenty reports from one sender, ten new sites each, and the honest number behind them. */
    private static List<StoredReport> batch() {
        List<StoredReport> reports = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            int report = r;
            reports.add(report("flood-" + r, new Scammer(List.of(), IntStream.range(0, 10)
                    .mapToObj(i -> "https://shop-" + report + "-" + i + "-refunds.com/").toList(), List.of(), List.of(), List.of())));
        }
        reports.add(report("honest", new Scammer(List.of("+1 888 555 0142"), List.of(), List.of(), List.of(), List.of())));
        return reports;
    }

    private static StoredReport report(String id, Scammer scammer) {
        return StoredReport.builder(id).receivedAt(Instant.parse("2026-12-01T10:00:00Z")).contactMethod(ContactMethod.POPUP)
                .impersonatedCompany("Microsoft").incidentDate(LocalDate.parse("2026-12-01")).country("US")
                .scammer(scammer).reporterFingerprint("fp-" + id).networkFingerprint("net-" + id).build();
    }

    private static EnrichmentService service(IndicatorRepository store) {
        return new EnrichmentService(new ContributionPlanner(IndicatorExtractor.standard(BRANDS), BRANDS, UsdRates.defaults()), store);
    }

    @Test
    void aBatchsIndicatorsAreAppliedSideBySideAndNoMoreAtOnceThanTheLimit() {
        SlowStore store = new SlowStore(null);
        long started = System.nanoTime();
        EnrichmentService.Outcome outcome = service(store).enrich(batch());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome.indicators()).isEqualTo(201);
        assertThat(store.applied).hasSize(201).contains("phone#+18885550142");
        assertThat(store.mostInside.get()).isGreaterThan(1).isLessThanOrEqualTo(EnrichmentService.INDICATOR_CONCURRENCY);
        // one after another: 201 × 20 ms = 4 s; eight at a time: about half a second
        assertThat(millis).as("201 indicators of 20 ms each").isLessThan(201 * 20 / 2);
    }

    @Test
    void oneNetworksFloodWaitsBehindTheNumberAnotherNetworkNamed() {
        List<StoredReport> reports = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            int report = r;
            reports.add(StoredReport.builder("flood-" + r).receivedAt(Instant.parse("2026-12-01T10:00:00Z").plusSeconds(r))
                    .contactMethod(ContactMethod.POPUP).impersonatedCompany("Microsoft").incidentDate(LocalDate.parse("2026-12-01"))
                    .country("US").scammer(new Scammer(List.of(), IntStream.range(0, 10)
                            .mapToObj(i -> "https://shop-" + report + "-" + i + "-refunds.com/").toList(), List.of(), List.of(), List.of()))
                    .reporterFingerprint("fp-flood-" + r).networkFingerprint("one-network").build());
        }
        reports.add(report("honest", new Scammer(List.of("+1 888 555 0142"), List.of(), List.of(), List.of(), List.of())));
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(BRANDS), BRANDS, UsdRates.defaults());
        Map<String, List<IndicatorContribution>> byIndicator = new LinkedHashMap<>();
        for (StoredReport report : reports) {
            planner.plan(report).forEach(c -> byIndicator.computeIfAbsent(c.indicator().key(), k -> new ArrayList<>()).add(c));
        }

        List<String> order = EnrichmentService.fairOrder(byIndicator.values()).stream()
                .map(group -> group.get(0).indicator().key()).toList();

        assertThat(order).hasSize(201).doesNotHaveDuplicates();
        // the honest number goes out in the first turn, with the flood's first site, not after two hundred:
        // the pool of eight takes them in this order
        assertThat(order.indexOf("phone#+18885550142")).isLessThanOrEqualTo(1);
        assertThat(order.subList(0, 2)).contains("domain#shop-0-0-refunds.com");
        // and the flood's own sites keep the order they were reported in
        assertThat(order.stream().filter(k -> k.startsWith("domain#")).toList().subList(0, 3))
                .containsExactly("domain#shop-0-0-refunds.com", "domain#shop-0-1-refunds.com", "domain#shop-0-2-refunds.com");
    }

    @Test
    void anIndicatorTheStoreRefusesFailsTheBatchAfterEveryOtherWasApplied() {
        SlowStore store = new SlowStore("phone#+18885550142");

        assertThatThrownBy(() -> service(store).enrich(batch())).hasMessage("refused phone#+18885550142");
        assertThat(store.applied).hasSize(200).doesNotContain("phone#+18885550142");
    }
}
