package io.scamsignal.domain.aggregate;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.StoredReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Turns a stored report into the contributions it makes to each of its indicators. */
public final class ContributionPlanner {

    private final IndicatorExtractor extractor;
    private final BrandRegistry brands;
    private final UsdRates rates;

    public ContributionPlanner(IndicatorExtractor extractor, BrandRegistry brands, UsdRates rates) {
        this.extractor = extractor;
        this.brands = brands;
        this.rates = rates;
    }

    public List<IndicatorContribution> plan(StoredReport report) {
        Set<String> brand = brands.canonicalBrand(report.impersonatedCompany()).map(Set::of).orElse(Set.of());
        BigDecimal lossUsd = report.loss() == null ? BigDecimal.ZERO
                : rates.toUsd(report.loss().amount(), report.loss().currency()).orElse(BigDecimal.ZERO);
        List<String> payments = report.loss() == null ? List.of()
                : report.loss().paymentMethods().stream().map(PaymentMethod::wireName).toList();
        List<Indicator> indicators = extractor.extract(report);
        return indicators.stream()
                .map(i -> new IndicatorContribution(i, report.reportId(), report.reporterFingerprint(),
                        report.receivedAt(), brand, report.country(), lossUsd, payments,
                        report.contactMethod().wireName(), report.networkFingerprint(),
                        report.source() == null ? IndicatorAggregate.PUBLIC_SOURCE : report.source()))
                .toList();
    }
}
