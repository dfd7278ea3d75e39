package io.scamsignal.domain.ring;

/**
 * One item write of a plan, with the condition that makes the plan safe to apply as one
 * transaction (DynamoDB TransactWriteItems): a plan read a snapshot, so each write states what it
 * expects the item to be. The survivor's head write carries the version check that serialises all
 * writers of one ring; a write to a new item expects it absent.
 */
public sealed interface RingWrite {

    /** {@code expectedHome}: null when the member item must not exist yet. */
    record PutMember(RingItems.Member member, String expectedHome) implements RingWrite {
    }

    /** {@code PK=RING#<home>, SK=M#<key>}: the ring's member listing, which a merge reads to move members. */
    record PutListing(String home, String key) implements RingWrite {
    }

    record DeleteListing(String home, String key) implements RingWrite {
    }

    /** {@code expectedVersion}: 0 when the head must not exist yet. */
    record PutHead(RingItems.Head head, long expectedVersion) implements RingWrite {
    }

    /** Always conditioned on the report item being absent: a report joins a ring once. */
    record PutReport(String home, RingItems.Report report) implements RingWrite {
    }

    record DeleteReport(String home, String reportId) implements RingWrite {
    }

    record PutReporter(String home, RingItems.Reporter reporter) implements RingWrite {
    }

    record DeleteReporter(String home, String fingerprint) implements RingWrite {
    }

    /** A count of 0 deletes the item. */
    record PutNetwork(String home, RingItems.Network network) implements RingWrite {
    }

    record PutAlias(RingItems.Alias alias) implements RingWrite {
    }

    /** A candidate link; unconditional: every writer of it checks both rings' heads in the same transaction. */
    record PutLink(RingItems.Link link) implements RingWrite {
    }

    /** A withdrawn link; unconditional (writing it twice changes nothing). */
    record PutUnlink(RingItems.Unlink unlink) implements RingWrite {
    }

    /**
     * Writes nothing; holds the transaction to the ring head's version. Each step of a merge too big
     * for one transaction carries one (RingMerge), so a step computed before the merge finished can
     * never land after it.
     */
    record CheckHead(String home, long expectedVersion) implements RingWrite {
    }
}
