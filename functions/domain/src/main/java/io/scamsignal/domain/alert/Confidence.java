package io.scamsignal.domain.alert;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import java.util.List;
import java.util.Map;

/**
 * How sure ScamSignal is that an indicator is a scammer's, 0 to 100, from independent evidence
 * only (docs/confidence.md):
 * <pre>
 *   reporters  35 × (1 − 0.6^(R − 1))   R: effective reporters (at most K per network)
 *   networks   25 × (1 − 0.5^(N − 1))   N: distinct source networks
 *   countries  10 × (1 − 0.5^(C − 1))   C: reporters' distinct countries
 *   days       10 × (1 − 0.7^(D − 1))   D: calendar days from first to last report
 *   lookalike  10 homoglyph, 8 typosquat, 6 brand_in_name, 4 brand_in_subdomain, 0 none
 *   agreement  10 when a brand victims name is one the lookalike imitates
 *   score = round(sum), clamped to 0..100
 * </pre>
 * Each term grows with its own evidence and saturates, so more independent evidence never lowers
 * the score, a second network or reporter matters more than the twentieth, and no single kind of
 * evidence reaches 100 alone: one reporter on one network, one day, scores 0.
 */
public final class Confidence {

    /** Lookalike techniques from weakest to strongest evidence of intent. */
    static final Map<String, Integer> TECHNIQUE_POINTS = Map.of("brand_in_subdomain", 4, "brand_in_name", 6,
            "typosquat", 8, "homoglyph", 10);

    /**
     * @param technique the lookalike technique of a domain (or an e-mail's domain), or null
     * @param brandAgrees a brand the victims named is one the lookalike imitates
     */
    public record Evidence(long effectiveReporters, long networks, long countries, long daysSpanned,
                           String technique, boolean brandAgrees) {
    }

    private Confidence() {
    }

    public static int score(Evidence e) {
        double points = 35 * saturating(0.6, e.effectiveReporters())
                + 25 * saturating(0.5, e.networks())
                + 10 * saturating(0.5, e.countries())
                + 10 * saturating(0.7, e.daysSpanned())
                + (e.technique() == null ? 0 : TECHNIQUE_POINTS.getOrDefault(e.technique(), 0))
                + (e.brandAgrees() ? 10 : 0);
        return (int) Math.max(0, Math.min(100, Math.round(points)));
    }

    /** 1 − base^(n − 1) for n ≥ 1, 0 below: the first unit of evidence is the baseline. */
    private static double saturating(double base, long n) {
        return n <= 1 ? 0 : 1 - Math.pow(base, Math.min(n, 1000) - 1);
    }

    /** The evidence an aggregate holds, reporters capped at {@code reportersPerNetwork} per network. */
    public static Evidence evidence(IndicatorAggregate aggregate, int reportersPerNetwork) {
        Map<String, Object> enrichment = aggregate.indicator().enrichment();
        String technique = enrichment.get("technique") instanceof String t ? t : null;
        boolean agrees = enrichment.get("impersonates") instanceof List<?> imitated
                && aggregate.brands().stream().anyMatch(imitated::contains);
        return new Evidence(aggregate.effectiveReporters(reportersPerNetwork), aggregate.networks(),
                aggregate.countries().size(), aggregate.daysSpanned(), technique, agrees);
    }

    public static int of(IndicatorAggregate aggregate, int reportersPerNetwork) {
        return score(evidence(aggregate, reportersPerNetwork));
    }
}
