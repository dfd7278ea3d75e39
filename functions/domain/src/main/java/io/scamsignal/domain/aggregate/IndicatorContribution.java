package io.scamsignal.domain.aggregate;

import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What one report adds to one indicator's aggregate. Applied exactly once per (report, indicator). */
public record IndicatorContribution(Indicator indicator, String reportId, String reporterFingerprint,
                                    Instant receivedAt, Set<String> brands, String country, BigDecimal lossUsd,
                                    List<String> paymentMethods, String contactMethod) {

    public IndicatorContribution {
        brands = Set.copyOf(brands);
        paymentMethods = List.copyOf(paymentMethods);
    }
}
