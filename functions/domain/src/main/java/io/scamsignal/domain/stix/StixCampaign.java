package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a STIX {@code campaign} says about one ScamSignal ring (the rings collection): aggregate
 * figures of the ring as its latest ring alert saw them, nothing about any reporter.
 *
 * <p>Ids: a ring id is a name-based UUID (version 3, {@code RingIds}), and STIX 2.1 wants UUIDv4 in
 * domain objects, so the campaign id is the UUIDv4-shaped {@link StixIds#v4From} of the ring id:
 * stable across deployments and alerts, and the same for everybody who knows the ring id.
 */
public record StixCampaign(String ringId, long members, long reports, long distinctReporters, Instant firstSeen,
                           Instant lastSeen, SortedSet<String> brands, SortedSet<String> countries) {

    public StixCampaign {
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen before firstSeen");
        }
        brands = Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        countries = Collections.unmodifiableSortedSet(new TreeSet<>(countries));
    }

    /** The campaign id of a ring id. */
    public static String idOf(String ringId) {
        return "campaign--" + StixIds.v4From("scamsignal:stix:campaign|" + ringId);
    }

    /**
     * The id of a ring's campaign once its first one was revoked and the ring alerted again (a revoked
     * object has no further versions): derived from the revoked version, so a retry derives the same.
     */
    public static String reopenedIdOf(String ringId, Instant revokedAt) {
        return "campaign--" + StixIds.v4From("scamsignal:stix:campaign|" + ringId + "|after|" + StixTime.format(revokedAt));
    }

    /** The relationship "indicator indicates campaign": one per pair, its id from the pair. */
    public static String relationshipId(String indicatorId, String campaignId) {
        return "relationship--" + StixIds.v4From("scamsignal:stix:indicates|" + indicatorId + "|" + campaignId);
    }

    /** The display name, the same in every version. */
    public static String name(String ringId) {
        return "ScamSignal ring " + ringId;
    }

    List<String> labels() {
        return brands.stream().map(b -> "impersonates:" + b).toList();
    }
}
