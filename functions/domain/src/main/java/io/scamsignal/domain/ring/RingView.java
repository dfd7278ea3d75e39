package io.scamsignal.domain.ring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole ring as its items give it, for referral packets and tests: members with their own
 * counts, the links the reports made (each with its supporting reports and distinct reporters; a
 * link resting on one report is weak), victims by country, and the loss median, exact over the
 * ring's report items (the loss list).
 */
public record RingView(RingItems.Head head, List<RingItems.Member> members, List<RingItems.Report> reports,
                       List<Link> links, SortedMap<String, Long> victimsByCountry, BigDecimal lossMedianUsd) {

    /** Two indicators named together: {@code a < b}. */
    public record Link(String a, String b, List<String> reportIds, long distinctReporters) {
        public boolean weak() {
            return reportIds.size() == 1;
        }
    }

    public static RingView of(RingReads reads, RingItems.Head head) {
        List<String> keys = reads.memberKeys(head.home());
        Map<String, RingItems.Member> found = reads.members(keys);
        List<RingItems.Member> members = keys.stream()
                .map(k -> {
                    RingItems.Member m = found.get(k);
                    if (m == null) {
                        throw new IllegalStateException("ring " + head.ringId() + " lists member " + k + " that is not stored");
                    }
                    return m;
                })
                .sorted(Comparator.comparing(RingItems.Member::key)).toList();
        List<RingItems.Report> reports = reads.reports(head.home()).stream()
                .sorted(Comparator.comparing(RingItems.Report::receivedAt).thenComparing(RingItems.Report::reportId))
                .toList();
        return new RingView(head, members, reports, links(reports), victims(reports), median(reports));
    }

    private static List<Link> links(List<RingItems.Report> reports) {
        Map<String, TreeSet<String>> support = new TreeMap<>();
        Map<String, Set<String>> reporters = new TreeMap<>();
        for (RingItems.Report r : reports) {
            List<String> keys = r.indicatorKeys().stream().sorted().toList();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    String pair = keys.get(i) + "\n" + keys.get(j);
                    support.computeIfAbsent(pair, p -> new TreeSet<>()).add(r.reportId());
                    reporters.computeIfAbsent(pair, p -> new HashSet<>()).add(r.reporterFingerprint());
                }
            }
        }
        List<Link> links = new ArrayList<>();
        support.forEach((pair, ids) -> {
            String[] ab = pair.split("\n", 2);
            links.add(new Link(ab[0], ab[1], List.copyOf(ids), reporters.get(pair).size()));
        });
        return List.copyOf(links);
    }

    /** Distinct reporters per country. */
    private static SortedMap<String, Long> victims(List<RingItems.Report> reports) {
        Map<String, Set<String>> byCountry = new TreeMap<>();
        for (RingItems.Report r : reports) {
            if (r.country() != null) {
                byCountry.computeIfAbsent(r.country(), c -> new HashSet<>()).add(r.reporterFingerprint());
            }
        }
        TreeMap<String, Long> out = new TreeMap<>();
        byCountry.forEach((c, fps) -> out.put(c, (long) fps.size()));
        return out;
    }

    /** The median of the reported losses above zero; zero when nobody reported one. */
    static BigDecimal median(List<RingItems.Report> reports) {
        List<BigDecimal> losses = reports.stream().map(RingItems.Report::lossUsd).filter(l -> l.signum() > 0)
                .sorted().toList();
        if (losses.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        int n = losses.size();
        BigDecimal m = n % 2 == 1 ? losses.get(n / 2)
                : losses.get(n / 2 - 1).add(losses.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
        return m.setScale(2, RoundingMode.HALF_EVEN);
    }

    public Instant firstReport() {
        return head.firstReport();
    }
}
