package io.scamsignal.domain.ring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pure fold of one report into the rings: given a snapshot of the items it touches, the
 * writes that link the report's indicators, join or found a ring, and merge every ring the report
 * connects. Applied as one conditional transaction, any redelivery and any delivery order ends in
 * the same partition, the same ring ids and the same aggregates:
 * <ul>
 *   <li>a report already in the ring its indicators point to changes nothing (its report item is the
 *       exactly-once marker; a merge never splits, so a redelivered report finds one ring);</li>
 *   <li>a ring's id is that of its earliest report (RingIds), so when a report joins two rings the
 *       one founded earlier keeps its id and the other is recorded as merged into it;</li>
 *   <li>union by size: the smaller rings' items move to the largest ring's storage home, whatever
 *       their age, so a merge costs the items of the smaller rings only;</li>
 *   <li>aggregates are sums, minima and maxima over the ring's reports, and distinct reporters are
 *       counted on the network of their earliest report with at most {@code networkCap} per network.</li>
 * </ul>
 */
public final class RingPlanner {

    static final Comparator<RingItems.Head> BY_FOUNDING = Comparator.comparing(RingItems.Head::founderAt)
            .thenComparing(RingItems.Head::founderReportId);

    /** DynamoDB's limit of items per TransactWriteItems. */
    public static final int MAX_TRANSACTION_ITEMS = 100;

    private final int networkCap;
    private final int maxItems;
    private final int mergeMinNetworks;

    /** Every link merges rings (RingMergeMinNetworks 1): the rings are the connected components. */
    public RingPlanner(int networkCap) {
        this(networkCap, MAX_TRANSACTION_ITEMS);
    }

    public RingPlanner(int networkCap, int maxItems) {
        this(networkCap, maxItems, 1);
    }

    /**
     * @param maxItems the most item writes one transaction may hold; a merge whose plan needs more
     *                 is done in steps by {@link RingMerge} (tests use a small limit to exercise it)
     * @param mergeMinNetworks networks whose reports must have named a link between two existing rings
     *                 before the rings merge ({@code RingMergeMinNetworks}); until then it is a candidate
     */
    public RingPlanner(int networkCap, int maxItems, int mergeMinNetworks) {
        if (networkCap < 1) {
            throw new IllegalArgumentException("the network cap must be at least 1");
        }
        if (maxItems < 8) {
            throw new IllegalArgumentException("a transaction must take at least 8 items");
        }
        if (mergeMinNetworks < 1 || mergeMinNetworks > RingItems.Link.NETWORKS_KEPT) {
            throw new IllegalArgumentException("merges need between 1 and " + RingItems.Link.NETWORKS_KEPT + " networks");
        }
        this.networkCap = networkCap;
        this.maxItems = maxItems;
        this.mergeMinNetworks = mergeMinNetworks;
    }

    public int mergeMinNetworks() {
        return mergeMinNetworks;
    }

    public int maxItems() {
        return maxItems;
    }

    /**
     * The most indicators of one report linked in one transaction; a report with more is linked in
     * chunks of this many ({@link RingReport#chunks}). Twelve in DynamoDB's 100 items: the worst a
     * chunk can need is twelve indicators in rings it may not merge (66 candidate links, 12 members,
     * 11 head checks, the report, reporter, networks and head); founding a ring with them takes 29.
     * Below that limit, as many as a founding fits (a member and a listing each, five more).
     */
    public int chunkSize() {
        return Math.max(2, Math.min(12, (maxItems - 10) / 2));
    }

    /** A report whose own writes, without any merge, exceed one transaction. */
    public static final class PlanTooLargeException extends IllegalStateException {
        PlanTooLargeException(String reportId, int items, int maxItems) {
            super("report " + reportId + " needs " + items + " item writes without a merge, more than one transaction"
                    + " takes (" + maxItems + ")");
        }
    }

    public int networkCap() {
        return networkCap;
    }

