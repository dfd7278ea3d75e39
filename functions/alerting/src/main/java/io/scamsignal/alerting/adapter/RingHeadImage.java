package io.scamsignal.alerting.adapter;

import io.scamsignal.aws.StreamEvent;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.storage.RingsTableKeys;

/** A ring head item's stream images (as enrichment writes it: the head's JSON in {@code state}). */
public final class RingHeadImage {

    private RingHeadImage() {
    }

    /** A head with its state (moto also streams key-only images of items a transaction creates). */
    public static boolean isHead(StreamEvent.Record record) {
        return RingsTableKeys.isHead(record.attribute(RingsTableKeys.SORT_KEY))
                && record.attribute(RingsTableKeys.STATE) != null;
    }

    public static RingItems.Head newHead(StreamEvent.Record record) {
        return RingsTableKeys.head(record.attribute(RingsTableKeys.STATE));
    }

    /** The head before the change; null for a new ring. */
    public static RingItems.Head oldHead(StreamEvent.Record record) {
        String state = record.oldAttribute(RingsTableKeys.STATE);
        return state == null ? null : RingsTableKeys.head(state);
    }
}
