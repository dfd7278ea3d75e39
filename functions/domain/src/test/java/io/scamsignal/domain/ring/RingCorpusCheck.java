package io.scamsignal.domain.ring;

import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.storage.RingsTableKeys;
import io.scamsignal.domain.support.RingCorpus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * The check that a rings table holds exactly the true rings, for the corpus integration test and
 * benchmark: the truth computed independently (connected components of the reports' linkable
 * indicators), each ring's aggregate as folding the same reports once, in receivedAt order, into
 * {@link InMemoryRingStore} gives it, and the table's own consistency (member homes, aliases, no
 * items left under a merged ring's home). Free of AWS types: callers hand in the scanned items.
 */
public final class RingCorpusCheck {

    private RingCorpusCheck() {
    }

    /** One scanned item of the rings table: its keys, its {@code state} JSON, a network item's {@code reporters}. */
    public record Item(String pk, String sk, String state, Long reporters) {
    }

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();
    private static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.standard(BRANDS);
    private static final UsdRates RATES = UsdRates.defaults();

    /**
     * What a corpus report adds to the rings, computed apart from the enrichment's code path: the
     * standard extractor, the bundled brands and rates, and the corpus's benign sites (which the
     * deployed benign list holds too); the network is the report's own fingerprint.
     */
    public static RingReport toRingReport(StoredReport report) {
        Predicate<Indicator> linkable = RingLinking.linkable(BRANDS, RingCorpus.BENIGN_DOMAINS::contains);
        BigDecimal loss = report.loss() == null ? BigDecimal.ZERO
                : RATES.toUsd(report.loss().amount(), report.loss().currency()).orElse(BigDecimal.ZERO);
        Set<String> brand = BRANDS.canonicalBrand(report.impersonatedCompany()).map(Set::of).orElse(Set.of());
        return RingReport.of(report, EXTRACTOR.extract(report), brand, loss, report.networkFingerprint(), linkable);
    }

    /** The true rings: connected components of indicator keys, two keys connected when one report names both. */
    public static Set<Set<String>> truth(Collection<RingReport> reports) {
        Map<String, String> parent = new HashMap<>();
        for (RingReport r : reports) {
            for (RingReport.Member m : r.indicators()) {
                union(parent, r.indicators().get(0).key(), m.key());
            }
        }
        Map<String, Set<String>> components = new HashMap<>();
        for (String key : parent.keySet()) {
            components.computeIfAbsent(find(parent, key), k -> new TreeSet<>()).add(key);
        }
        return new HashSet<>(components.values());
    }

    /** The reference: every report folded once, in receivedAt order (then report id), into the in-memory store. */
    public static InMemoryRingStore fold(Collection<RingReport> reports, int networkCap) {
        List<RingReport> ordered = new ArrayList<>(reports);
        ordered.sort(RingReport.FOUNDING_ORDER);
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(networkCap);
        ordered.forEach(r -> store.ingest(planner, r));
        return store;
    }

    /** The partition of indicator keys into the live rings of {@code reads}. */
    public static Set<Set<String>> partition(RingReads reads, Collection<RingItems.Head> live) {
        Set<Set<String>> rings = new HashSet<>();
        live.forEach(h -> rings.add(new TreeSet<>(reads.memberKeys(h.home()))));
        return rings;
    }

