package io.scamsignal.domain.aggregate;

import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one report adds to one indicator's aggregate. Applied exactly once per (report, indicator).
 * {@code networkFingerprint} is the keyed fingerprint of the reporter's source network
 * ({@link io.scamsignal.domain.report.NetworkFingerprint}); null for reports stored before it was
 * kept, whose reporter then counts as a network of its own (as every reporter did before).
 */
public record IndicatorContribution(Indicator indicator, String reportId, String reporterFingerprint,
                                    Instant receivedAt, Set<String> brands, String country, BigDecimal lossUsd,
                                    List<String> paymentMethods, String contactMethod, String networkFingerprint,
                                    String source) {

    public IndicatorContribution {
        brands = Set.copyOf(brands);
        paymentMethods = List.copyOf(paymentMethods);
    }

    public IndicatorContribution(Indicator indicator, String reportId, String reporterFingerprint, Instant receivedAt,
                                 Set<String> brands, String country, BigDecimal lossUsd, List<String> paymentMethods,
                                 String contactMethod, String networkFingerprint) {
        this(indicator, reportId, reporterFingerprint, receivedAt, brands, country, lossUsd, paymentMethods,
                contactMethod, networkFingerprint, null);
    }

    public IndicatorContribution(Indicator indicator, String reportId, String reporterFingerprint, Instant receivedAt,
                                 Set<String> brands, String country, BigDecimal lossUsd, List<String> paymentMethods,
                                 String contactMethod) {
        this(indicator, reportId, reporterFingerprint, receivedAt, brands, country, lossUsd, paymentMethods,
                contactMethod, null);
    }
}
