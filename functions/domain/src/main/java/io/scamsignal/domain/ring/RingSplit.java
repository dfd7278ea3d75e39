package io.scamsignal.domain.ring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An operator withdraws the link of two indicators of one ring: the pair is stored (an
 * {@link RingItems.Unlink}, which the planner never links again) and the ring is split into what
 * stays connected. The parts are computed exactly by folding the ring's report items again, in
 * receivedAt order, into an empty store that knows the withdrawn pairs (every link merging): the
 * part holding the founder's report keeps the ring's home, id and alias (its head at the next
 * version); every other part gets a home of its own ({@code RingIds.of("split|" + its earliest
 * report)}), its head, alias (id {@code RingIds.of(its earliest report)}) and items there, and its
 * members re-homed. A report whose indicators the withdrawal disconnects stays with the part of
 * the oldest ring among them, as a later report naming the pair would. Members stop listing a
 * withdrawn pair as a candidate link. One transaction, held to
 * the ring head's version: a ring whose split needs more item writes than one transaction takes is
 * refused ({@link TooLargeException}).
 */
public final class RingSplit {

    private final RingPlanner planner;

    public RingSplit(RingPlanner planner) {
        this.planner = planner;
    }

    /** The pair is not a link of this ring: nothing to withdraw. */
    public static final class NotALinkException extends IllegalArgumentException {
        NotALinkException(String message) {
            super(message);
        }
    }

    /** The split needs more item writes than one transaction takes. */
    public static final class TooLargeException extends IllegalStateException {
        TooLargeException(int items, int max) {
            super("splitting this ring needs " + items + " item writes, more than one transaction takes (" + max + ")");
        }
    }

    /** The writes of the split (one transaction) and the heads of the parts, the founder's first. */
    public record Plan(List<RingWrite> writes, List<RingItems.Head> parts) {
    }