    /**
     * The result: the writes to apply in one transaction, what happened, and the ring afterwards
     * (null: none). {@code merging}, when set, is the survivor home of a merge too big for one
     * transaction that must be finished ({@link RingMerge}) after these writes (which may be none:
     * the report met another report's unfinished merge) before the report is planned again.
     */
    public record Plan(List<RingWrite> writes, List<RingEvent> events, RingItems.Head ring, String merging) {
        public static final Plan NOTHING = new Plan(List.of(), List.of(), null, null);

        public Plan(List<RingWrite> writes, List<RingEvent> events, RingItems.Head ring) {
            this(writes, events, ring, null);
        }

        public boolean isEmpty() {
            return writes.isEmpty();
        }

        Plan withEventsBefore(List<RingEvent> earlier) {
            if (earlier.isEmpty()) {
                return this;
            }
            List<RingEvent> all = new ArrayList<>(earlier);
            all.addAll(events);
            return new Plan(writes, List.copyOf(all), ring, merging);
        }
    }

    public Plan plan(RingReport report, RingReads reads) {
        if (report.indicators().isEmpty()) {
            return Plan.NOTHING;
        }
        Map<String, RingItems.Member> existing = new LinkedHashMap<>();
        TreeSet<String> homes = new TreeSet<>();
        for (RingReport.Member m : report.indicators()) {
            reads.member(m.key()).ifPresent(member -> {
                existing.put(m.key(), member);
                homes.add(member.home());
            });
        }
        // the report item is the exactly-once marker, and merges never split: found in any of these
        // rings, the report was applied (even if its linkable indicators changed since, as when an
        // operator marks a site benign between two deliveries)
        for (String home : homes) {
            if (reads.report(home, report.reportId()).isPresent()) {
                return Plan.NOTHING;
            }
        }
        List<RingItems.Head> heads = new ArrayList<>();
        for (String home : homes) {
            RingItems.Head head = reads.head(home).filter(RingItems.Head::live).orElseThrow(() ->
                    new IllegalStateException("member points to a ring home without a live head: " + home));
            if (head.merging()) {
                // another report's merge is under way through this ring: finish it first
                return new Plan(List.of(), List.of(), null, head.absorbing() != null ? head.home() : head.movingTo());
            }
            heads.add(head);
        }
        // a report naming rings it may not merge joins the group of the oldest; the rest only learn candidates
        Corroboration corroboration = corroborate(report, existing, heads, reads);
        heads = new ArrayList<>(corroboration.joined());
        existing.keySet().removeAll(corroboration.elsewhere());
        // union by size: the largest ring keeps its items where they are (ties: the older one)
        heads.sort(Comparator.comparingLong(RingItems.Head::size).reversed().thenComparing(BY_FOUNDING));
        RingItems.Head survivor = heads.isEmpty() ? null : heads.get(0);
        List<RingItems.Head> absorbed = heads.isEmpty() ? List.of() : heads.subList(1, heads.size());

        Instant founderAt = report.receivedAt();
        String founderReportId = report.reportId();
        for (RingItems.Head h : heads) {
            if (h.founderAt().isBefore(founderAt)
                    || (h.founderAt().equals(founderAt) && h.founderReportId().compareTo(founderReportId) < 0)) {
                founderAt = h.founderAt();
                founderReportId = h.founderReportId();
            }
        }
        String ringId = RingIds.of(founderReportId);
        String home = survivor == null ? RingIds.of(report.reportId()) : survivor.home();

        // the absorbed rings' reports (a delete and a put each), members (listing moved, member
        // rewritten) and tombstones are a floor under any merge plan: above the limit, go in steps
        // without reading their items for a plan that could not be applied
        long floor = absorbed.stream().mapToLong(a -> 2 * a.reports() + 3 * a.members() + 1).sum();
        if (floor > maxItems) {
            return inSteps(report, survivor, absorbed);
        }
        Fold fold = new Fold(home, survivor, reads);
        List<RingWrite> writes = new ArrayList<>();
        List<RingEvent> events = new ArrayList<>();
        for (RingItems.Head a : absorbed) {
            fold.absorb(a, writes);
        }
        fold.add(report, existing, corroboration.elsewhere());
        corroboration.partners().forEach((key, partners) -> {
            if (!corroboration.elsewhere().contains(key)) {
                fold.addCandidates(key, partners, existing);
            }
        });
        writes.addAll(fold.writes());
        writes.addAll(corroboration.writes(report));

        RingItems.Head next = fold.head(ringId, founderAt, founderReportId);
        writes.add(new RingWrite.PutHead(next, survivor == null ? 0 : survivor.version()));
        if (survivor == null) {
            events.add(new RingEvent.Founded(ringId));
        } else {
            events.add(new RingEvent.Grew(ringId));
        }
        boolean aliasChanged = survivor == null || !absorbed.isEmpty() || !survivor.ringId().equals(ringId);
        if (aliasChanged) {
            writes.add(new RingWrite.PutAlias(new RingItems.Alias(ringId, home, null)));
        }
        for (RingItems.Head h : heads) {
            if (!h.ringId().equals(ringId)) {
                writes.add(new RingWrite.PutAlias(new RingItems.Alias(h.ringId(), home, ringId)));
                events.add(heads.size() == 1 ? new RingEvent.Renamed(ringId, h.ringId())
                        : new RingEvent.Merged(ringId, h.ringId()));
            }
        }
        if (writes.size() > maxItems) {
            if (absorbed.isEmpty()) {
                throw new PlanTooLargeException(report.reportId(), writes.size(), maxItems);
            }
            return inSteps(report, survivor, absorbed);
        }
        return new Plan(List.copyOf(writes), List.copyOf(events), next);
    }

