package io.scamsignal.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.AggregationTest.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Exactly once with bounded reporter items: every report delivered once or more, in any order
 * (first deliveries and redeliveries interleaved, late reports after many newer ones of the same
 * reporter), in batches of any size, gives the aggregate of one in-order delivery, and each
 * reporter's state counts their reports exactly while holding a count and a time only.
 */
class AggregationExactlyOncePropertyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Property(tries = 200)
    void anyDeliveryOrderWithAnyRedeliveriesCountsEveryReportOnce(@ForAll @IntRange(min = 1, max = 300) int reports,
                                                                   @ForAll @IntRange(min = 1, max = 6) int reporters,
                                                                   @ForAll @IntRange(min = 1, max = 4) int deliveries,
                                                                   @ForAll @IntRange(min = 1, max = 60) int batchSize,
                                                                   @ForAll long seed) {
        Random random = new Random(seed);
        List<IndicatorContribution> all = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            all.add(AggregationTest.contribution("report-" + i, "reporter-" + random.nextInt(reporters),
                    T0.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 10))), i % 3 == 0 ? "Microsoft" : "Amazon", "5"));
        }
        Store once = new Store();
        List<IndicatorContribution> inOrder = new ArrayList<>(all);
        inOrder.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        once.apply(inOrder);

        // every report at least once, some up to `deliveries` times, all shuffled together
        List<IndicatorContribution> stream = new ArrayList<>(all);
        for (IndicatorContribution c : all) {
            for (int extra = random.nextInt(deliveries); extra > 0; extra--) {
                stream.add(c);
            }
        }
        Collections.shuffle(stream, random);
        Store many = new Store();
        for (int from = 0; from < stream.size(); from += batchSize) {
            many.apply(stream.subList(from, Math.min(stream.size(), from + batchSize)));
        }

        assertThat(many.aggregate.reports()).isEqualTo(reports).isEqualTo(once.aggregate.reports());
        assertThat(many.aggregate.distinctReporters()).isEqualTo(once.aggregate.distinctReporters());
        assertThat(many.aggregate.lossUsd()).isEqualByComparingTo(once.aggregate.lossUsd());
        assertThat(many.aggregate.reports7d()).isEqualTo(once.aggregate.reports7d());
        assertThat(many.aggregate.reports24h()).isEqualTo(once.aggregate.reports24h());
        assertThat(many.aggregate.distinctReporters7d()).isEqualTo(once.aggregate.distinctReporters7d());
        Map<String, Long> perReporter = all.stream().collect(Collectors.groupingBy(
                IndicatorContribution::reporterFingerprint, Collectors.counting()));
        assertThat(many.reporters).hasSize(perReporter.size());
        perReporter.forEach((reporter, count) -> {
            assertThat(many.reporters.get(reporter).reports()).isEqualTo(count);
            assertThat(many.reporters.get(reporter)).isEqualTo(once.reporters.get(reporter));
        });
    }
}
