package io.scamsignal.domain.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * STIX timestamps as OASIS's validator wants them: {@code created} and {@code modified} MUST carry
 * exactly millisecond precision, and a fixed width keeps them sortable as strings (the feed table's
 * sort key relies on that).
 */
public final class StixTime {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StixTime() {
    }

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    /** The instant as STIX will show it; versions compare at this precision. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant parse(String timestamp) {
        return Instant.parse(timestamp);
    }
}
