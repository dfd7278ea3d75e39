package io.scamsignal.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.Aggregation.ReporterState;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

        int apply(List<IndicatorContribution> contributions) {
            Aggregation.Result result = Aggregation.apply(aggregate, reporters, contributions);
            if (!result.applied().isEmpty()) {
                aggregate = result.aggregate();
                reporters.putAll(result.changedReporters());
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
}
