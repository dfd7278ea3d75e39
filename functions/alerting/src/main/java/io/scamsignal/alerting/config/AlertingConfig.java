package io.scamsignal.alerting.config;

import io.scamsignal.alerting.adapter.DynamoDbAlertClaims;
import io.scamsignal.alerting.adapter.DynamoDbReportIdLookup;
import io.scamsignal.alerting.adapter.DynamoDbRingReader;
import io.scamsignal.alerting.adapter.SnsAlertPublisher;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.alerting.service.RingAlertingService;
import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.DynamoDbBenignOverrides;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.stix.StixExporter;
import io.scamsignal.domain.stix.Tlp;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.alert.AlertTrigger;
import io.scamsignal.domain.alert.Confidence;
import io.scamsignal.domain.alert.RingAlertConfig;
import io.scamsignal.domain.alert.RingAlertRules;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Wires the alerting function from its environment, once per container. */
public final class AlertingConfig {

    private AlertingConfig() {
    }

    /** Rule evaluation, the alert message, its STIX bundle and JSON, for a sample aggregate; no I/O. */
    public static void prime() {
        Indicator phone = new Indicator(IndicatorType.PHONE, "+18885550142", "+1 888-555-0142",
                Map.of("numberType", "TOLL_FREE"));
        Instant now = Instant.now();
        IndicatorAggregate aggregate = IndicatorAggregate.builder(phone).reports(3).distinctReporters(3)
                .firstSeen(now).lastSeen(now).brands(Set.of("Microsoft")).countries(Set.of("US"))
                .lossUsd(BigDecimal.ONE).reports24h(3).reports7d(3).distinctReporters7d(3).build();
        AlertRuleConfig config = AlertRuleConfig.defaults();
        for (AlertTrigger trigger : new AlertRules(config).evaluate(aggregate)) {
            Json.write(AlertMessage.create(trigger, aggregate, List.of("priming"), now,
                    Confidence.of(aggregate, config.reportersPerNetwork()), null, StixExporter.defaults()));
        }
    }

    /** The indicator alerts and (null without RINGS_TABLE) the ring alerts, sharing their clients. */
    public record Services(AlertingService indicators, RingAlertingService rings) {
    }

    public static Services services(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        SnsClient sns = AwsClients.build(SnsClient.builder(), env);
        return new Services(service(env, dynamoDb, sns), ringService(env, dynamoDb, sns));
    }

    /** Ring alerts when RINGS_TABLE is set; RING_RULE_* as docs/rings.md says. */
    static RingAlertingService ringService(FunctionEnvironment env, DynamoDbClient dynamoDb, SnsClient sns) {
        String ringsTable = env.get("RINGS_TABLE");
        if (ringsTable == null || ringsTable.isBlank()) {
            return null;
        }
        // the same claims as the indicator alerts (one Alerts table, one lease); with the partner feed a
        // ring alert's claim appends the ring's campaign to the rings collection
        return new RingAlertingService(new RingAlertRules(RingAlertConfig.fromEnvironment(env::get)),
                claims(dynamoDb, env), new SnsAlertPublisher(sns, env.require("ALERTS_TOPIC_ARN")),
                new DynamoDbRingReader(dynamoDb, ringsTable), Clock.systemUTC(), stixExporter(env));
    }

    private static DynamoDbAlertClaims claims(DynamoDbClient dynamoDb, FunctionEnvironment env) {
        // the partner feed (FEED_TABLE) is optional: without it alerts still carry STIX, with ids from their keys
        String feedTable = env.get("FEED_TABLE");
        return new DynamoDbAlertClaims(dynamoDb, env.require("ALERTS_TABLE"), env.require("ALERTS_BY_INDICATOR_INDEX"),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("ALERT_CLAIM_LEASE_SECONDS", "60"))),
                feedTable == null || feedTable.isEmpty() ? null : feedTable,
                TaxiiResources.Collection.INDICATORS.id(), TaxiiResources.Collection.RINGS.id(),
                ExpiryRules.parse(env.get("STIX_EXPIRY")));
    }

    public static AlertingService service(FunctionEnvironment env) {
        return service(env, AwsClients.build(DynamoDbClient.builder(), env), AwsClients.build(SnsClient.builder(), env));
    }

    static AlertingService service(FunctionEnvironment env, DynamoDbClient dynamoDb, SnsClient sns) {
        return new AlertingService(
                new AlertRules(AlertRuleConfig.fromEnvironment(env::get),
                        DynamoDbBenignOverrides.fromEnvironment(dynamoDb, env)),
                claims(dynamoDb, env),
                new SnsAlertPublisher(sns, env.require("ALERTS_TOPIC_ARN")),
                new DynamoDbReportIdLookup(dynamoDb, env.require("INDICATORS_TABLE")),
                Clock.systemUTC(),
                stixExporter(env));
    }

    private static StixExporter stixExporter(FunctionEnvironment env) {
        return new StixExporter(Tlp.parse(env.getOrDefault("STIX_TLP", "green")), ExpiryRules.parse(env.get("STIX_EXPIRY")));
    }
}