    /**
     * Which of the rings a report names it joins, and the candidate links it adds. With
     * {@code mergeMinNetworks} 1 every ring it names. Otherwise two rings it names are in one group
     * when a link between them (two of the report's indicators, one in each) was named by reports from
     * at least that many networks, this report's included; the report joins the group holding the
     * oldest ring (merging it), and its indicators new to the rings join with it. Every pair of its
     * indicators that ends up in two different rings is a candidate link: its item counts the report,
     * and both indicators list each other.
     *
     * @param joined    the heads of the rings the report joins
     * @param elsewhere the report's indicators in rings it does not join
     * @param partners  per indicator of the report, the other sides of its candidate links
     * @param links     the candidate links as they are before this report
     * @param others    the heads of the rings it does not join (their versions are checked)
     */
    private record Corroboration(List<RingItems.Head> joined, Set<String> elsewhere,
                                 Map<String, TreeSet<String>> partners, Map<String, RingItems.Link> links,
                                 List<RingItems.Head> others, Map<String, RingItems.Member> existing,
                                 String network) {

        List<RingWrite> writes(RingReport report) {
            List<RingWrite> out = new ArrayList<>();
            // a continuation chunk names its pairs for its report
            String reportId = report.continuation()
                    ? report.reportId().substring(0, report.reportId().indexOf(RingReport.PART)) : report.reportId();
            links.values().forEach(l -> out.add(new RingWrite.PutLink(l.with(network, reportId))));
            for (String key : elsewhere) {
                RingItems.Member m = existing.get(key);
                out.add(new RingWrite.PutMember(m.withCandidates(partners.getOrDefault(key, new TreeSet<>())), m.home()));
            }
            others.forEach(h -> out.add(new RingWrite.CheckHead(h.home(), h.version())));
            return out;
        }
    }