    /**
     * Every live ring by its public id, with what does not depend on where its items are stored or
     * how many transactions built it (home and version do): the head's counts, and its members',
     * reports', reporters' and networks' items.
     */
    public static Map<String, Map<String, Object>> state(RingReads reads, Collection<RingItems.Head> live) {
        Map<String, Map<String, Object>> rings = new TreeMap<>();
        for (RingItems.Head h : live) {
            Map<String, Object> ring = new LinkedHashMap<>();
            ring.put("founder", h.founderReportId() + "@" + h.founderAt());
            ring.put("reports", h.reports());
            ring.put("members", h.members());
            ring.put("distinctReporters", h.distinctReporters());
            ring.put("effectiveReporters", h.effectiveReporters());
            ring.put("firstReport", h.firstReport());
            ring.put("lastReport", h.lastReport());
            ring.put("lossUsd", plain(h.lossUsd()));
            ring.put("countries", h.countries());
            ring.put("brands", h.brands());
            ring.put("paymentMethods", h.paymentMethods());
            ring.put("contactMethods", h.contactMethods());
            ring.put("reportsByMonth", h.reportsByMonth());
            ring.put("memberTypes", h.memberTypes());
            Map<String, String> members = new TreeMap<>();
            for (String key : reads.memberKeys(h.home())) {
                members.put(key, reads.member(key).map(m -> m.type() + "|" + m.display() + "|" + m.reports() + "|"
                        + m.firstSeen() + "|" + m.lastSeen() + (m.home().equals(h.home()) ? "" : "|home " + m.home()))
                        .orElse("no member item"));
            }
            ring.put("memberItems", members);
            Map<String, String> reports = new TreeMap<>();
            reads.reports(h.home()).forEach(r -> reports.put(r.reportId(), r.receivedAt() + "|" + r.reporterFingerprint()
                    + "|" + r.networkFingerprint() + "|" + r.country() + "|" + r.brands() + "|" + plain(r.lossUsd()) + "|"
                    + r.paymentMethods() + "|" + r.contactMethod() + "|" + r.indicatorKeys()));
            ring.put("reportItems", reports);
            Map<String, String> reporters = new TreeMap<>();
            reads.reporters(h.home()).forEach(r -> reporters.put(r.fingerprint(), r.network() + "|" + r.firstAt() + "|"
                    + r.firstReportId()));
            ring.put("reporterItems", reporters);
            Map<String, Long> networks = new TreeMap<>();
            reads.networks(h.home()).forEach(n -> networks.put(n.network(), n.reporters()));
            ring.put("networkItems", networks);
            rings.put(h.ringId(), ring);
        }
        return rings;
    }

    /**
     * Each true ring's aggregate computed from the raw corpus and the generator's labels alone (no
     * extractor, link rule or planner): keyed by its founding report (earliest receivedAt, then
     * report id), its reports, reporters (each counted once, on the network of their earliest report
     * in the ring; at most {@code networkCap} a network), first and last report, loss in USD (the
     * bundled rates), and the counts by country, brand, payment method, contact method and month.
     */
    public static Map<String, Map<String, Object>> expectedFromLabels(RingCorpus.Corpus corpus, int networkCap) {
        Map<String, StoredReport> byId = new HashMap<>();
        corpus.reports().forEach(r -> byId.put(r.reportId(), r));
        Map<String, Map<String, Object>> rings = new TreeMap<>();
        for (Set<String> ring : corpus.trueRings()) {
            List<StoredReport> reports = ring.stream().map(byId::get)
                    .sorted(java.util.Comparator.comparing(StoredReport::receivedAt).thenComparing(StoredReport::reportId))
                    .toList();
            Map<String, String> networkOfReporter = new LinkedHashMap<>();
            TreeMap<String, Long> countries = new TreeMap<>();
            TreeMap<String, Long> brands = new TreeMap<>();
            TreeMap<String, Long> payments = new TreeMap<>();
            TreeMap<String, Long> contacts = new TreeMap<>();
            TreeMap<String, Long> months = new TreeMap<>();
            BigDecimal loss = BigDecimal.ZERO;
            for (StoredReport r : reports) {
                networkOfReporter.putIfAbsent(r.reporterFingerprint(), r.networkFingerprint());
                countries.merge(r.country(), 1L, Long::sum);
                brands.merge(r.impersonatedCompany(), 1L, Long::sum);
                r.loss().paymentMethods().forEach(p -> payments.merge(p.wireName(), 1L, Long::sum));
                contacts.merge(r.contactMethod().wireName(), 1L, Long::sum);
                months.merge(r.receivedAt().toString().substring(0, 7), 1L, Long::sum);
                loss = loss.add(RATES.toUsd(r.loss().amount(), r.loss().currency()).orElse(BigDecimal.ZERO));
            }
            Map<String, Long> perNetwork = new TreeMap<>();
            networkOfReporter.values().forEach(n -> perNetwork.merge(n, 1L, Long::sum));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("reportIds", new TreeSet<>(ring));
            expected.put("distinctReporters", (long) networkOfReporter.size());
            expected.put("effectiveReporters", perNetwork.values().stream().mapToLong(c -> Math.min(networkCap, c)).sum());
            expected.put("firstReport", reports.get(0).receivedAt());
            expected.put("lastReport", reports.get(reports.size() - 1).receivedAt());
            expected.put("lossUsd", plain(loss));
            expected.put("countries", countries);
            expected.put("brands", brands);
            expected.put("paymentMethods", payments);
            expected.put("contactMethods", contacts);
            expected.put("reportsByMonth", months);
            rings.put(reports.get(0).reportId() + "@" + reports.get(0).receivedAt(), expected);
        }
        return rings;
    }

