package io.scamsignal.domain.ring;

import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.StoredReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What one report adds to the rings: the indicators it links (already filtered: allow-listed and
 * benign ones never link) and the report-level facts a ring aggregates. No personal data: the
 * reporter and their network are keyed fingerprints.
 *
 * @param networkFingerprint the reporter's network (see NetworkFingerprint), so that one person on one
 *                           network cannot grow a ring's count; null counts as a network of its own
 * @param source             the organisation that submitted the report, {@link #PUBLIC_SOURCE} for the public API
 */
public record RingReport(String reportId, Instant receivedAt, String reporterFingerprint, String networkFingerprint,
                         String country, SortedSet<String> brands, BigDecimal lossUsd, SortedSet<String> paymentMethods,
                         String contactMethod, List<Member> indicators, String source) {

    /** The source name of reports that came through the public API (StoredReport.source null). */
    public static final String PUBLIC_SOURCE = "public";

    /** An indicator as a ring holds it. */
    public record Member(String key, String type, String display) {
    }

    public RingReport {
        brands = new TreeSet<>(brands);
        paymentMethods = new TreeSet<>(paymentMethods);
        lossUsd = lossUsd == null ? BigDecimal.ZERO : lossUsd;
        source = source == null ? PUBLIC_SOURCE : source;
        Map<String, Member> distinct = new LinkedHashMap<>();
        indicators.forEach(m -> distinct.putIfAbsent(m.key(), m));
        indicators = distinct.values().stream().sorted(Comparator.comparing(Member::key)).toList();
    }

    /** A report of the public API. */
    public RingReport(String reportId, Instant receivedAt, String reporterFingerprint, String networkFingerprint,
                      String country, SortedSet<String> brands, BigDecimal lossUsd, SortedSet<String> paymentMethods,
                      String contactMethod, List<Member> indicators) {
        this(reportId, receivedAt, reporterFingerprint, networkFingerprint, country, brands, lossUsd, paymentMethods,
                contactMethod, indicators, PUBLIC_SOURCE);
    }

    /**
     * @param linkable which indicators may link reports: never an allow-listed one (checked here too),
     *                 and the caller's benign-site test decides the rest
     */
    public static RingReport of(StoredReport report, List<Indicator> indicators, Set<String> brands, BigDecimal lossUsd,
                                String networkFingerprint, Predicate<Indicator> linkable) {
        List<Member> members = indicators.stream()
                .filter(i -> !i.allowListed() && linkable.test(i))
                .map(i -> new Member(i.key(), i.type().wireName(), i.display()))
                .toList();
        Set<String> payments = report.loss() == null ? Set.of()
                : new TreeSet<>(report.loss().paymentMethods().stream().map(PaymentMethod::wireName).toList());
        return new RingReport(report.reportId(), report.receivedAt(), report.reporterFingerprint(), networkFingerprint,
                report.country(), new TreeSet<>(brands), lossUsd, new TreeSet<>(payments),
                report.contactMethod() == null ? null : report.contactMethod().wireName(), members, report.source());
    }

    /** The order of foundation: earlier receivedAt first, then the smaller report id. */
    static final Comparator<RingReport> FOUNDING_ORDER = Comparator.comparing(RingReport::receivedAt)
            .thenComparing(RingReport::reportId);
}
