package io.scamsignal.domain.ring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An operator withdraws the link of two indicators of one ring: the pair is stored (an
 * {@link RingItems.Unlink}, which the planner never links again) and the ring is split into what
 * stays connected. The parts are computed exactly by folding the ring's report items again, in
 * receivedAt order, into an empty store that knows the withdrawn pairs (every link merging): the
 * part holding the founder's report keeps the ring's home, id and alias (its head at the next
 * version); every other part gets a home of its own ({@link #homeOf}), its head, alias (id
 * {@code RingIds.of(its earliest report)}) and items there, and its members re-homed. A report
 * whose indicators the withdrawal disconnects stays with the part of the oldest ring among them, as
 * a later report naming the pair would; each indicator goes with what it is still linked to.
 * Members stop listing a withdrawn pair as a candidate link.
 *
 * <p>A split that fits one transaction is one, held to the ring head's version. A bigger one goes in
 * steps that anyone may run and re-run ({@link #next}, driven by {@link RingLinker} like a merge in
 * steps): the first transaction marks the ring's head ({@code absorbing} names the withdrawn pair),
 * writes each split-off part's final head marked {@code movingTo} the ring's home and the
 * {@code Unlink} with the ring's and the parts' homes, so every planner that meets the ring or a
 * part finishes the split before it adds anything. Each step then writes at most a transaction's
 * worth of the difference between the stored items and the parts computed from scratch over the
 * reports at all these homes (the same set whatever steps have run), held to the marked head's
 * version; when nothing differs, the last step writes the heads unmarked and the parts' aliases.
 */
public final class RingSplit {

    private static final String MARK = "split\n";

    private final int networkCap;
    private final int maxItems;

    public RingSplit(RingPlanner planner) {
        this(planner.networkCap(), planner.maxItems());
    }

    public RingSplit(int networkCap, int maxItems) {
        this.networkCap = networkCap;
        this.maxItems = maxItems;
    }

    /** The storage home of a part split off a ring, founded by {@code founderReportId}. */
    public static String homeOf(String founderReportId) {
        return RingIds.of("split|" + founderReportId);
    }

    /** The pair is not a link of this ring: nothing to withdraw. */
    public static final class NotALinkException extends IllegalArgumentException {
        NotALinkException(String message) {
            super(message);
        }
    }

    /**
     * The writes of the split's first (or only) transaction and the heads of the parts, the founder's
     * first. {@code continueAt}, when set, is the ring home whose split (or merge) in steps must be
     * finished ({@link RingLinker#finish}) after these writes, which may be none (one was under way).
     */
    public record Plan(List<RingWrite> writes, List<RingItems.Head> parts, String continueAt) {
    }

    static boolean splitting(RingItems.Head head) {
        return head.absorbing() != null && head.absorbing().startsWith(MARK);
    }

    public Plan plan(String ringId, String a, String b, String reason, Instant at, RingReads reads) {
        RingItems.Alias alias = reads.alias(ringId).filter(x -> x.mergedInto() == null)
                .orElseThrow(() -> new NotALinkException("no live ring " + ringId));
        RingItems.Head head = reads.head(alias.home()).filter(RingItems.Head::live)
                .orElseThrow(() -> new NotALinkException("no live ring " + ringId));
        if (head.merging()) {
            // a merge or split in steps is under way through this ring: finish it, then plan again
            return new Plan(List.of(), List.of(), head.absorbing() != null ? head.home() : head.movingTo());
        }
        String home = head.home();
        List<RingItems.Report> reports = new ArrayList<>(reads.reports(home));
        if (reports.stream().noneMatch(r -> r.indicatorKeys().contains(a) && r.indicatorKeys().contains(b))) {
            throw new NotALinkException("no report of ring " + ringId + " names both " + a + " and " + b);
        }
        // by the reports' keys: an indicator of a report may sit in another ring (a withdrawn pair's other side)
        Map<String, RingItems.Member> stored = reads.members(reports.stream().flatMap(r -> r.indicatorKeys().stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        RingItems.Unlink unlink = RingItems.Unlink.of(a, b, reason, at);
        Scratch scratch = scratch(reports, stored, Set.of(home), unlink, reads);
        if (scratch.parts().size() == 1 && reads.unlinked(a, b)) {
            // withdrawn before and split already (a re-run): nothing to do; the parts a split in steps recorded
            List<RingItems.Head> parts = new ArrayList<>(List.of(head));
            reads.unlink(a, b).filter(u -> home.equals(u.home())).ifPresent(u -> u.parts()
                    .forEach(p -> reads.head(p).filter(RingItems.Head::live).ifPresent(parts::add)));
            return new Plan(List.of(), List.copyOf(parts), null);
        }
        Map<String, RingWrite> writes = new LinkedHashMap<>();
        List<RingItems.Head> heads = new ArrayList<>();
        // what stays at the old home unless a part writes it again
        reads.memberKeys(home).forEach(k -> writes.put(home + "/M#" + k, new RingWrite.DeleteListing(home, k)));
        reports.forEach(r -> writes.put(home + "/REPORT#" + r.reportId(), new RingWrite.DeleteReport(home, r.reportId())));
        reads.reporters(home).forEach(r -> writes.put(home + "/REPORTER#" + r.fingerprint(),
                new RingWrite.DeleteReporter(home, r.fingerprint())));
        reads.networks(home).forEach(n -> writes.put(home + "/NET#" + n.network(),
                new RingWrite.PutNetwork(home, new RingItems.Network(n.network(), 0))));
        for (RingItems.Head part : scratch.parts()) {
            boolean founders = part.founderReportId().equals(head.founderReportId());
            String to = founders ? home : homeOf(part.founderReportId());
            RingItems.Head before = founders ? head : reads.head(to).orElse(null);
            long version = before == null ? 0 : before.version();
            String from = part.home();
            for (String k : scratch.store().memberKeys(from)) {
                if (founders) {
                    writes.remove(home + "/M#" + k);
                } else {
                    writes.put(to + "/M#" + k, new RingWrite.PutListing(to, k));
                }
                writes.put("IND#" + k, new RingWrite.PutMember(scratch.member(k, to, stored.get(k)), home));
            }
            for (RingItems.Report r : scratch.store().reports(from)) {
                if (founders) {
                    writes.remove(home + "/REPORT#" + r.reportId());
                } else {
                    writes.put(to + "/REPORT#" + r.reportId(), new RingWrite.PutReport(to, scratch.original(r)));
                }
            }
            for (RingItems.Reporter r : scratch.store().reporters(from)) {
                RingItems.Reporter old = founders ? reads.reporter(home, r.fingerprint()).orElse(null) : null;
                if (r.equals(old)) {
                    writes.remove(home + "/REPORTER#" + r.fingerprint());
                } else {
                    writes.put(to + "/REPORTER#" + r.fingerprint(), new RingWrite.PutReporter(to, r));
                }
            }
            for (RingItems.Network n : scratch.store().networks(from)) {
                long old = founders ? reads.networkReporters(home, n.network()) : 0;
                if (old == n.reporters()) {
                    writes.remove(home + "/NET#" + n.network());
                } else {
                    writes.put(to + "/NET#" + n.network(), new RingWrite.PutNetwork(to, n));
                }
            }
            RingItems.Head next = headAt(part, to, version + 1, null);
            writes.put(to + "/HEAD", new RingWrite.PutHead(next, version));
            if (!founders) {
                writes.put("RINGID#" + part.ringId(), new RingWrite.PutAlias(new RingItems.Alias(part.ringId(), to, null)));
            }
            heads.add(next);
        }
        writes.put("UNLINK#" + unlink.a() + "|" + unlink.b(), new RingWrite.PutUnlink(unlink));
        if (writes.size() <= maxItems) {
            return new Plan(List.copyOf(writes.values()), List.copyOf(heads), null);
        }
        // in steps: mark the ring, write the split-off parts' heads marked, record the split
        List<RingWrite> mark = new ArrayList<>();
        List<String> partHomes = new ArrayList<>();
        mark.add(new RingWrite.PutHead(head.marked(MARK + unlink.a() + "\n" + unlink.b(), null), head.version()));
        for (RingItems.Head next : heads.subList(1, heads.size())) {
            partHomes.add(next.home());
            mark.add(new RingWrite.PutHead(headAt(next, next.home(), next.version(), home), next.version() - 1));
        }
        mark.add(new RingWrite.PutUnlink(unlink.splitting(home, partHomes)));
        return new Plan(List.copyOf(mark), List.copyOf(heads), home);
    }

    /**
     * The next step of the split under way at the marked {@code head}'s ring: up to a transaction's
     * worth of item writes that bring the stored items closer to the parts computed from scratch,
     * or, when they are there, the heads unmarked and the aliases (the last step).
     */
    RingMerge.Step next(RingItems.Head head, RingReads reads) {
        String[] pair = head.absorbing().substring(MARK.length()).split("\n", 2);
        RingItems.Unlink unlink = reads.unlink(pair[0], pair[1]).filter(u -> head.home().equals(u.home()))
                .orElseThrow(() -> new IllegalStateException("a ring is marked for a split without its record: " + head.home()));
        String home = head.home();
        List<String> homes = new ArrayList<>();
        homes.add(home);
        homes.addAll(unlink.parts());
        Map<String, RingItems.Report> byId = new TreeMap<>();
        TreeSet<String> keys = new TreeSet<>();
        for (String h : homes) {
            reads.reports(h).forEach(r -> {
                byId.putIfAbsent(r.reportId(), r);
                keys.addAll(r.indicatorKeys());
            });
        }
        Map<String, RingItems.Member> stored = reads.members(keys);
        Scratch scratch = scratch(new ArrayList<>(byId.values()), stored, Set.copyOf(homes), unlink, reads);

        // the items as the parts want them, and as they are
        Map<String, RingWrite> want = new LinkedHashMap<>();
        Map<String, RingItems.Head> finals = new LinkedHashMap<>();
        for (RingItems.Head part : scratch.parts()) {
            boolean founders = part.founderReportId().equals(head.founderReportId());
            String to = founders ? home : homeOf(part.founderReportId());
            if (!homes.contains(to)) {
                throw new IllegalStateException("a split's parts changed under it: " + home);
            }
            String from = part.home();
            scratch.store().memberKeys(from).forEach(k -> want.put(to + "/M#" + k, new RingWrite.PutListing(to, k)));
            scratch.store().reports(from).forEach(r -> want.put(to + "/REPORT#" + r.reportId(),
                    new RingWrite.PutReport(to, scratch.original(r))));
            scratch.store().reporters(from).forEach(r -> want.put(to + "/REPORTER#" + r.fingerprint(),
                    new RingWrite.PutReporter(to, r)));
            scratch.store().networks(from).forEach(n -> want.put(to + "/NET#" + n.network(), new RingWrite.PutNetwork(to, n)));
            for (String k : scratch.store().memberKeys(from)) {
                RingItems.Member m = scratch.member(k, to, stored.get(k));
                if (!m.equals(stored.get(k))) {
                    want.put("IND#" + k, new RingWrite.PutMember(m, stored.get(k).home()));
                }
            }
            finals.put(to, part);
        }
        List<RingWrite> writes = new ArrayList<>();
        List<RingWrite> deletes = new ArrayList<>();
        for (String h : homes) {
            for (String k : reads.memberKeys(h)) {
                if (want.remove(h + "/M#" + k) == null) {
                    deletes.add(new RingWrite.DeleteListing(h, k));
                }
            }
            for (RingItems.Report r : reads.reports(h)) {
                if (want.remove(h + "/REPORT#" + r.reportId()) == null) {
                    deletes.add(new RingWrite.DeleteReport(h, r.reportId()));
                }
            }
            for (RingItems.Reporter r : reads.reporters(h)) {
                RingWrite w = want.get(h + "/REPORTER#" + r.fingerprint());
                if (w == null) {
                    deletes.add(new RingWrite.DeleteReporter(h, r.fingerprint()));
                } else if (((RingWrite.PutReporter) w).reporter().equals(r)) {
                    want.remove(h + "/REPORTER#" + r.fingerprint());
                }
            }
            for (RingItems.Network n : reads.networks(h)) {
                RingWrite w = want.get(h + "/NET#" + n.network());
                if (w == null) {
                    deletes.add(new RingWrite.PutNetwork(h, new RingItems.Network(n.network(), 0)));
                } else if (((RingWrite.PutNetwork) w).network().reporters() == n.reporters()) {
                    want.remove(h + "/NET#" + n.network());
                }
            }
        }
        writes.addAll(want.values());
        writes.addAll(deletes);
        if (!writes.isEmpty()) {
            List<RingWrite> step = new ArrayList<>(writes.subList(0, Math.min(writes.size(), maxItems - 1)));
            step.add(new RingWrite.CheckHead(home, head.version()));
            return new RingMerge.Step(List.copyOf(step), List.of(), null, false);
        }
        List<RingWrite> last = new ArrayList<>();
        RingItems.Head ring = null;
        for (Map.Entry<String, RingItems.Head> e : finals.entrySet()) {
            RingItems.Head current = e.getKey().equals(home) ? head : reads.head(e.getKey()).orElseThrow();
            RingItems.Head next = headAt(e.getValue(), e.getKey(), current.version() + 1, null);
            last.add(new RingWrite.PutHead(next, current.version()));
            if (e.getKey().equals(home)) {
                ring = next;
            } else {
                last.add(new RingWrite.PutAlias(new RingItems.Alias(next.ringId(), e.getKey(), null)));
            }
        }
        return new RingMerge.Step(List.copyOf(last), List.of(), ring, true);
    }

    /** A part's head at its home and version; {@code movingTo}: marked as receiving a split's items. */
    private static RingItems.Head headAt(RingItems.Head part, String home, long version, String movingTo) {
        return new RingItems.Head(home, part.ringId(), version, null, part.founderAt(),
                part.founderReportId(), part.reports(), part.members(), part.distinctReporters(),
                part.effectiveReporters(), part.firstReport(), part.lastReport(), part.lossUsd(), part.countries(),
                part.brands(), part.paymentMethods(), part.contactMethods(), part.reportsByMonth(),
                part.memberTypes(), part.sources(), null, movingTo, part.networks(), part.brandNetworks());
    }

    /** The ring's reports folded from scratch with the withdrawn pairs among them; the parts, oldest first. */
    private record Scratch(InMemoryRingStore store, List<RingItems.Head> parts, Set<String> pairs,
                           Map<String, RingItems.Report> reports) {

        /** The report item as stored (the fold's copy leaves out indicators of other rings). */
        RingItems.Report original(RingItems.Report folded) {
            return reports.get(folded.reportId());
        }

        /** The member as its part has it, at {@code home}, without candidates through a withdrawn pair. */
        RingItems.Member member(String key, String home, RingItems.Member old) {
            RingItems.Member m = store.member(key).orElseThrow();
            return new RingItems.Member(key, m.type(), m.display(), home, m.reports(), m.firstSeen(), m.lastSeen(),
                    m.networks(), old.candidates().stream().filter(c -> {
                        RingItems.Link pair = RingItems.Link.empty(key, c);
                        return !pairs.contains(pair.a() + "|" + pair.b());
                    }).toList());
        }
    }

    /**
     * @param homes where the ring's items are: an indicator of its reports whose member is elsewhere
     *              (the other side of a link withdrawn earlier) is not folded in
     */
    private Scratch scratch(List<RingItems.Report> reports, Map<String, RingItems.Member> stored, Set<String> homes,
                            RingItems.Unlink unlink, RingReads reads) {
        reports = new ArrayList<>(reports);
        reports.sort(Comparator.comparing(RingItems.Report::receivedAt).thenComparing(RingItems.Report::reportId));
        InMemoryRingStore scratch = new InMemoryRingStore();
        List<RingWrite> unlinks = new ArrayList<>();
        Set<String> pairs = new TreeSet<>();
        for (RingItems.Report r : reports) {
            List<String> keys = r.indicatorKeys();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    RingItems.Unlink u = RingItems.Unlink.of(keys.get(i), keys.get(j), null, unlink.at());
                    if ((u.a().equals(unlink.a()) && u.b().equals(unlink.b())) || reads.unlinked(u.a(), u.b())) {
                        if (pairs.add(u.a() + "|" + u.b())) {
                            unlinks.add(new RingWrite.PutUnlink(u));
                        }
                    }
                }
            }
        }
        scratch.apply(unlinks);
        RingPlanner every = new RingPlanner(networkCap, Integer.MAX_VALUE, 1);
        for (RingItems.Report r : reports) {
            scratch.ingest(every, new RingReport(r.reportId(), r.receivedAt(), r.reporterFingerprint(),
                    r.networkFingerprint(), r.country(), new TreeSet<>(r.brands()), r.lossUsd(),
                    new TreeSet<>(r.paymentMethods()), r.contactMethod(), r.indicatorKeys().stream()
                    .filter(k -> stored.containsKey(k) && homes.contains(stored.get(k).home())).map(k -> {
                        RingItems.Member m = stored.get(k);
                        return new RingReport.Member(k, m.type(), m.display());
                    }).toList(), r.source()));
        }
        List<RingItems.Head> parts = new ArrayList<>(scratch.liveRings());
        parts.sort(RingPlanner.BY_FOUNDING);
        Map<String, RingItems.Report> byId = new TreeMap<>();
        reports.forEach(r -> byId.put(r.reportId(), r));
        return new Scratch(scratch, List.copyOf(parts), pairs, byId);
    }
}