    /** The same figures as {@link #expectedFromLabels} of every live ring in {@code reads}, keyed by its founder. */
    public static Map<String, Map<String, Object>> observed(RingReads reads, Collection<RingItems.Head> live) {
        Map<String, Map<String, Object>> rings = new TreeMap<>();
        for (RingItems.Head h : live) {
            Map<String, Object> ring = new LinkedHashMap<>();
            Set<String> reportIds = new TreeSet<>();
            reads.reports(h.home()).forEach(r -> reportIds.add(r.reportId()));
            ring.put("reportIds", reportIds);
            if (h.reports() != reportIds.size()) {
                ring.put("reports", h.reports());
            }
            ring.put("distinctReporters", h.distinctReporters());
            ring.put("effectiveReporters", h.effectiveReporters());
            ring.put("firstReport", h.firstReport());
            ring.put("lastReport", h.lastReport());
            ring.put("lossUsd", plain(h.lossUsd()));
            ring.put("countries", h.countries());
            ring.put("brands", h.brands());
            ring.put("paymentMethods", h.paymentMethods());
            ring.put("contactMethods", h.contactMethods());
            ring.put("reportsByMonth", h.reportsByMonth());
            rings.put(h.founderReportId() + "@" + h.founderAt(), ring);
        }
        return rings;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Everything wrong with a rings table after the reports were linked (empty: it holds exactly the
     * true rings): partition, each ring's state against the reference fold, aliases, stray items.
     */
    public static List<String> problems(Snapshot table, Collection<RingReport> reports, int networkCap) {
        List<String> problems = new ArrayList<>();
        Set<Set<String>> truth = truth(reports);
        Set<Set<String>> found = partition(table, table.liveHeads());
        if (!found.equals(truth)) {
            Set<Set<String>> missing = new HashSet<>(truth);
            missing.removeAll(found);
            Set<Set<String>> extra = new HashSet<>(found);
            extra.removeAll(truth);
            problems.add("partition: " + truth.size() + " true rings, " + found.size() + " live rings; "
                    + missing.size() + " true rings not found (smallest: " + smallest(missing) + "), "
                    + extra.size() + " live rings not true (smallest: " + smallest(extra) + ")");
        }
        InMemoryRingStore reference = fold(reports, networkCap);
        Map<String, Map<String, Object>> expected = state(reference, reference.liveRings());
        Map<String, Map<String, Object>> actual = state(table, table.liveHeads());
        Set<String> ids = new TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            Map<String, Object> e = expected.get(id);
            Map<String, Object> a = actual.get(id);
            if (e == null || a == null) {
                problems.add("ring " + id + (e == null ? ": live, but not in the reference" : ": in the reference, not live"));
                continue;
            }
            for (String field : e.keySet()) {
                if (!Objects.equals(e.get(field), a.get(field))) {
                    problems.add("ring " + id + " " + field + ": expected " + abbreviate(e.get(field)) + ", found "
                            + abbreviate(a.get(field)));
                }
            }
        }
        problems.addAll(table.consistency(reports));
        return problems;
    }

