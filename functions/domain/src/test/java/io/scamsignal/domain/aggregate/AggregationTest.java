package io.scamsignal.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.aggregate.Aggregation.ReporterState;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final Indicator PHONE = new Indicator(IndicatorType.PHONE, "+18885550142", "+1 888-555-0142", Map.of());
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    static IndicatorContribution contribution(String reportId, String reporter, Instant at, String brand, String loss) {
        return new IndicatorContribution(PHONE, reportId, reporter, at, Set.of(brand), "US", new BigDecimal(loss),
                List.of("gift_card"), "popup");
    }

    /** Applies contributions the way the repository does: storing what each apply returns. */
    static final class Store {
        IndicatorAggregate aggregate;
        final Map<String, ReporterState> reporters = new HashMap<>();
        /** The markers of counted reports, as the repository keeps them (C#report id). */
        final Set<String> counted = new HashSet<>();

        int apply(List<IndicatorContribution> contributions) {
            Aggregation.Result result = Aggregation.apply(aggregate, reporters, counted, contributions);
            if (!result.applied().isEmpty()) {
                aggregate = result.aggregate();
                reporters.putAll(result.changedReporters());
                result.applied().forEach(c -> counted.add(c.reportId()));
            }
            return result.applied().size();
        }
    }

    @Test
    void countsReportsReportersBrandsLossesAndMethods() {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "100"),
                contribution("r2", "bob", T0.plusSeconds(60), "Amazon", "50.50"),
                contribution("r3", "alice", T0.plusSeconds(120), "Microsoft", "0")));

        IndicatorAggregate a = store.aggregate;
        assertThat(a.reports()).isEqualTo(3);
        assertThat(a.distinctReporters()).isEqualTo(2);
        assertThat(a.brands()).containsExactly("Amazon", "Microsoft");
        assertThat(a.lossUsd()).isEqualByComparingTo("150.50");
        assertThat(a.paymentMethods()).containsEntry("gift_card", 3L);
        assertThat(a.firstSeen()).isEqualTo(T0);
        assertThat(a.lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(a.reports24h()).isEqualTo(3);
        assertThat(a.distinctReporters7d()).isEqualTo(2);
    }

    @Test
    void anyRedeliveryInAnyOrderChangesNothing() {
        List<IndicatorContribution> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(contribution("r" + i, "reporter" + (i % 7), T0.plus(Duration.ofHours(i * 5)), i % 2 == 0 ? "Microsoft" : "Amazon", "10"));
        }
        Store once = new Store();
        once.apply(all);

        Random random = new Random(42);
        Store many = new Store();
        for (int round = 0; round < 3; round++) {
            List<IndicatorContribution> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            for (int from = 0; from < shuffled.size(); from += 9) {
                many.apply(shuffled.subList(from, Math.min(from + 9, shuffled.size())));
            }
        }

        assertThat(many.aggregate.reports()).isEqualTo(once.aggregate.reports()).isEqualTo(40);
        assertThat(many.aggregate.distinctReporters()).isEqualTo(7);
        assertThat(many.aggregate.lossUsd()).isEqualByComparingTo(once.aggregate.lossUsd());
        assertThat(many.aggregate.reports7d()).isEqualTo(once.aggregate.reports7d());
        assertThat(many.aggregate.distinctReporters7d()).isEqualTo(once.aggregate.distinctReporters7d());
        assertThat(many.aggregate.reports24h()).isEqualTo(once.aggregate.reports24h());
    }

    @Test
    void anAggregateSurvivesItsJsonRoundTripUnchanged() throws Exception {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "100.50"),
                contribution("r2", "bob", T0.plusSeconds(7200), "Amazon", "0")));
        IndicatorAggregate flagged = store.aggregate.markedFalsePositive("the bank's own fraud line");

        for (IndicatorAggregate a : List.of(store.aggregate, flagged)) {
            IndicatorAggregate back = io.scamsignal.domain.json.Json.mapper().readValue(
                    io.scamsignal.domain.json.Json.write(a), IndicatorAggregate.class);
            assertThat(back).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(a);
            assertThat(back.isFalsePositive()).isEqualTo(a.isFalsePositive());
        }
    }

    @Test
    void theWindowsRollReportersMoveToTheirLatestDay() {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "0"),
                contribution("r2", "bob", T0.plus(Duration.ofDays(1)), "Microsoft", "0")));
        store.apply(List.of(contribution("r3", "alice", T0.plus(Duration.ofDays(8)), "Microsoft", "0"),
                contribution("r4", "carol", T0.plus(Duration.ofDays(8)).plusSeconds(3600), "Microsoft", "0")));

        IndicatorAggregate a = store.aggregate;
        assertThat(a.distinctReporters()).isEqualTo(3);
        // bob reported 7 days before: outside; alice came back: inside once; carol: inside
        assertThat(a.distinctReporters7d()).isEqualTo(2);
        assertThat(a.reports7d()).isEqualTo(2);
        assertThat(a.reports24h()).isEqualTo(2);
        assertThat(a.windows().reportsByDay().keySet()).allSatisfy(d -> assertThat(d).isGreaterThan(20_400));
    }

    static IndicatorContribution fromNetwork(String reportId, String reporter, String network, Instant at, String country) {
        return new IndicatorContribution(PHONE, reportId, reporter, at, Set.of("Microsoft"), country, BigDecimal.ZERO,
                List.of(), "popup", network);
    }

    @Test
    void reportersCountAtMostKPerNetworkAndNetworksAreCounted() {
        Store store = new Store();
        // one laptop, three e-mail addresses: three reporters, one network
        store.apply(List.of(fromNetwork("r1", "alice-1", "net-a", T0, "US"), fromNetwork("r2", "alice-2", "net-a", T0, "US"),
                fromNetwork("r3", "alice-3", "net-a", T0, "US")));

        assertThat(store.aggregate.distinctReporters()).isEqualTo(3);
        assertThat(store.aggregate.networks()).isEqualTo(1);
        assertThat(store.aggregate.effectiveReporters(2)).isEqualTo(2);
        assertThat(store.aggregate.effectiveReporters(1)).isEqualTo(1);

        store.apply(List.of(fromNetwork("r4", "bob", "net-b", T0.plusSeconds(86_400), "CA"),
                fromNetwork("r5", "alice-1", "net-c", T0.plusSeconds(90_000), "US")));

        // a known reporter on a new network adds neither a reporter nor a network: it counts where first seen
        assertThat(store.aggregate.networks()).isEqualTo(2);
        assertThat(store.aggregate.reportersByNetwork()).containsExactly(Map.entry("net-a", 3L), Map.entry("net-b", 1L));
        assertThat(store.aggregate.effectiveReporters(2)).isEqualTo(3);
        assertThat(store.aggregate.countries()).containsExactly("CA", "US");
        assertThat(store.aggregate.daysSpanned()).isEqualTo(2);
    }

    @Test
    void reportsWithoutANetworkCountTheirReporterAsANetworkAsBefore() {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "0"), contribution("r2", "bob", T0, "Microsoft", "0")));

        assertThat(store.aggregate.networks()).isEqualTo(2);
        assertThat(store.aggregate.effectiveReporters(2)).isEqualTo(2);
    }

    @Test
    void anAggregateStoredBeforeNetworksWereKeptCountsEachReporterAsANetwork() throws Exception {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "0"), contribution("r2", "bob", T0, "Microsoft", "0"),
                contribution("r3", "carol", T0, "Microsoft", "0")));
        var legacy = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(
                io.scamsignal.domain.json.Json.write(store.aggregate));
        legacy.remove(List.of("reportersByNetwork", "distinctNetworks", "networkedReporters"));

        IndicatorAggregate read = Json.mapper().treeToValue(legacy, IndicatorAggregate.class);
        store.aggregate = read;
        store.apply(List.of(fromNetwork("r4", "dave", "net-a", T0.plusSeconds(60), "US"),
                fromNetwork("r5", "erin", "net-a", T0.plusSeconds(60), "US"),
                fromNetwork("r6", "frank", "net-a", T0.plusSeconds(60), "US")));

        assertThat(read.networks()).isEqualTo(3);
        assertThat(read.effectiveReporters(2)).isEqualTo(3);
        assertThat(store.aggregate.networks()).isEqualTo(4);
        assertThat(store.aggregate.effectiveReporters(2)).isEqualTo(5);
    }

    @Test
    void beyondTheKeptNetworksEachNewReporterCountsOneNetwork() {
        Store store = new Store();
        List<IndicatorContribution> many = new java.util.ArrayList<>();
        for (int i = 0; i < Aggregation.MAX_NETWORKS + 10; i++) {
            many.add(fromNetwork("r" + i, "reporter-" + i, "net-" + i, T0, "US"));
        }
        store.apply(many);

        assertThat(store.aggregate.reportersByNetwork()).hasSize(Aggregation.MAX_NETWORKS);
        assertThat(store.aggregate.networks()).isEqualTo(Aggregation.MAX_NETWORKS + 10);
        assertThat(store.aggregate.effectiveReporters(2)).isEqualTo(Aggregation.MAX_NETWORKS + 10);
    }

    static IndicatorContribution fromSource(String reportId, String reporter, String network, String source, Instant at) {
        return new IndicatorContribution(PHONE, reportId, reporter, at, Set.of("Microsoft"), "US", BigDecimal.ZERO,
                List.of(), "phone_call", network, source);
    }

    @Test
    void sourcesCountEachReportOnceUnderItsChannelHoweverOftenItIsDelivered() throws Exception {
        List<IndicatorContribution> all = List.of(
                fromSource("r1", "alice", "net-a", IndicatorAggregate.PUBLIC_SOURCE, T0),
                fromSource("r2", "bob", "net-b", "Contoso", T0.plusSeconds(60)),
                fromSource("r3", "carol", "net-c", "Contoso", T0.plusSeconds(120)),
                fromSource("r4", "dave", "net-d", "Fabrikam", T0.plusSeconds(180)));
        Store store = new Store();
        store.apply(all);
        store.apply(all);
        store.apply(List.of(all.get(1), all.get(3)));

        assertThat(store.aggregate.sources()).containsExactly(Map.entry("Contoso", 2L), Map.entry("Fabrikam", 1L),
                Map.entry(IndicatorAggregate.PUBLIC_SOURCE, 1L));
        assertThat(store.aggregate.sources().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(store.aggregate.reports());
        IndicatorAggregate back = Json.mapper().readValue(Json.write(store.aggregate), IndicatorAggregate.class);
        assertThat(back.sources()).isEqualTo(store.aggregate.sources());
    }

    @Test
    void theSameVictimThroughThePublicApiAndAPartnerIsOneReporterOnOneNetwork() {
        // the same e-mail gives the same reporter fingerprint through both channels (ReporterFingerprint)
        Store store = new Store();
        store.apply(List.of(fromSource("r1", "victim", "net-home", IndicatorAggregate.PUBLIC_SOURCE, T0),
                fromSource("r2", "victim", "net-home", "Contoso", T0.plusSeconds(600))));

        assertThat(store.aggregate.reports()).isEqualTo(2);
        assertThat(store.aggregate.distinctReporters()).isEqualTo(1);
        assertThat(store.aggregate.networks()).isEqualTo(1);
        assertThat(store.aggregate.sources()).containsOnlyKeys("Contoso", IndicatorAggregate.PUBLIC_SOURCE);
    }

    @Test
    void anAggregateStoredBeforeSourcesWereKeptReadsWithNoneAndCountsNewOnes() throws Exception {
        Store store = new Store();
        store.apply(List.of(contribution("r1", "alice", T0, "Microsoft", "0")));
        var legacy = (ObjectNode) Json.mapper().readTree(Json.write(store.aggregate));
        legacy.remove("sources");
        store.aggregate = Json.mapper().treeToValue(legacy, IndicatorAggregate.class);
        assertThat(store.aggregate.sources()).isEmpty();

        store.apply(List.of(fromSource("r2", "bob", "net-b", "Contoso", T0.plusSeconds(60))));
        assertThat(store.aggregate.sources()).containsExactly(Map.entry("Contoso", 1L));
    }
}
