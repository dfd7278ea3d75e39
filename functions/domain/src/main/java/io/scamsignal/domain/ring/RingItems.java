package io.scamsignal.domain.ring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stored state of the rings, one record per DynamoDB item (keys in docs of each record).
 * A ring's items live under its storage home ({@code home}): the id of the ring whose items they
 * first were. Union by size moves the smaller ring's items to the larger one's home; the public id
 * ({@code ringId}) is the founder's and need not equal the home.
 */
public final class RingItems {

    private RingItems() {
    }

    /**
     * {@code PK=IND#<indicatorKey>, SK=RING}: the ring an indicator belongs to, and its own counts
     * (every report naming it is in that ring, so these are its counts within the ring).
     */
    public record Member(String key, String type, String display, String home, long reports, Instant firstSeen,
                         Instant lastSeen, List<String> networks, List<String> candidates) {

        /** Partner keys of candidate links a member lists, at most (the {@link Link} items stay exact). */
        public static final int CANDIDATES_LISTED = 20;

        /**
         * @param networks   the smallest {@value Head#BRAND_NETWORKS_KEPT} network fingerprints of its ring's
         *                   reports naming it: one means it is known through one network's reports only
         * @param candidates the other indicators of its candidate links (sorted), for the referral packets
         */
        public Member {
            networks = networks == null ? List.of() : List.copyOf(networks);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        public Member(String key, String type, String display, String home, long reports, Instant firstSeen,
                      Instant lastSeen) {
            this(key, type, display, home, reports, firstSeen, lastSeen, List.of(), List.of());
        }

        /** Known only through the reports of one network. */
        public boolean singleNetwork() {
            return networks.size() < 2;
        }

        Member withCandidates(Collection<String> partners) {
            TreeSet<String> all = new TreeSet<>(candidates);
            all.addAll(partners);
            return new Member(key, type, display, home, reports, firstSeen, lastSeen, networks,
                    all.stream().limit(CANDIDATES_LISTED).toList());
        }
    }

    /**
     * {@code PK=LINK#<a>|<b>, SK=LINK} ({@code a < b}): a candidate link, two indicators of different
     * rings named together by reports that did not merge the rings (fewer networks than
     * {@code RingMergeMinNetworks}). Written in the transaction that puts the naming report's item, so
     * each report counts once: {@code networks} the smallest {@value #NETWORKS_KEPT} network
     * fingerprints, {@code reportIds} the smallest {@value #REPORT_IDS_KEPT} ids, {@code reports} all.
     */
    public record Link(String a, String b, List<String> networks, List<String> reportIds, long reports) {
        public static final int NETWORKS_KEPT = 8;
        public static final int REPORT_IDS_KEPT = 20;

        public Link {
            networks = List.copyOf(networks);
            reportIds = List.copyOf(reportIds);
        }

        /** The link with one more report from {@code network}. */
        public Link with(String network, String reportId) {
            TreeSet<String> nets = new TreeSet<>(networks);
            nets.add(network);
            TreeSet<String> ids = new TreeSet<>(reportIds);
            ids.add(reportId);
            return new Link(a, b, nets.stream().limit(NETWORKS_KEPT).toList(),
                    ids.stream().limit(REPORT_IDS_KEPT).toList(), reports + 1);
        }

        public static Link empty(String x, String y) {
            return x.compareTo(y) < 0 ? new Link(x, y, List.of(), List.of(), 0) : new Link(y, x, List.of(), List.of(), 0);
        }
    }

    /**
     * {@code PK=UNLINK#<a>|<b>, SK=UNLINK} ({@code a < b}): a link an operator withdrew. Reports naming
     * both indicators never link them again (the planner treats the pair as not linking). A split
     * too big for one transaction also records the ring's {@code home} and the {@code parts}' homes,
     * so that whoever meets the split finishes it (RingSplit); both null otherwise.
     */
    public record Unlink(String a, String b, String reason, Instant at, String home, List<String> parts) {
        public static Unlink of(String x, String y, String reason, Instant at) {
            return x.compareTo(y) < 0 ? new Unlink(x, y, reason, at, null, null) : new Unlink(y, x, reason, at, null, null);
        }

        /** With the split it causes in steps: the ring's home and the homes of the parts split off it. */
        Unlink splitting(String ringHome, List<String> partHomes) {
            return new Unlink(a, b, reason, at, ringHome, List.copyOf(partHomes));
        }
    }

    /**
     * {@code PK=RING#<home>, SK=REPORT#<reportId>}: one report of the ring; its indicator keys are
     * the links it makes. Its existence is what makes a redelivered report a no-op.
     */
    public record Report(String reportId, Instant receivedAt, String reporterFingerprint, String networkFingerprint,
                         String country, List<String> brands, BigDecimal lossUsd, List<String> paymentMethods,
                         String contactMethod, List<String> indicatorKeys, String source) {
        public Report {
            brands = List.copyOf(brands);
            paymentMethods = List.copyOf(paymentMethods);
            indicatorKeys = List.copyOf(indicatorKeys);
        }
    }

    /**
     * {@code PK=RING#<home>, SK=REPORTER#<fingerprint>}: a distinct reporter of the ring, counted on
     * the network of their earliest report in it (so the assignment does not depend on delivery order).
     */
    public record Reporter(String fingerprint, String network, Instant firstAt, String firstReportId) {
        boolean before(Reporter other) {
            int c = firstAt.compareTo(other.firstAt);
            return c < 0 || (c == 0 && firstReportId.compareTo(other.firstReportId) < 0);
        }
    }

    /**
     * {@code PK=RING#<home>, SK=HEAD}: the ring's aggregate and its version (every transaction that
     * changes the ring's items is conditioned on it). {@code mergedInto} marks a home whose items
     * moved to another one. {@code effectiveReporters} sums min(cap, reporters) over the ring's
     * {@link Network} items. {@code sources}: reports per submitting organisation
     * ({@link RingReport#PUBLIC_SOURCE} for the public API).
     *
     * <p>A merge too big for one transaction ({@link RingMerge}) marks both heads while it moves items:
     * the survivor's {@code absorbing} names the absorbed home, the absorbed head's {@code movingTo}
     * the survivor's home. Nobody adds to either ring until the merge is finished (whoever meets the
     * marks finishes it first).
     *
     * <p>{@code networks}: how many {@link Network} items the ring has (networks its reporters are
     * counted on); the ring rules need {@code MinDistinctNetworks} of them. {@code brandNetworks}: per
     * brand, the smallest {@value #BRAND_NETWORKS_KEPT} network fingerprints of the reports naming it,
     * so whether a brand was named from two networks is exact under any order, redelivery and merge
     * (the two smallest of a union are the two smallest of the two parts' two smallest).
     */
    public record Head(String home, String ringId, long version, String mergedInto, Instant founderAt,
                       String founderReportId, long reports, long members, long distinctReporters,
                       long effectiveReporters, Instant firstReport, Instant lastReport, BigDecimal lossUsd,
                       SortedMap<String, Long> countries, SortedMap<String, Long> brands,
                       SortedMap<String, Long> paymentMethods, SortedMap<String, Long> contactMethods,
                       SortedMap<String, Long> reportsByMonth, SortedMap<String, Long> memberTypes,
                       SortedMap<String, Long> sources, String absorbing, String movingTo, long networks,
                       SortedMap<String, List<String>> brandNetworks) {

        /** Network fingerprints kept per brand: enough to tell one network from two. */
        public static final int BRAND_NETWORKS_KEPT = 2;

        public Head {
            brandNetworks = brandNetworks == null ? Collections.emptySortedMap()
                    : Collections.unmodifiableSortedMap(new TreeMap<>(brandNetworks));
            sources = frozen(sources);
            countries = frozen(countries);
            brands = frozen(brands);
            paymentMethods = frozen(paymentMethods);
            contactMethods = frozen(contactMethods);
            reportsByMonth = frozen(reportsByMonth);
            memberTypes = frozen(memberTypes);
        }

        /** What union by size compares: the items a merge would have to move. */
        public long size() {
            return reports + members;
        }

        public boolean live() {
            return mergedInto == null;
        }

        /** A merge too big for one transaction is under way through this ring (RingMerge). */
        public boolean merging() {
            return absorbing != null || movingTo != null;
        }

        /** This head at the next version with the merge marks given. */
        Head marked(String absorbingHome, String movingToHome) {
            return new Head(home, ringId, version + 1, mergedInto, founderAt, founderReportId, reports, members,
                    distinctReporters, effectiveReporters, firstReport, lastReport, lossUsd, countries, brands,
                    paymentMethods, contactMethods, reportsByMonth, memberTypes, sources, absorbingHome, movingToHome,
                    networks, brandNetworks);
        }

        /** This head at the next version as a tombstone: its items now live at {@code survivorHome}. */
        Head mergedInto(String survivorHome) {
            return new Head(home, ringId, version + 1, survivorHome, founderAt, founderReportId, reports, members,
                    distinctReporters, effectiveReporters, firstReport, lastReport, lossUsd, countries, brands,
                    paymentMethods, contactMethods, reportsByMonth, memberTypes, sources, null, null, networks, brandNetworks);
        }

        /** The brands named by reports from at least two networks: what cross_brand counts. */
        public List<String> corroboratedBrands() {
            return brandNetworks.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).toList();
        }

        /** Adds {@code network} to each brand's kept networks (the smallest {@value #BRAND_NETWORKS_KEPT}). */
        public static void addBrandNetworks(SortedMap<String, List<String>> into, Map<String, List<String>> from) {
            from.forEach((brand, networks) -> {
                TreeSet<String> all = new TreeSet<>(into.getOrDefault(brand, List.of()));
                all.addAll(networks);
                into.put(brand, all.stream().limit(BRAND_NETWORKS_KEPT).toList());
            });
        }
    }

    /**
     * {@code PK=RING#<home>, SK=NET#<networkFingerprint>}: how many of the ring's reporters are counted
     * on that network (kept out of the head, which would otherwise grow with every reporter).
     */
    public record Network(String network, long reporters) {
    }

    /**
     * {@code PK=RINGID#<ringId>, SK=ALIAS}: where a public ring id lives now ({@code home}), or,
     * for an id retired by a merge, the id it was merged into.
     */
    public record Alias(String ringId, String home, String mergedInto) {
    }

    private static SortedMap<String, Long> frozen(Map<String, Long> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }
}
