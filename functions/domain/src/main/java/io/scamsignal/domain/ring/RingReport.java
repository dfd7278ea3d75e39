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

    /** Joins a report id and the number of one of its continuation chunks ({@link #chunks}). */
    public static final String PART = "/part-";

    /** Whether this is a continuation chunk of a report too big for one transaction. */
    public boolean continuation() {
        return continuation(reportId);
    }

    /** Whether a report item's id is that of a continuation chunk: no report of its own, only links. */
    public static boolean continuation(String reportId) {
        return reportId.contains(PART);
    }

    /**
     * This report in chunks of at most {@code size} indicators, each applied in a transaction of its
     * own, in order: the first is this report (its id, counts and first indicators); each next one,
     * id {@code <reportId>/part-<n>}, names the report's first indicator and the next ones, so that
     * it links them into the same ring, and counts nothing but the indicators it adds. The chunks
     * depend on the report alone, so a redelivery applies the same ones, each once (its report item).
     */
    public List<RingReport> chunks(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a chunk must hold at least two indicators");
        }
        if (indicators.size() <= size) {
            return List.of(this);
        }
        List<RingReport> out = new java.util.ArrayList<>();
        out.add(withIndicators(reportId, indicators.subList(0, size)));
        for (int from = size, n = 1; from < indicators.size(); from += size - 1, n++) {
            List<Member> part = new java.util.ArrayList<>();
            part.add(indicators.get(0));
            part.addAll(indicators.subList(from, Math.min(indicators.size(), from + size - 1)));
            out.add(withIndicators(reportId + PART + n, part));
        }
        return List.copyOf(out);
    }

    private RingReport withIndicators(String id, List<Member> members) {
        return new RingReport(id, receivedAt, reporterFingerprint, networkFingerprint, country, brands, lossUsd,
                paymentMethods, contactMethod, members, source);
    }

    /** The order of foundation: earlier receivedAt first, then the smaller report id. */
    static final Comparator<RingReport> FOUNDING_ORDER = Comparator.comparing(RingReport::receivedAt)
            .thenComparing(RingReport::reportId);
}