    private Corroboration corroborate(RingReport report, Map<String, RingItems.Member> existing,
                                      List<RingItems.Head> heads, RingReads reads) {
        String network = Fold.network(report);
        if (heads.size() < 2) {
            return new Corroboration(heads, Set.of(), Map.of(), Map.of(), List.of(), Map.copyOf(existing), network);
        }
        List<String> keys = report.indicators().stream().map(RingReport.Member::key).toList();
        // pairs an operator withdrew never link: neither merge nor candidate
        Set<String> withdrawn = new TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                RingItems.Member x = existing.get(keys.get(i));
                RingItems.Member y = existing.get(keys.get(j));
                if (x != null && y != null && !x.home().equals(y.home()) && reads.unlinked(x.key(), y.key())) {
                    RingItems.Link pair = RingItems.Link.empty(x.key(), y.key());
                    withdrawn.add(pair.a() + "|" + pair.b());
                }
            }
        }
        if (mergeMinNetworks <= 1 && withdrawn.isEmpty()) {
            return new Corroboration(heads, Set.of(), Map.of(), Map.of(), List.of(), Map.copyOf(existing), network);
        }
        Map<String, String> group = new HashMap<>();
        heads.forEach(h -> group.put(h.home(), h.home()));
        Map<String, RingItems.Link> before = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                RingItems.Member x = existing.get(keys.get(i));
                RingItems.Member y = existing.get(keys.get(j));
                if (x == null || y == null || x.home().equals(y.home())) {
                    continue;
                }
                RingItems.Link empty = RingItems.Link.empty(x.key(), y.key());
                if (withdrawn.contains(empty.a() + "|" + empty.b())) {
                    continue;
                }
                RingItems.Link link = reads.link(x.key(), y.key()).orElse(empty);
                before.put(link.a() + "|" + link.b(), link);
                TreeSet<String> networks = new TreeSet<>(link.networks());
                networks.add(network);
                if (networks.size() >= mergeMinNetworks) {
                    group.put(root(group, x.home()), root(group, y.home()));
                }
            }
        }
        RingItems.Head oldest = heads.stream().min(BY_FOUNDING).orElseThrow();
        String target = root(group, oldest.home());
        List<RingItems.Head> joined = heads.stream().filter(h -> root(group, h.home()).equals(target)).toList();
        List<RingItems.Head> others = heads.stream().filter(h -> !root(group, h.home()).equals(target)).toList();
        Map<String, String> side = new HashMap<>();
        Set<String> elsewhere = new TreeSet<>();
        for (String key : keys) {
            RingItems.Member m = existing.get(key);
            String g = m == null ? target : root(group, m.home());
            side.put(key, g);
            if (!g.equals(target)) {
                elsewhere.add(key);
            }
        }
        Map<String, TreeSet<String>> partners = new TreeMap<>();
        Map<String, RingItems.Link> links = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                String x = keys.get(i);
                String y = keys.get(j);
                if (side.get(x).equals(side.get(y))) {
                    continue;
                }
                RingItems.Link empty = RingItems.Link.empty(x, y);
                String pair = empty.a() + "|" + empty.b();
                if (withdrawn.contains(pair)) {
                    continue;
                }
                links.put(pair, before.containsKey(pair) ? before.get(pair) : reads.link(x, y).orElse(empty));
                partners.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
                partners.computeIfAbsent(y, k -> new TreeSet<>()).add(x);
            }
        }
        return new Corroboration(joined, elsewhere, partners, links, others, Map.copyOf(existing), network);
    }

    private static String root(Map<String, String> parent, String x) {
        String p = parent.get(x);
        while (!p.equals(x)) {
            x = p;
            p = parent.get(x);
        }
        return x;
    }

    /**
     * Too big for one transaction: mark the survivor and the largest absorbed ring, move the items in
     * steps (RingMerge), then plan the report again on the merged ring. The report's own writes must
     * fit afterwards, else merging would leave the rings joined without the report that joins them:
     * members and new listings, the report, its reporter, two networks, the head and two aliases.
     */
    private Plan inSteps(RingReport report, RingItems.Head survivor, List<RingItems.Head> absorbed) {
        int own = 2 * report.indicators().size() + 7;
        if (own > maxItems) {
            throw new PlanTooLargeException(report.reportId(), own, maxItems);
        }
        RingItems.Head moving = absorbed.get(0);
        return new Plan(List.of(
                new RingWrite.PutHead(survivor.marked(moving.home(), null), survivor.version()),
                new RingWrite.PutHead(moving.marked(null, survivor.home()), moving.version())),
                List.of(), null, survivor.home());
    }

    /** The survivor's state as the plan builds it: counts from its head, items read on demand. */
    private final class Fold {
        private final String home;
        private final RingItems.Head survivor;
        private final RingReads reads;
        private final Map<String, RingItems.Member> members = new LinkedHashMap<>();
        private final Map<String, String> memberExpectedHome = new HashMap<>();
        private final Map<String, RingItems.Reporter> reporters = new LinkedHashMap<>();
        private final Map<String, Long> networksBefore = new TreeMap<>();
        private final Map<String, Long> networks = new TreeMap<>();
        private final List<RingWrite> moves = new ArrayList<>();
        private long reports;
        private long memberCount;
        private long distinct;
        private Instant first;
        private Instant last;
        private BigDecimal loss;
        private final TreeMap<String, Long> countries = new TreeMap<>();
        private final TreeMap<String, Long> brands = new TreeMap<>();
        private final TreeMap<String, Long> payments = new TreeMap<>();
        private final TreeMap<String, Long> contacts = new TreeMap<>();
        private final TreeMap<String, Long> months = new TreeMap<>();
        private final TreeMap<String, Long> types = new TreeMap<>();
        private final TreeMap<String, Long> sources = new TreeMap<>();
        private final TreeMap<String, List<String>> brandNetworks = new TreeMap<>();

        Fold(String home, RingItems.Head survivor, RingReads reads) {
            this.home = home;
            this.survivor = survivor;
            this.reads = reads;
            loss = BigDecimal.ZERO;
            if (survivor != null) {
                addCounts(survivor);
                distinct = survivor.distinctReporters();
            }
        }

        private void addCounts(RingItems.Head h) {
            reports += h.reports();
            memberCount += h.members();
            first = first == null || h.firstReport().isBefore(first) ? h.firstReport() : first;
            last = last == null || h.lastReport().isAfter(last) ? h.lastReport() : last;
            loss = loss.add(h.lossUsd());
            h.countries().forEach((k, v) -> countries.merge(k, v, Long::sum));
            h.brands().forEach((k, v) -> brands.merge(k, v, Long::sum));
            h.paymentMethods().forEach((k, v) -> payments.merge(k, v, Long::sum));
            h.contactMethods().forEach((k, v) -> contacts.merge(k, v, Long::sum));
            h.reportsByMonth().forEach((k, v) -> months.merge(k, v, Long::sum));
            h.memberTypes().forEach((k, v) -> types.merge(k, v, Long::sum));
            h.sources().forEach((k, v) -> sources.merge(k, v, Long::sum));
            RingItems.Head.addBrandNetworks(brandNetworks, h.brandNetworks());
        }

        /** Moves an absorbed ring's items here and tombstones its head. */
        void absorb(RingItems.Head a, List<RingWrite> writes) {
            addCounts(a);
            for (String key : reads.memberKeys(a.home())) {
                RingItems.Member m = reads.member(key).orElseThrow();
                members.put(key, withHome(m, home));
                memberExpectedHome.put(key, a.home());
                moves.add(new RingWrite.DeleteListing(a.home(), key));
                moves.add(new RingWrite.PutListing(home, key));
            }
            for (RingItems.Report r : reads.reports(a.home())) {
                moves.add(new RingWrite.DeleteReport(a.home(), r.reportId()));
                moves.add(new RingWrite.PutReport(home, r));
            }
            for (RingItems.Network n : reads.networks(a.home())) {
                moves.add(new RingWrite.PutNetwork(a.home(), new RingItems.Network(n.network(), 0)));
            }
            for (RingItems.Reporter r : reads.reporters(a.home())) {
                moves.add(new RingWrite.DeleteReporter(a.home(), r.fingerprint()));
                addReporter(r);
            }
            writes.add(new RingWrite.PutHead(a.mergedInto(home), a.version()));
        }

        private Optional<RingItems.Reporter> current(String fingerprint) {
            if (reporters.containsKey(fingerprint)) {
                return Optional.of(reporters.get(fingerprint));
            }
            return survivor == null ? Optional.empty() : reads.reporter(home, fingerprint);
        }

        private long network(String network) {
            return networks.computeIfAbsent(network, n -> {
                long before = survivor == null ? 0 : reads.networkReporters(home, n);
                networksBefore.put(n, before);
                return before;
            });
        }

        /** A reporter counts once, on the network of their earliest report in the ring. */
        void addReporter(RingItems.Reporter incoming) {
            Optional<RingItems.Reporter> known = current(incoming.fingerprint());
            if (known.isEmpty()) {
                distinct++;
                networks.put(incoming.network(), network(incoming.network()) + 1);
                reporters.put(incoming.fingerprint(), incoming);
            } else if (incoming.before(known.get())) {
                networks.put(known.get().network(), network(known.get().network()) - 1);
                networks.put(incoming.network(), network(incoming.network()) + 1);
                reporters.put(incoming.fingerprint(), incoming);
            }
        }

        /** A continuation chunk's first indicator is not rewritten by the chunk unless it gains candidates. */
        void addCandidates(String key, Set<String> partners, Map<String, RingItems.Member> existing) {
            RingItems.Member m = members.get(key);
            if (m == null) {
                m = existing.get(key);
                memberExpectedHome.put(key, m.home());
            }
            members.put(key, m.withCandidates(partners));
        }

        void add(RingReport r, Map<String, RingItems.Member> existing, Set<String> elsewhere) {
            if (r.continuation()) {
                addContinuation(r, existing, elsewhere);
                return;
            }
            reports++;
            first = first == null || r.receivedAt().isBefore(first) ? r.receivedAt() : first;
            last = last == null || r.receivedAt().isAfter(last) ? r.receivedAt() : last;
            loss = loss.add(r.lossUsd());
            if (r.country() != null) {
                countries.merge(r.country(), 1L, Long::sum);
            }
            r.brands().forEach(b -> brands.merge(b, 1L, Long::sum));
            String reportNetwork = network(r);
            r.brands().forEach(b -> RingItems.Head.addBrandNetworks(brandNetworks, Map.of(b, List.of(reportNetwork))));
            r.paymentMethods().forEach(p -> payments.merge(p, 1L, Long::sum));
            if (r.contactMethod() != null) {
                contacts.merge(r.contactMethod(), 1L, Long::sum);
            }
            months.merge(YearMonth.from(r.receivedAt().atOffset(ZoneOffset.UTC)).toString(), 1L, Long::sum);
            sources.merge(r.source(), 1L, Long::sum);
            for (RingReport.Member m : r.indicators()) {
                if (elsewhere.contains(m.key())) {
                    continue;
                }
                addMember(r, m, existing, reportNetwork);
            }
            moves.add(new RingWrite.PutReport(home, new RingItems.Report(r.reportId(), r.receivedAt(),
                    r.reporterFingerprint(), network(r), r.country(), List.copyOf(r.brands()), r.lossUsd(),
                    List.copyOf(r.paymentMethods()), r.contactMethod(),
                    r.indicators().stream().map(RingReport.Member::key).toList(), r.source())));
            addReporter(new RingItems.Reporter(r.reporterFingerprint(), network(r), r.receivedAt(), r.reportId()));
        }

        /**
         * A continuation chunk of a report too big for one transaction: the report was counted with
         * its first chunk, so only the indicators this chunk adds count (its first indicator, the
         * report's first, is in the ring already); its report item marks it applied.
         */
        private void addContinuation(RingReport r, Map<String, RingItems.Member> existing, Set<String> elsewhere) {
            String reportNetwork = network(r);
            List<RingReport.Member> added = r.indicators().subList(1, r.indicators().size());
            for (RingReport.Member m : added) {
                if (elsewhere.contains(m.key())) {
                    continue;
                }
                addMember(r, m, existing, reportNetwork);
            }
            moves.add(new RingWrite.PutReport(home, new RingItems.Report(r.reportId(), r.receivedAt(),
                    r.reporterFingerprint(), reportNetwork, null, List.of(), BigDecimal.ZERO, List.of(), null,
                    r.indicators().stream().map(RingReport.Member::key).toList(), r.source())));
        }

        private void addMember(RingReport r, RingReport.Member m, Map<String, RingItems.Member> existing,
                               String reportNetwork) {
            RingItems.Member before = members.containsKey(m.key()) ? members.get(m.key()) : existing.get(m.key());
            if (before == null) {
                memberCount++;
                types.merge(m.type(), 1L, Long::sum);
                members.put(m.key(), new RingItems.Member(m.key(), m.type(), m.display(), home, 1,
                        r.receivedAt(), r.receivedAt(), List.of(reportNetwork), List.of()));
                memberExpectedHome.put(m.key(), null);
                moves.add(new RingWrite.PutListing(home, m.key()));
            } else {
                memberExpectedHome.putIfAbsent(m.key(), before.home());
                members.put(m.key(), new RingItems.Member(before.key(), before.type(), before.display(), home,
                        before.reports() + 1,
                        r.receivedAt().isBefore(before.firstSeen()) ? r.receivedAt() : before.firstSeen(),
                        r.receivedAt().isAfter(before.lastSeen()) ? r.receivedAt() : before.lastSeen(),
                        smallest(before.networks(), reportNetwork), before.candidates()));
            }
        }

        private static List<String> smallest(List<String> networks, String network) {
            TreeSet<String> all = new TreeSet<>(networks);
            all.add(network);
            return all.stream().limit(RingItems.Head.BRAND_NETWORKS_KEPT).toList();
        }

        /** Without a network fingerprint a reporter is a network of their own: no cap applies. */
        static String network(RingReport r) {
            return r.networkFingerprint() != null ? r.networkFingerprint() : "reporter:" + r.reporterFingerprint();
        }

        List<RingWrite> writes() {
            List<RingWrite> out = new ArrayList<>(moves);
            members.forEach((key, m) -> out.add(new RingWrite.PutMember(m, memberExpectedHome.get(key))));
            reporters.values().forEach(r -> out.add(new RingWrite.PutReporter(home, r)));
            networks.forEach((n, count) -> {
                if (count != networksBefore.getOrDefault(n, 0L)) {
                    out.add(new RingWrite.PutNetwork(home, new RingItems.Network(n, count)));
                }
            });
            return out;
        }

        private long effective() {
            long eff = survivor == null ? 0 : survivor.effectiveReporters();
            for (Map.Entry<String, Long> e : networks.entrySet()) {
                eff += Math.min(networkCap, e.getValue()) - Math.min(networkCap, networksBefore.getOrDefault(e.getKey(), 0L));
            }
            return eff;
        }

        /** The survivor's network items, plus those that came into being, minus those that emptied. */
        private long networkCount() {
            long count = survivor == null ? 0 : survivor.networks();
            for (Map.Entry<String, Long> e : networks.entrySet()) {
                count += (e.getValue() > 0 ? 1 : 0) - (networksBefore.getOrDefault(e.getKey(), 0L) > 0 ? 1 : 0);
            }
            return count;
        }

        RingItems.Head head(String ringId, Instant founderAt, String founderReportId) {
            return new RingItems.Head(home, ringId, survivor == null ? 1 : survivor.version() + 1, null, founderAt,
                    founderReportId, reports, memberCount, distinct, effective(), first, last, loss, countries, brands,
                    payments, contacts, months, types, sources, null, null, networkCount(), brandNetworks);
        }
    }

    static RingItems.Member withHome(RingItems.Member m, String home) {
        return new RingItems.Member(m.key(), m.type(), m.display(), home, m.reports(), m.firstSeen(), m.lastSeen(),
                m.networks(), m.candidates());
    }
}