    public Plan plan(String ringId, String a, String b, String reason, Instant at, RingReads reads) {
        RingItems.Alias alias = reads.alias(ringId).filter(x -> x.mergedInto() == null)
                .orElseThrow(() -> new NotALinkException("no live ring " + ringId));
        RingItems.Head head = reads.head(alias.home()).filter(RingItems.Head::live)
                .orElseThrow(() -> new NotALinkException("no live ring " + ringId));
        if (head.merging()) {
            throw new IllegalStateException("ring " + ringId + " is in the middle of a merge; try again");
        }
        String home = head.home();
        List<RingItems.Report> reports = new ArrayList<>(reads.reports(home));
        reports.sort(Comparator.comparing(RingItems.Report::receivedAt).thenComparing(RingItems.Report::reportId));
        if (reports.stream().noneMatch(r -> r.indicatorKeys().contains(a) && r.indicatorKeys().contains(b))) {
            throw new NotALinkException("no report of ring " + ringId + " names both " + a + " and " + b);
        }
        Map<String, RingItems.Member> stored = reads.members(reads.memberKeys(home));
        RingItems.Unlink unlink = RingItems.Unlink.of(a, b, reason, at);

        // the parts, from scratch: the ring's reports folded again without the withdrawn pairs
        InMemoryRingStore scratch = new InMemoryRingStore();
        List<RingWrite> unlinks = new ArrayList<>();
        Set<String> pairs = new TreeSet<>();
        for (RingItems.Report r : reports) {
            List<String> keys = r.indicatorKeys();
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    RingItems.Unlink u = RingItems.Unlink.of(keys.get(i), keys.get(j), null, at);
                    if ((u.a().equals(unlink.a()) && u.b().equals(unlink.b())) || reads.unlinked(u.a(), u.b())) {
                        if (pairs.add(u.a() + "|" + u.b())) {
                            unlinks.add(new RingWrite.PutUnlink(u));
                        }
                    }
                }
            }
        }
        scratch.apply(unlinks);
        RingPlanner every = new RingPlanner(planner.networkCap(), Integer.MAX_VALUE, 1);
        for (RingItems.Report r : reports) {
            scratch.ingest(every, new RingReport(r.reportId(), r.receivedAt(), r.reporterFingerprint(),
                    r.networkFingerprint(), r.country(), new TreeSet<>(r.brands()), r.lossUsd(),
                    new TreeSet<>(r.paymentMethods()), r.contactMethod(), r.indicatorKeys().stream().map(k -> {
                        RingItems.Member m = stored.get(k);
                        return new RingReport.Member(k, m.type(), m.display());
                    }).toList(), r.source()));
        }
        List<RingItems.Head> parts = new ArrayList<>(scratch.liveRings());
        parts.sort(RingPlanner.BY_FOUNDING);

        Map<String, RingWrite> writes = new LinkedHashMap<>();
        List<RingItems.Head> heads = new ArrayList<>();
        // what stays at the old home unless a part writes it again
        reads.memberKeys(home).forEach(k -> writes.put(home + "/M#" + k, new RingWrite.DeleteListing(home, k)));
        reports.forEach(r -> writes.put(home + "/REPORT#" + r.reportId(), new RingWrite.DeleteReport(home, r.reportId())));
        reads.reporters(home).forEach(r -> writes.put(home + "/REPORTER#" + r.fingerprint(),
                new RingWrite.DeleteReporter(home, r.fingerprint())));
        reads.networks(home).forEach(n -> writes.put(home + "/NET#" + n.network(),
                new RingWrite.PutNetwork(home, new RingItems.Network(n.network(), 0))));
        for (RingItems.Head part : parts) {
            boolean founders = part.founderReportId().equals(head.founderReportId());
            String to = founders ? home : RingIds.of("split|" + part.founderReportId());
            RingItems.Head before = founders ? head : reads.head(to).orElse(null);
            long version = before == null ? 0 : before.version();
            String from = part.home();
            for (String k : scratch.memberKeys(from)) {
                if (founders) {
                    writes.remove(home + "/M#" + k);
                } else {
                    writes.put(to + "/M#" + k, new RingWrite.PutListing(to, k));
                }
                RingItems.Member m = scratch.member(k).orElseThrow();
                RingItems.Member old = stored.get(k);
                writes.put("IND#" + k, new RingWrite.PutMember(new RingItems.Member(k, m.type(), m.display(), to,
                        m.reports(), m.firstSeen(), m.lastSeen(), m.networks(), old.candidates().stream()
                        .filter(c -> !pairs.contains(RingItems.Unlink.of(k, c, null, at).a() + "|"
                                + RingItems.Unlink.of(k, c, null, at).b())).toList()), home));
            }
            for (RingItems.Report r : scratch.reports(from)) {
                if (founders) {
                    writes.remove(home + "/REPORT#" + r.reportId());
                } else {
                    writes.put(to + "/REPORT#" + r.reportId(), new RingWrite.PutReport(to, r));
                }
            }
            for (RingItems.Reporter r : scratch.reporters(from)) {
                RingItems.Reporter old = founders ? reads.reporter(home, r.fingerprint()).orElse(null) : null;
                if (r.equals(old)) {
                    writes.remove(home + "/REPORTER#" + r.fingerprint());
                } else {
                    writes.put(to + "/REPORTER#" + r.fingerprint(), new RingWrite.PutReporter(to, r));
                }
            }
            for (RingItems.Network n : scratch.networks(from)) {
                long old = founders ? reads.networkReporters(home, n.network()) : 0;
                if (old == n.reporters()) {
                    writes.remove(home + "/NET#" + n.network());
                } else {
                    writes.put(to + "/NET#" + n.network(), new RingWrite.PutNetwork(to, n));
                }
            }
            RingItems.Head next = new RingItems.Head(to, part.ringId(), version + 1, null, part.founderAt(),
                    part.founderReportId(), part.reports(), part.members(), part.distinctReporters(),
                    part.effectiveReporters(), part.firstReport(), part.lastReport(), part.lossUsd(), part.countries(),
                    part.brands(), part.paymentMethods(), part.contactMethods(), part.reportsByMonth(),
                    part.memberTypes(), part.sources(), null, null, part.networks(), part.brandNetworks());
            writes.put(to + "/HEAD", new RingWrite.PutHead(next, version));
            if (!founders) {
                writes.put("RINGID#" + part.ringId(), new RingWrite.PutAlias(new RingItems.Alias(part.ringId(), to, null)));
            }
            heads.add(next);
        }
        writes.put("UNLINK#" + unlink.a() + "|" + unlink.b(), new RingWrite.PutUnlink(unlink));
        unlinks.stream().map(w -> ((RingWrite.PutUnlink) w).unlink())
                .filter(u -> !(u.a().equals(unlink.a()) && u.b().equals(unlink.b())))
                .forEach(u -> writes.remove("UNLINK#" + u.a() + "|" + u.b()));
        if (writes.size() > planner.maxItems()) {
            throw new TooLargeException(writes.size(), planner.maxItems());
        }
        return new Plan(List.copyOf(writes.values()), List.copyOf(heads));
    }
}
