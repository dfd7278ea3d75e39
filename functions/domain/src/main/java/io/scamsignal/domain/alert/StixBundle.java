package io.scamsignal.domain.alert;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixExporter;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.StixIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The alert's indicator as a STIX 2.1 bundle, for partners whose tools ingest STIX: the indicator at
 * its current version, its observable, its sighting and the objects they refer to
 * (io.scamsignal.domain.stix). Every alert of one indicator carries the same indicator id.
 */
public final class StixBundle {

    private StixBundle() {
    }

    public static Map<String, Object> of(StixExporter exporter, IndicatorState state, IndicatorAggregate aggregate,
                                         String rule, Integer confidence) {
        Indicator i = aggregate.indicator();
        StixIndicator indicator = new StixIndicator(i.type().wireName(), i.value(), i.display(), aggregate.brands(),
                List.of(rule), confidence, aggregate.firstSeen(), aggregate.lastSeen(), aggregate.reports(),
                aggregate.distinctReporters(), new TreeSet<>(aggregate.sources().keySet()));
        return exporter.bundle(List.of(Map.entry(state, indicator)));
    }

    /**
     * The STIX state of an indicator whose aggregate stores none (it alerted before {@code stixId}
     * existed): the id derived from its key, created when it was first seen, this alert's version.
     */
    public static IndicatorState fallbackState(IndicatorAggregate aggregate, Instant now) {
        Instant created = aggregate.firstSeen().isAfter(now) ? now : aggregate.firstSeen();
        return new IndicatorState(StixIds.indicatorIdFor(aggregate.indicator().key()), created, now, false);
    }
}
