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
                       List<Link> links, SortedMap<String, Long> victimsByCountry, BigDecimal lossMedianUsd,
                       List<Candidate> candidates) {

    /**
     * A candidate link between a member and an indicator of another ring ({@code otherRingId}):
     * named together by reports from fewer networks than a merge needs, never merged.
     */
    public record Candidate(String a, String b, String otherRingId, List<String> reportIds, long reports,
                            long networks) {
    }

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
        List<RingItems.Report> all = reads.reports(head.home()).stream()
                .sorted(Comparator.comparing(RingItems.Report::receivedAt).thenComparing(RingItems.Report::reportId))
                .toList();
        // a continuation chunk's item (a report too big for one transaction) only links: no report of its own
        List<RingItems.Report> reports = all.stream().filter(r -> !RingReport.continuation(r.reportId())).toList();
        Set<String> memberKeys = new HashSet<>(keys);
        return new RingView(head, members, reports, links(all, memberKeys), victims(reports), median(reports),
                candidates(reads, head, members));
    }

    /** Each member's candidate links whose other side is in another live ring now. */
    private static List<Candidate> candidates(RingReads reads, RingItems.Head head, List<RingItems.Member> members) {
        Set<String> partners = new TreeSet<>();
        members.forEach(m -> partners.addAll(m.candidates()));
        if (partners.isEmpty()) {
            return List.of();
        }
        Map<String, RingItems.Member> others = reads.members(partners);
        Map<String, String> ringIds = new TreeMap<>();
        List<Candidate> out = new ArrayList<>();
        for (RingItems.Member m : members) {
            for (String p : m.candidates()) {
                RingItems.Member other = others.get(p);
                if (other == null || other.home().equals(head.home())) {
                    continue;
                }
                String otherRing = ringIds.computeIfAbsent(other.home(), h -> reads.head(h).map(RingItems.Head::ringId)
                        .orElse(null));
                reads.link(m.key(), p).ifPresent(l -> out.add(new Candidate(l.a(), l.b(), otherRing, l.reportIds(),
                        l.reports(), l.networks().size())));
            }
        }
        out.sort(Comparator.comparing(Candidate::a).thenComparing(Candidate::b));
        return List.copyOf(out);
    }

    /** Links between two members (a report's indicators in another ring make candidates, not links). */
    private static List<Link> links(List<RingItems.Report> reports, Set<String> memberKeys) {
        Map<String, TreeSet<String>> support = new TreeMap<>();
        Map<String, Set<String>> reporters = new TreeMap<>();
        for (RingItems.Report r : reports) {
            List<String> keys = r.indicatorKeys().stream().filter(memberKeys::contains).sorted().toList();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    String pair = keys.get(i) + "\n" + keys.get(j);
                    String id = r.reportId();
                    support.computeIfAbsent(pair, p -> new TreeSet<>())
                            .add(RingReport.continuation(id) ? id.substring(0, id.indexOf(RingReport.PART)) : id);
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
