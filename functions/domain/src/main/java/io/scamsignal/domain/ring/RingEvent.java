package io.scamsignal.domain.ring;

/** What a plan did to the rings, for alerting. */
public sealed interface RingEvent {

    record Founded(String ringId) implements RingEvent {
    }

    /** The report joined (and possibly merged) rings into {@code ringId}. */
    record Grew(String ringId) implements RingEvent {
    }

    /** {@code mergedRingId} was merged into {@code ringId}, the ring founded earlier: publish ring_merged. */
    record Merged(String ringId, String mergedRingId) implements RingEvent {
    }

    /**
     * A report earlier than the ring's founder arrived late: the ring's id is now the earlier
     * report's (the old id answers with the new one). No merge happened.
     */
    record Renamed(String ringId, String previousRingId) implements RingEvent {
    }
}
