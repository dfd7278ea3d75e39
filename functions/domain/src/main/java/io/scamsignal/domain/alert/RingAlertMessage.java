package io.scamsignal.domain.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.scamsignal.domain.ring.RingItems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ring alert on the alerts topic ({@code type: ring}): the ring's aggregate and its most reported
 * indicators. Aggregates only: nothing about the people who reported.
 */
@JsonPropertyOrder({"schemaVersion", "type", "alertId", "rule", "severity", "createdAt", "ring", "indicators"})
public record RingAlertMessage(int schemaVersion, String type, String alertId, String rule, String severity,
                               Instant createdAt, Ring ring, List<AlertMessage.IndicatorRef> indicators) {

    public static final int MAX_INDICATORS = 20;

    @JsonPropertyOrder({"ringId", "mergedRingId", "members", "memberTypes", "reports", "distinctReporters",
            "firstReport", "lastReport", "brands", "countries", "lossUsd", "paymentMethods", "contactMethods", "sources"})
    public record Ring(String ringId, String mergedRingId, long members, Map<String, Long> memberTypes, long reports,
                       long distinctReporters, Instant firstReport, Instant lastReport, List<String> brands,
                       List<String> countries, BigDecimal lossUsd, Map<String, Long> paymentMethods,
                       Map<String, Long> contactMethods, Map<String, Long> sources) {
    }

    /** A name-based UUID of ring, rule and level (or the merged ring's id): the same alert, the same id. */
    public static String alertId(String ringId, RingAlertRules.RingTrigger trigger) {
        String name = "scamsignal:ring-alert:v1|" + ringId + "|" + trigger.rule() + "|"
                + (trigger.mergedRingId() != null ? trigger.mergedRingId() : trigger.level());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @param members the ring's member items; the most reported ones are named */
    public static RingAlertMessage create(RingAlertRules.RingTrigger trigger, RingItems.Head head,
                                          List<RingItems.Member> members, Instant now) {
        List<AlertMessage.IndicatorRef> top = members.stream()
                .sorted(Comparator.comparingLong(RingItems.Member::reports).reversed().thenComparing(RingItems.Member::key))
                .limit(MAX_INDICATORS)
                .map(m -> new AlertMessage.IndicatorRef(m.type(), m.key().substring(m.key().indexOf('#') + 1), m.display()))
                .toList();
        return new RingAlertMessage(1, "ring", alertId(head.ringId(), trigger), trigger.rule(),
                trigger.severity().wireName(), now.truncatedTo(ChronoUnit.SECONDS),
                new Ring(head.ringId(), trigger.mergedRingId(), head.members(), head.memberTypes(), head.reports(),
                        head.effectiveReporters(), head.firstReport(), head.lastReport(), List.copyOf(head.brands().keySet()),
                        List.copyOf(head.countries().keySet()), head.lossUsd().setScale(2, RoundingMode.HALF_EVEN),
                        head.paymentMethods(), head.contactMethods(), head.sources()),
                top);
    }

    /** The SNS message attributes partners filter on. */
    public FilterAttributes filterAttributes() {
        return new FilterAttributes(type, rule, severity, ring.brands(), ring.countries(), ring.distinctReporters(),
                ring.lossUsd(), ring.members(), ring.sources() == null ? List.of() : List.copyOf(ring.sources().keySet()));
    }

    public record FilterAttributes(String type, String rule, String severity, List<String> brands,
                                   List<String> countries, long distinctReporters, BigDecimal lossUsd, long members,
                                   List<String> sources) {
    }
}
