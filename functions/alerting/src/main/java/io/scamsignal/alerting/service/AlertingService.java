package io.scamsignal.alerting.service;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.alert.AlertTrigger;
import io.scamsignal.domain.alert.Confidence;
import io.scamsignal.domain.alert.RetractionMessage;
import io.scamsignal.domain.alert.StixBundle;
import io.scamsignal.domain.stix.StixExporter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An indicator's aggregate changed: publish each alert its rules now call for, exactly once in effect. */
public final class AlertingService {

    public record Outcome(List<String> published, List<String> alreadySent, List<String> heldElsewhere) {
    }

    private final AlertRules rules;
    private final AlertClaims claims;
    private final AlertPublisher publisher;
    private final ReportIdLookup reportIds;
    private final Clock clock;
    private final StixExporter stix;

    public AlertingService(AlertRules rules, AlertClaims claims, AlertPublisher publisher, ReportIdLookup reportIds,
                           Clock clock) {
        this(rules, claims, publisher, reportIds, clock, StixExporter.defaults());
    }

    /** @param stix the TLP marking and expiry rules of the STIX objects (template parameters) */
    public AlertingService(AlertRules rules, AlertClaims claims, AlertPublisher publisher, ReportIdLookup reportIds,
                           Clock clock, StixExporter stix) {
        this.stix = stix;
        this.rules = rules;
        this.claims = claims;
        this.publisher = publisher;
        this.reportIds = reportIds;
        this.clock = clock;
    }

    /** @param owner a name of the triggering event that is the same on every retry of it */
    public Outcome onAggregateChanged(IndicatorAggregate aggregate, String owner) {
        // an operator's benign entry or a list: whatever was sent about it is withdrawn
        Optional<String> benign = rules.benignReason(aggregate);
        if (aggregate.isFalsePositive() || benign.isPresent()) {
            Outcome retracted = retractAll(aggregate, owner, aggregate.isFalsePositive() ? aggregate.falsePositiveReason()
                    : "benign: " + benign.get());
            // a legitimate number that enough people on enough networks named: a real line being spoofed,
            // shown to telecoms in the number feed as benign, never alerted
            if (!aggregate.isFalsePositive() && aggregate.indicator().type().inNumberFeed()
                    && rules.meetsReporterThresholds(aggregate)) {
                claims.showBenign(aggregate, clock.instant());
            }
            return retracted;
        }
        // independent evidence only (network-capped reporters, networks, countries, days, lookalike)
        int confidence = Confidence.of(aggregate, rules.config().reportersPerNetwork());
        List<String> published = new ArrayList<>();
        List<String> alreadySent = new ArrayList<>();
        List<String> heldElsewhere = new ArrayList<>();
        for (AlertTrigger trigger : rules.evaluate(aggregate)) {
            Instant now = clock.instant();
            String alertId = AlertMessage.alertId(aggregate.indicator(), trigger);
            switch (claims.claim(alertId, aggregate.indicator().key(), state -> AlertMessage.create(trigger, aggregate,
                    reportIds.reportIds(aggregate.indicator(), AlertMessage.MAX_REPORT_IDS), now, confidence, state, stix),
                    owner + "|" + trigger.rule().id(), now)) {
                case AlertClaims.Result.Claimed claimed -> {
                    String messageId = publisher.publish(claimed.message());
                    claims.markSent(claimed.message().alertId(), messageId, clock.instant());
                    published.add(claimed.message().alertId());
                }
                case AlertClaims.Result.AlreadySent sent -> alreadySent.add(alertId);
                case AlertClaims.Result.HeldElsewhere held -> heldElsewhere.add(alertId);
            }
        }
        return new Outcome(published, alreadySent, heldElsewhere);
    }

    /** Withdraws every alert sent about an indicator that turned out not to be a scammer's. */
    private Outcome retractAll(IndicatorAggregate aggregate, String owner, String reason) {
        List<String> retracted = new ArrayList<>();
        List<String> alreadyRetracted = new ArrayList<>();
        List<String> heldElsewhere = new ArrayList<>();
        List<String> sent = claims.sentAlerts(aggregate.indicator().key());
        if (!sent.isEmpty()) {
            // the feed's indicator gets its final, revoked version before any retraction goes out
            claims.revokeStix(aggregate.indicator().key(), state -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> objects = (List<Map<String, Object>>) StixBundle.of(stix, state, aggregate,
                        "false_positive", null).get("objects");
                return objects;
            }, clock.instant());
        }
        for (String alertId : sent) {
            switch (claims.claimRetraction(alertId, owner + "|retraction", clock.instant())) {
                case AlertClaims.Result.Claimed claimed -> {
                    publisher.publishRetraction(RetractionMessage.of(claimed.message(), reason, clock.instant()),
                            claimed.message());
                    claims.markRetracted(alertId, clock.instant());
                    retracted.add(alertId);
                }
                case AlertClaims.Result.AlreadySent done -> alreadyRetracted.add(alertId);
                case AlertClaims.Result.HeldElsewhere held -> heldElsewhere.add(alertId);
            }
        }
        return new Outcome(retracted, alreadyRetracted, heldElsewhere);
    }
}
