package io.scamsignal.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ConfidenceTest {

    private static final List<String> TECHNIQUES = java.util.Arrays.asList(null, "brand_in_subdomain", "brand_in_name",
            "typosquat", "homoglyph");

    @Provide
    Arbitrary<Confidence.Evidence> evidence() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 200);
        return Combinators.combine(counts, counts, counts, counts, Arbitraries.of(TECHNIQUES), Arbitraries.of(true, false))
                .as(Confidence.Evidence::new);
    }

    @Provide
    Arbitrary<Integer> dimension() {
        return Arbitraries.integers().between(0, 5);
    }

    /** The same evidence with more of one kind: one reporter, network, country, day, a stronger technique, agreement. */
    static Confidence.Evidence more(Confidence.Evidence e, int dimension, long by) {
        return switch (dimension) {
            case 0 -> new Confidence.Evidence(e.effectiveReporters() + by, e.networks(), e.countries(), e.daysSpanned(),
                    e.technique(), e.brandAgrees());
            case 1 -> new Confidence.Evidence(e.effectiveReporters(), e.networks() + by, e.countries(), e.daysSpanned(),
                    e.technique(), e.brandAgrees());
            case 2 -> new Confidence.Evidence(e.effectiveReporters(), e.networks(), e.countries() + by, e.daysSpanned(),
                    e.technique(), e.brandAgrees());
            case 3 -> new Confidence.Evidence(e.effectiveReporters(), e.networks(), e.countries(), e.daysSpanned() + by,
                    e.technique(), e.brandAgrees());
            case 4 -> new Confidence.Evidence(e.effectiveReporters(), e.networks(), e.countries(), e.daysSpanned(),
                    TECHNIQUES.get(Math.min(TECHNIQUES.size() - 1, TECHNIQUES.indexOf(e.technique()) + 1)), e.brandAgrees());
            default -> new Confidence.Evidence(e.effectiveReporters(), e.networks(), e.countries(), e.daysSpanned(),
                    e.technique(), true);
        };
    }

    @Property(tries = 2000)
    void moreIndependentEvidenceNeverLowersTheScore(@ForAll("evidence") Confidence.Evidence e,
                                                    @ForAll("dimension") int dimension,
                                                    @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 50) long by) {
        assertThat(Confidence.score(more(e, dimension, by))).isGreaterThanOrEqualTo(Confidence.score(e));
    }

    @Property(tries = 2000)
    void theScoreIsBetween0And100(@ForAll("evidence") Confidence.Evidence e) {
        assertThat(Confidence.score(e)).isBetween(0, 100);
    }

    @Test
    void oneReporterAloneIsNoEvidenceAndIndependentReportersRaiseIt() {
        assertThat(Confidence.score(new Confidence.Evidence(1, 1, 1, 1, null, false))).isZero();
        int previous = 0;
        for (long reporters = 2; reporters <= 6; reporters++) {
            int score = Confidence.score(new Confidence.Evidence(reporters, reporters, 1, 1, null, false));
            assertThat(score).isGreaterThan(previous);
            previous = score;
        }
        assertThat(Confidence.score(new Confidence.Evidence(1000, 1000, 50, 365, "homoglyph", true))).isEqualTo(100);
    }

    @Test
    void theDocumentedExampleScores() {
        // three reporters on three networks in two countries over two days, a homoglyph of the brand they name
        assertThat(Confidence.score(new Confidence.Evidence(3, 3, 2, 2, "homoglyph", true))).isEqualTo(69);
        // the same phone number without lookalike evidence
        assertThat(Confidence.score(new Confidence.Evidence(3, 3, 2, 2, null, false))).isEqualTo(49);
    }

    @Test
    void evidenceIsReadFromTheAggregateWithReportersCappedPerNetwork() {
        Indicator domain = new Indicator(IndicatorType.DOMAIN, "rnicrosoft-support.com", "rnicrosoft-support.com",
                Map.of("impersonates", List.of("Microsoft"), "technique", "homoglyph"));
        IndicatorAggregate a = new IndicatorAggregate(domain, 6, 6, Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-28T11:00:00Z"), new TreeSet<>(Set.of("Microsoft")), new TreeSet<>(Set.of("US", "DE")),
                BigDecimal.ZERO, Map.of(), Map.of(), 6, 6, 6, null, null,
                new TreeMap<>(Map.of("net-a", 5L, "net-b", 1L)), 2, 6);

        Confidence.Evidence e = Confidence.evidence(a, 2);

        assertThat(e).isEqualTo(new Confidence.Evidence(3, 2, 2, 2, "homoglyph", true));
        assertThat(Confidence.of(a, 2)).isEqualTo(Confidence.score(e));
    }
}
