package io.scamsignal.domain.ring;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A ring's id is a name-based UUID of the report that founded it: the earliest report (by
 * receivedAt, then report id) of the ring. So the id does not depend on the order reports arrive
 * in, and the ring founded earlier is the one that keeps its id when two rings merge.
 */
public final class RingIds {

    private RingIds() {
    }

    public static String of(String foundingReportId) {
        return UUID.nameUUIDFromBytes(("scamsignal:ring:v1|" + foundingReportId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
