package io.scamsignal.domain.ring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items a plan reads, from one consistent snapshot (in DynamoDB: strongly consistent GetItem
 * and Query). Lists are needed only for rings that a merge absorbs, and for referral packets.
 */
public interface RingReads {

    Optional<RingItems.Member> member(String indicatorKey);

    /** Many members at once (a referral reads a whole ring's); DynamoDB batches the reads. */
    default Map<String, RingItems.Member> members(Collection<String> indicatorKeys) {
        Map<String, RingItems.Member> out = new LinkedHashMap<>();
        for (String key : indicatorKeys) {
            member(key).ifPresent(m -> out.put(key, m));
        }
        return out;
    }

    Optional<RingItems.Head> head(String home);

    Optional<RingItems.Report> report(String home, String reportId);

    Optional<RingItems.Reporter> reporter(String home, String fingerprint);

    long networkReporters(String home, String network);

    Optional<RingItems.Alias> alias(String ringId);

    /** The candidate link of two indicators (either order). */
    Optional<RingItems.Link> link(String x, String y);

    /** Whether an operator withdrew the link of two indicators (either order): they never link again. */
    default boolean unlinked(String x, String y) {
        return unlink(x, y).isPresent();
    }

    /** The withdrawn link of two indicators (either order), if an operator withdrew it. */
    Optional<RingItems.Unlink> unlink(String x, String y);

    List<String> memberKeys(String home);

    List<RingItems.Report> reports(String home);

    List<RingItems.Reporter> reporters(String home);

    List<RingItems.Network> networks(String home);
}
