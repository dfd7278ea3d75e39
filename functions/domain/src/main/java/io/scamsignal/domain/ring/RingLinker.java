package io.scamsignal.domain.ring;

import java.util.ArrayList;
import java.util.List;

/**
 * Links one report into the rings on a store: plans on fresh reads, applies the plan as one
 * transaction, plans again when another writer got there first, and runs a merge too big for one
 * transaction to its end ({@link RingMerge}) — its own, or one it met that another report started
 * and did not finish (a timed-out invocation, say), or an operator's split in steps. The same code
 * drives DynamoDB (enrichment, make ring-unlink) and the in-memory store (tests).
 */
public final class RingLinker {

    /** A store's all-or-nothing, conditional application of item writes. */
    public interface Transactions {

        /** Applies every write or none; false when a condition failed (read and plan again). */
        boolean apply(List<RingWrite> writes);

        /** Before another attempt after {@code conflicts} failed conditions in a row. */
        default void pause(int conflicts) {
        }
    }

    /** The rings stayed contended: the record fails and its batch is retried. */
    public static final class ContendedException extends IllegalStateException {
        ContendedException(String what, int attempts) {
            super(what + " stayed contended after " + attempts + " attempts");
        }
    }

    /** Steps a merge may take before giving up: far above any real ring (a step moves ~33 reports). */
    private static final int MAX_STEPS = 100_000;

    private final RingPlanner planner;
    private final RingMerge merge;
    private final int maxConflicts;

    public RingLinker(RingPlanner planner, int maxConflicts) {
        this.planner = planner;
        this.merge = new RingMerge(planner);
        this.maxConflicts = maxConflicts;
    }

    /**
     * The plan that linked the report (empty when it was already linked), with any merge's events
     * first. A report with more indicators than one transaction can found a ring with goes in chunks
     * ({@link RingReport#chunks}, {@link RingPlanner#chunkSize}), each linked as a report of its own;
     * the result is then the last chunk's plan (empty when none wrote) with every chunk's events.
     */
    public RingPlanner.Plan link(RingReport report, RingReads reads, Transactions store) {
        List<RingReport> chunks = report.chunks(planner.chunkSize());
        if (chunks.size() == 1) {
            return linkOne(report, reads, store);
        }
        List<RingEvent> events = new ArrayList<>();
        RingPlanner.Plan last = RingPlanner.Plan.NOTHING;
        for (RingReport chunk : chunks) {
            RingPlanner.Plan plan = linkOne(chunk, reads, store);
            events.addAll(plan.events());
            if (!plan.isEmpty()) {
                last = plan;
            }
        }
        return new RingPlanner.Plan(last.writes(), List.copyOf(events), last.ring());
    }

    private RingPlanner.Plan linkOne(RingReport report, RingReads reads, Transactions store) {
        List<RingEvent> events = new ArrayList<>();
        int conflicts = 0;
        for (int round = 0; round < MAX_STEPS; round++) {
            RingPlanner.Plan plan = planner.plan(report, reads);
            if (plan.isEmpty() && plan.merging() == null) {
                return plan.withEventsBefore(events);
            }
            if (!plan.isEmpty() && !store.apply(plan.writes())) {
                conflicts = conflict(store, conflicts, "rings of report " + report.reportId());
                continue;
            }
            if (plan.merging() == null) {
                return plan.withEventsBefore(events);
            }
            Finished finished = finish(plan.merging(), reads, store);
            events.addAll(finished.events());
            if (finished.steps() == 0 && plan.isEmpty()) {
                // the planner met a merge that finish found nothing to do for (another writer finished
                // it between the reads, or the marks disagree): count it, so that it cannot spin
                conflicts = conflict(store, conflicts, "the merge at " + plan.merging());
            } else {
                conflicts = 0;
            }
        }
        throw new ContendedException("rings of report " + report.reportId(), MAX_STEPS);
    }

    /**
     * An operator's split ({@link RingSplit}): withdraws the link of {@code a} and {@code b} in the
     * live ring {@code ringId} and splits it, in one transaction or in steps; a split or merge in
     * steps found under way there is finished first. Re-running it after a crash finishes the split.
     *
     * @return the parts' heads as stored afterwards, the founder's first
     */
    public List<RingItems.Head> unlink(String ringId, String a, String b, String reason, java.time.Instant at,
                                       RingReads reads, Transactions store) {
        RingSplit split = new RingSplit(planner);
        int conflicts = 0;
        for (int round = 0; round < MAX_STEPS; round++) {
            RingSplit.Plan plan = split.plan(ringId, a, b, reason, at, reads);
            if (!plan.writes().isEmpty() && !store.apply(plan.writes())) {
                conflicts = conflict(store, conflicts, "the split of ring " + ringId);
                continue;
            }
            if (plan.continueAt() == null) {
                return plan.parts();
            }
            finish(plan.continueAt(), reads, store);
            if (!plan.writes().isEmpty()) {
                return plan.parts().stream().map(p -> reads.head(p.home()).orElseThrow()).toList();
            }
        }
        throw new ContendedException("the split of ring " + ringId, MAX_STEPS);
    }

    /** What finishing a merge did: the steps this invocation applied, and the merge's events. */
    public record Finished(int steps, List<RingEvent> events) {
    }

    /** Runs the merge under way at {@code home} to its end. */
    public Finished finish(String home, RingReads reads, Transactions store) {
        int conflicts = 0;
        int applied = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            RingMerge.Step next = merge.next(home, reads);
            if (next.writes().isEmpty()) {
                return new Finished(applied, List.of());
            }
            if (!store.apply(next.writes())) {
                conflicts = conflict(store, conflicts, "the merge at " + home);
                continue;
            }
            conflicts = 0;
            applied++;
            if (next.last()) {
                return new Finished(applied, next.events());
            }
        }
        throw new ContendedException("the merge at " + home, MAX_STEPS);
    }

    private int conflict(Transactions store, int conflicts, String what) {
        int now = conflicts + 1;
        if (now >= maxConflicts) {
            throw new ContendedException(what, now);
        }
        store.pause(now);
        return now;
    }
}
