package io.scamsignal.domain.alert;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Thresholds of the ring rules (template parameters of the alerting function). {@code reporterLevels}
 * escalate medium, high, critical; reporters are the ring's effective distinct reporters, at most
 * {@code networkCap} per network, as indicator rules count them. No ring rule fires for a ring whose
 * reporters are on fewer than {@code minNetworks} networks ({@code MinDistinctNetworks}, as for
 * indicators).
 */
public record RingAlertConfig(List<Long> reporterLevels, int minMembers, int crossBrands, long crossBrandMinReporters,
                              int networkCap, int minNetworks) {

    public RingAlertConfig {
        reporterLevels = List.copyOf(reporterLevels);
        if (reporterLevels.isEmpty() || minMembers < 2) {
            throw new IllegalArgumentException("ring rules need a reporter level and at least two members");
        }
    }

    public static RingAlertConfig defaults() {
        return new RingAlertConfig(List.of(10L, 50L, 200L), 2, 2, 2, 3, 2);
    }

    public static RingAlertConfig fromEnvironment(Function<String, String> env) {
        RingAlertConfig d = defaults();
        String levels = env.apply("RING_RULE_REPORTERS");
        return new RingAlertConfig(
                levels == null || levels.isBlank() ? d.reporterLevels()
                        : Arrays.stream(levels.split(",")).map(String::strip).map(Long::parseLong).sorted().toList(),
                (int) longOr(env.apply("RING_RULE_MIN_MEMBERS"), d.minMembers()),
                (int) longOr(env.apply("RING_RULE_CROSS_BRANDS"), d.crossBrands()),
                longOr(env.apply("RING_RULE_CROSS_BRAND_MIN_REPORTERS"), d.crossBrandMinReporters()),
                (int) longOr(env.apply("RING_NETWORK_CAP"), d.networkCap()),
                (int) longOr(env.apply("RULE_MIN_DISTINCT_NETWORKS"), d.minNetworks()));
    }

    private static long longOr(String value, long fallback) {
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }
}
