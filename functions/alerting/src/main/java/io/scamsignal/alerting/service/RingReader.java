package io.scamsignal.alerting.service;

import io.scamsignal.domain.ring.RingItems;
import java.util.List;
import java.util.Optional;

/** What ring alerts read of the rings table besides the stream image. */
public interface RingReader {

    /** A ring's head by its storage home (a merged head's {@code mergedInto}). */
    Optional<RingItems.Head> head(String home);

    /** The ring's member items, for the most reported indicators an alert names. */
    List<RingItems.Member> members(String home);
}
