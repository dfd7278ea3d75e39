package io.scamsignal.domain.alert;

import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixCampaign;
import io.scamsignal.domain.stix.StixExporter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A ring alert as the rings collection's STIX objects: the ring's {@code campaign} at its next
 * version and {@code indicates} relationships from the indicators the alert names that already have a
 * STIX indicator (an indicator that never alerted has none, and gets its relationship with a later
 * ring alert once it has).
 */
public final class RingStix {

    private RingStix() {
    }

    public static StixCampaign campaign(RingAlertMessage message, Instant now) {
        RingAlertMessage.Ring r = message.ring();
        Instant first = r.firstReport() != null ? r.firstReport() : now;
        Instant last = r.lastReport() != null && !r.lastReport().isBefore(first) ? r.lastReport() : first;
        return new StixCampaign(r.ringId(), r.members(), r.reports(), r.distinctReporters(), first, last,
                new TreeSet<>(r.brands()), new TreeSet<>(r.countries()));
    }

    /** @param indicatorIds the STIX indicator ids of the alert's indicators that have one */
    public static List<Map<String, Object>> objects(StixExporter exporter, IndicatorState campaign,
                                                    RingAlertMessage message, Collection<String> indicatorIds,
                                                    Instant now) {
        return exporter.ringObjects(campaign, campaign(message, now), indicatorIds, now);
    }
}