    private static String smallest(Set<Set<String>> rings) {
        return rings.stream().min((x, y) -> Integer.compare(x.size(), y.size())).map(Object::toString).orElse("-");
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }

    /** A scanned rings table, read as the planner reads it. */
    public static final class Snapshot implements RingReads {
        private final Map<String, RingItems.Member> members = new HashMap<>();
        private final Map<String, RingItems.Head> heads = new HashMap<>();
        private final Map<String, RingItems.Alias> aliases = new HashMap<>();
        private final Map<String, RingItems.Link> links = new HashMap<>();
        private final Map<String, TreeMap<String, Item>> rings = new HashMap<>();
        private final List<String> unknown = new ArrayList<>();

        public Snapshot(Collection<Item> items) {
            for (Item item : items) {
                if (item.pk().startsWith("IND#") && item.sk().equals(RingsTableKeys.MEMBER)) {
                    RingItems.Member m = RingsTableKeys.read(item.state(), RingItems.Member.class);
                    members.put(m.key(), m);
                } else if (item.pk().startsWith("LINK#") && item.sk().equals(RingsTableKeys.LINK)) {
                    RingItems.Link l = RingsTableKeys.read(item.state(), RingItems.Link.class);
                    links.put(l.a() + "|" + l.b(), l);
                } else if (item.pk().startsWith("RINGID#") && item.sk().equals(RingsTableKeys.ALIAS)) {
                    RingItems.Alias a = RingsTableKeys.read(item.state(), RingItems.Alias.class);
                    aliases.put(a.ringId(), a);
                } else if (item.pk().startsWith("RING#")) {
                    String home = RingsTableKeys.home(item.pk());
                    if (RingsTableKeys.isHead(item.sk())) {
                        heads.put(home, RingsTableKeys.head(item.state()));
                    } else {
                        rings.computeIfAbsent(home, h -> new TreeMap<>()).put(item.sk(), item);
                    }
                } else {
                    unknown.add(item.pk() + "/" + item.sk());
                }
            }
        }

        public List<RingItems.Head> liveHeads() {
            return heads.values().stream().filter(RingItems.Head::live).toList();
        }

        /** Member homes, listings, aliases and stray items, against the reports linked. */
        public List<String> consistency(Collection<RingReport> reports) {
            List<String> problems = new ArrayList<>();
            unknown.forEach(k -> problems.add("item of no known kind: " + k));
            members.values().forEach(m -> {
                RingItems.Head h = heads.get(m.home());
                if (h == null || !h.live()) {
                    problems.add("member " + m.key() + " points to home " + m.home() + ", which has no live head");
                } else if (!rings.getOrDefault(m.home(), new TreeMap<>()).containsKey(RingsTableKeys.LISTING_PREFIX + m.key())) {
                    problems.add("member " + m.key() + " is not listed in its ring " + h.ringId());
                }
            });
            rings.forEach((home, items) -> {
                RingItems.Head h = heads.get(home);
                if (h == null || !h.live()) {
                    problems.add(items.size() + " items left under home " + home + ", which has no live head (first: "
                            + items.firstKey() + ")");
                }
            });
            Map<String, String> founders = new HashMap<>();
            reports.forEach(r -> founders.put(RingIds.of(r.reportId()), r.reportId()));
            Map<String, String> ringOfReport = new HashMap<>();
            for (RingItems.Head h : liveHeads()) {
                reports(h.home()).forEach(r -> {
                    String before = ringOfReport.put(r.reportId(), h.ringId());
                    if (before != null) {
                        problems.add("report " + r.reportId() + " is in two rings: " + before + " and " + h.ringId());
                    }
                });
                RingItems.Alias own = aliases.get(h.ringId());
                if (own == null || own.mergedInto() != null || !own.home().equals(h.home())) {
                    problems.add("live ring " + h.ringId() + " has alias " + own + ", not one to its home " + h.home());
                }
            }
            for (RingReport r : reports) {
                if (!r.indicators().isEmpty() && !ringOfReport.containsKey(r.reportId())) {
                    problems.add("report " + r.reportId() + " names " + r.indicators().size()
                            + " linkable indicators and is in no live ring");
                }
            }
            for (RingItems.Alias a : aliases.values()) {
                Optional<RingItems.Head> live = resolve(a.ringId());
                String founder = founders.get(a.ringId());
                if (live.isEmpty()) {
                    problems.add("alias " + a.ringId() + " resolves to no live ring");
                } else if (founder == null || !live.get().ringId().equals(ringOfReport.get(founder))) {
                    problems.add("alias " + a.ringId() + " resolves to ring " + live.get().ringId()
                            + ", which does not hold its founding report " + founder);
                }
            }
            return problems;
        }

