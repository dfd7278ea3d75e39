package io.scamsignal.domain.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixExporter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.UUID;

/** The partner alert, body as contracts/alert-message.schema.json describes it (schemaVersion 1). */
@JsonPropertyOrder({"schemaVersion", "type", "alertId", "rule", "severity", "confidence", "createdAt", "indicator",
        "observed", "enrichment", "reportIds", "stix"})
public record AlertMessage(int schemaVersion, String type, String alertId, String rule, String severity,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer confidence,
                           Instant createdAt, IndicatorRef indicator, Observed observed,
                           Map<String, Object> enrichment, List<String> reportIds, Map<String, Object> stix) {

    public static final int MAX_REPORT_IDS = 10;

    public record IndicatorRef(String type, String value, String display) {
    }

    /**
     * @param sources reports per channel they came through: a partner organisation's name or
     *                {@code public} (IndicatorAggregate.PUBLIC_SOURCE); absent from alerts made before
     *                sources were kept
     */
    @JsonPropertyOrder({"reports", "distinctReporters", "firstSeen", "lastSeen", "brands", "countries", "lossUsd",
            "paymentMethods", "contactMethods", "sources"})
    public record Observed(long reports, long distinctReporters, Instant firstSeen, Instant lastSeen,
                           SortedSet<String> brands, SortedSet<String> countries, BigDecimal lossUsd,
                           Map<String, Long> paymentMethods, Map<String, Long> contactMethods,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, Long> sources) {

        public Observed {
            sources = sources == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(sources));
        }

        /** The source names, sorted; empty for an alert made before sources were kept. */
        public List<String> sourceNames() {
            return sources == null ? List.of() : List.copyOf(sources.keySet());
        }
    }

    /**
     * The id is a name-based UUID of indicator, rule, level and period, so the same alert is the same
     * id however often a stream record is delivered or a batch replayed.
     */
    public static String alertId(Indicator indicator, AlertTrigger trigger) {
        String name = "scamsignal:alert:v1|" + indicator.key() + "|" + trigger.rule().id() + "|" + trigger.level()
                + "|" + trigger.period();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static AlertMessage create(AlertTrigger trigger, IndicatorAggregate aggregate, List<String> reportIds,
                                      Instant now) {
        return create(trigger, aggregate, reportIds, now, null, null, StixExporter.defaults());
    }

    /**
     * @param confidence the alert's confidence score 0–100 for the STIX objects, null if not scored
     * @param stixState  the indicator's stored STIX state at this alert's version (the aggregate's
     *                   stixId etc.), null for the fallback derived from its key
     */
    public static AlertMessage create(AlertTrigger trigger, IndicatorAggregate aggregate, List<String> reportIds,
                                      Instant now, Integer confidence, IndicatorState stixState, StixExporter stix) {
        Indicator i = aggregate.indicator();
        String alertId = alertId(i, trigger);
        Instant created = now.truncatedTo(ChronoUnit.SECONDS);
        return new AlertMessage(1, "alert", alertId, trigger.rule().id(), trigger.severity().wireName(), confidence,
                created,
                new IndicatorRef(i.type().wireName(), i.value(), i.display()),
                new Observed(aggregate.reports(), aggregate.distinctReporters(), aggregate.firstSeen(),
                        aggregate.lastSeen(), aggregate.brands(), aggregate.countries(),
                        aggregate.lossUsd().setScale(2, RoundingMode.HALF_EVEN),
                        aggregate.paymentMethods(), aggregate.contactMethods(), aggregate.sources()),
                i.enrichment(),
                reportIds.stream().sorted().limit(MAX_REPORT_IDS).toList(),
                StixBundle.of(stix, stixState != null ? stixState : StixBundle.fallbackState(aggregate, now), aggregate,
                        trigger.rule().id(), confidence));
    }

    /** The SNS message attributes partners filter on. */
    public FilterAttributes filterAttributes() {
        return new FilterAttributes(type, rule, severity, indicator.type(), List.copyOf(observed.brands()),
                List.copyOf(observed.countries()), observed.distinctReporters(), observed.lossUsd(), confidence,
                observed.sourceNames());
    }

    /**
     * @param confidence null for an alert made before confidence was scored (no attribute then)
     * @param sources    the channels whose reports contributed (partner organisations, {@code public})
     */
    public record FilterAttributes(String type, String rule, String severity, String indicatorType,
                                   List<String> brands, List<String> countries, long distinctReporters,
                                   BigDecimal lossUsd, Integer confidence, List<String> sources) {
    }
}
