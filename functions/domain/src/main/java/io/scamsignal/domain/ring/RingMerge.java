package io.scamsignal.domain.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A merge too big for one transaction (two large rings joined by one report), done in steps that
 * stay exact whoever runs them and whenever one is cut short (docs/rings.md, "Merges bigger than one
 * transaction"):
 * <ol>
 *   <li>the planner marks both heads in one transaction (survivor {@code absorbing}, absorbed
 *       {@code movingTo}); from then on every planner that meets either ring finishes the merge
 *       before it adds anything, so their counts stay frozen;</li>
 *   <li>moves, each step one transaction held to the survivor head's version by a
 *       {@link RingWrite.CheckHead}: a member with its listing, a report, a reporter (merged with
 *       the survivor's: the earlier report wins), an absorbed network deleted. Every item is at
 *       exactly one of the two homes after each step, so the union the next step reads never
 *       changes;</li>
 *   <li>the survivor's network counts recomputed from its reporter items (now the union);</li>
 *   <li>the heads: counts summed, distinct and effective reporters from the items, the earliest
 *       founder's id; the absorbed head becomes a tombstone and the aliases follow.</li>
 * </ol>
 * The report that joined the rings is planned again afterwards, as any report joining one ring.
 */
public final class RingMerge {

    private final int networkCap;
    private final int maxItems;
    private final RingSplit split;

    public RingMerge(int networkCap, int maxItems) {
        this.networkCap = networkCap;
        this.maxItems = maxItems;
        this.split = new RingSplit(networkCap, maxItems);
    }

    public RingMerge(RingPlanner planner) {
        this(planner.networkCap(), planner.maxItems());
    }

    /**
     * One step: the writes of one transaction (none: no merge is under way there), the events, and
     * whether it is the last step (the heads written, the merge finished).
     */
    public record Step(List<RingWrite> writes, List<RingEvent> events, RingItems.Head ring, boolean last) {
        static final Step NONE = new Step(List.of(), List.of(), null, true);
    }

    /**
     * The next step of the merge under way at {@code home} (the survivor's or the absorbed ring's), or
     * of the split under way there (RingSplit: the ring's home or a split-off part's).
     */
    public Step next(String home, RingReads reads) {
        RingItems.Head s = reads.head(home).orElse(null);
        if (s != null && s.movingTo() != null) {
            s = reads.head(s.movingTo()).orElse(null);
        }
        if (s == null || s.absorbing() == null) {
            return Step.NONE;
        }
        if (RingSplit.splitting(s)) {
            // an operator's split in steps, driven the same way
            return split.next(s, reads);
        }
        RingItems.Head a = reads.head(s.absorbing()).orElseThrow(() ->
                new IllegalStateException("a merge absorbs a home without a head"));
        RingWrite.CheckHead guard = new RingWrite.CheckHead(s.home(), s.version());
        List<RingWrite> moves = moves(s.home(), a.home(), reads, maxItems - 1);
        if (!moves.isEmpty()) {
            moves.add(guard);
            return new Step(List.copyOf(moves), List.of(), null, false);
        }
        Map<String, Long> counts = new TreeMap<>();
        List<RingItems.Reporter> reporters = reads.reporters(s.home());
        reporters.forEach(r -> counts.merge(r.network(), 1L, Long::sum));
        List<RingWrite> networks = networkFixes(s.home(), counts, reads, maxItems - 1);
        if (!networks.isEmpty()) {
            networks.add(guard);
            return new Step(List.copyOf(networks), List.of(), null, false);
        }
        return finish(s, a, reporters.size(), counts);
    }

    private static List<RingWrite> moves(String to, String from, RingReads reads, int budget) {
        List<RingWrite> out = new ArrayList<>();
        for (String key : reads.memberKeys(from)) {
            if (out.size() + 3 > budget) {
                return out;
            }
            RingItems.Member m = reads.member(key).orElseThrow(() ->
                    new IllegalStateException("a ring lists a member without its item: " + key));
            out.add(new RingWrite.DeleteListing(from, key));
            out.add(new RingWrite.PutListing(to, key));
            out.add(new RingWrite.PutMember(RingPlanner.withHome(m, to), from));
        }
        for (RingItems.Report r : reads.reports(from)) {
            if (out.size() + 2 > budget) {
                return out;
            }
            out.add(new RingWrite.DeleteReport(from, r.reportId()));
            out.add(new RingWrite.PutReport(to, r));
        }
        for (RingItems.Reporter r : reads.reporters(from)) {
            if (out.size() + 2 > budget) {
                return out;
            }
            RingItems.Reporter known = reads.reporter(to, r.fingerprint()).orElse(null);
            out.add(new RingWrite.DeleteReporter(from, r.fingerprint()));
            out.add(new RingWrite.PutReporter(to, known == null || r.before(known) ? r : known));
        }
        for (RingItems.Network n : reads.networks(from)) {
            if (out.size() + 1 > budget) {
                return out;
            }
            out.add(new RingWrite.PutNetwork(from, new RingItems.Network(n.network(), 0)));
        }
        return out;
    }

    private static List<RingWrite> networkFixes(String home, Map<String, Long> counts, RingReads reads, int budget) {
        Map<String, Long> stored = new HashMap<>();
        reads.networks(home).forEach(n -> stored.put(n.network(), n.reporters()));
        TreeSet<String> all = new TreeSet<>(counts.keySet());
        all.addAll(stored.keySet());
        List<RingWrite> out = new ArrayList<>();
        for (String network : all) {
            long want = counts.getOrDefault(network, 0L);
            if (want != stored.getOrDefault(network, 0L) && out.size() < budget) {
                out.add(new RingWrite.PutNetwork(home, new RingItems.Network(network, want)));
            }
        }
        return out;
    }

    private Step finish(RingItems.Head s, RingItems.Head a, long distinct, Map<String, Long> networks) {
        RingItems.Head founder = RingPlanner.BY_FOUNDING.compare(a, s) < 0 ? a : s;
        String ringId = RingIds.of(founder.founderReportId());
        long effective = networks.values().stream().mapToLong(n -> Math.min(networkCap, n)).sum();
        RingItems.Head merged = new RingItems.Head(s.home(), ringId, s.version() + 1, null, founder.founderAt(),
                founder.founderReportId(), s.reports() + a.reports(), s.members() + a.members(), distinct, effective,
                a.firstReport().isBefore(s.firstReport()) ? a.firstReport() : s.firstReport(),
                a.lastReport().isAfter(s.lastReport()) ? a.lastReport() : s.lastReport(),
                s.lossUsd().add(a.lossUsd()), sum(s.countries(), a.countries()), sum(s.brands(), a.brands()),
                sum(s.paymentMethods(), a.paymentMethods()), sum(s.contactMethods(), a.contactMethods()),
                sum(s.reportsByMonth(), a.reportsByMonth()), sum(s.memberTypes(), a.memberTypes()),
                sum(s.sources(), a.sources()), null, null, networks.size(), brandNetworks(s, a));
        List<RingWrite> writes = new ArrayList<>();
        writes.add(new RingWrite.PutHead(merged, s.version()));
        writes.add(new RingWrite.PutHead(a.mergedInto(s.home()), a.version()));
        writes.add(new RingWrite.PutAlias(new RingItems.Alias(ringId, s.home(), null)));
        List<RingEvent> events = new ArrayList<>();
        for (RingItems.Head h : List.of(s, a)) {
            if (!h.ringId().equals(ringId)) {
                writes.add(new RingWrite.PutAlias(new RingItems.Alias(h.ringId(), s.home(), ringId)));
                events.add(new RingEvent.Merged(ringId, h.ringId()));
            }
        }
        return new Step(List.copyOf(writes), List.copyOf(events), merged, true);
    }

    private static SortedMap<String, List<String>> brandNetworks(RingItems.Head s, RingItems.Head a) {
        TreeMap<String, List<String>> out = new TreeMap<>(s.brandNetworks());
        RingItems.Head.addBrandNetworks(out, a.brandNetworks());
        return out;
    }

    private static SortedMap<String, Long> sum(Map<String, Long> x, Map<String, Long> y) {
        TreeMap<String, Long> out = new TreeMap<>(x);
        y.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