        /** The live ring a (possibly retired) ring id answers with, following mergedInto. */
        public Optional<RingItems.Head> resolve(String ringId) {
            RingItems.Alias alias = aliases.get(ringId);
            for (int hops = 0; alias != null && alias.mergedInto() != null && hops < 1000; hops++) {
                alias = aliases.get(alias.mergedInto());
            }
            return alias == null ? Optional.empty() : Optional.ofNullable(heads.get(alias.home())).filter(RingItems.Head::live);
        }

        private <T> List<T> under(String home, String prefix, Function<Item, T> decode) {
            List<T> out = new ArrayList<>();
            rings.getOrDefault(home, new TreeMap<>()).tailMap(prefix).forEach((sk, item) -> {
                if (sk.startsWith(prefix)) {
                    out.add(decode.apply(item));
                }
            });
            return out;
        }

        @Override
        public Optional<RingItems.Member> member(String indicatorKey) {
            return Optional.ofNullable(members.get(indicatorKey));
        }

        @Override
        public Optional<RingItems.Head> head(String home) {
            return Optional.ofNullable(heads.get(home));
        }

        @Override
        public Optional<RingItems.Report> report(String home, String reportId) {
            return Optional.ofNullable(rings.getOrDefault(home, new TreeMap<>()).get(RingsTableKeys.REPORT_PREFIX + reportId))
                    .map(i -> RingsTableKeys.read(i.state(), RingItems.Report.class));
        }

        @Override
        public Optional<RingItems.Reporter> reporter(String home, String fingerprint) {
            return Optional.ofNullable(rings.getOrDefault(home, new TreeMap<>()).get(RingsTableKeys.REPORTER_PREFIX + fingerprint))
                    .map(i -> RingsTableKeys.read(i.state(), RingItems.Reporter.class));
        }

        @Override
        public long networkReporters(String home, String network) {
            Item item = rings.getOrDefault(home, new TreeMap<>()).get(RingsTableKeys.NETWORK_PREFIX + network);
            return item == null ? 0 : item.reporters();
        }

        @Override
        public Optional<RingItems.Link> link(String x, String y) {
            RingItems.Link key = RingItems.Link.empty(x, y);
            return Optional.ofNullable(links.get(key.a() + "|" + key.b()));
        }

        @Override
        public Optional<RingItems.Unlink> unlink(String x, String y) {
            return Optional.empty();
        }

        @Override
        public Optional<RingItems.Alias> alias(String ringId) {
            return Optional.ofNullable(aliases.get(ringId));
        }

        @Override
        public List<String> memberKeys(String home) {
            return under(home, RingsTableKeys.LISTING_PREFIX, i -> i.sk().substring(RingsTableKeys.LISTING_PREFIX.length()));
        }

        @Override
        public List<RingItems.Report> reports(String home) {
            return under(home, RingsTableKeys.REPORT_PREFIX, i -> RingsTableKeys.read(i.state(), RingItems.Report.class));
        }

        @Override
        public List<RingItems.Reporter> reporters(String home) {
            return under(home, RingsTableKeys.REPORTER_PREFIX, i -> RingsTableKeys.read(i.state(), RingItems.Reporter.class));
        }

        @Override
        public List<RingItems.Network> networks(String home) {
            return under(home, RingsTableKeys.NETWORK_PREFIX, i -> new RingItems.Network(
                    i.sk().substring(RingsTableKeys.NETWORK_PREFIX.length()), i.reporters()));
        }
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
