package io.scamsignal.alerting.config;

import io.scamsignal.alerting.adapter.DynamoDbAlertClaims;
import io.scamsignal.alerting.adapter.DynamoDbReportIdLookup;
import io.scamsignal.alerting.adapter.SnsAlertPublisher;
import io.scamsignal.alerting.service.AlertingService;
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
import io.scamsignal.domain.stix.StixExporter;
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

    public static AlertingService service(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        SnsClient sns = AwsClients.build(SnsClient.builder(), env);
        AlertRuleConfig ruleConfig = AlertRuleConfig.fromEnvironment(env::get);
        // the partner feed (FEED_TABLE) is optional: without it alerts still carry STIX, with ids from their keys
        String feedTable = env.get("FEED_TABLE");
        return new AlertingService(
                new AlertRules(ruleConfig, DynamoDbBenignOverrides.fromEnvironment(dynamoDb, env)),
                new DynamoDbAlertClaims(dynamoDb, env.require("ALERTS_TABLE"), env.require("ALERTS_BY_INDICATOR_INDEX"),
                        Duration.ofSeconds(Long.parseLong(env.getOrDefault("ALERT_CLAIM_LEASE_SECONDS", "60"))),
                        feedTable == null || feedTable.isEmpty() ? null : feedTable,
                        TaxiiResources.Collection.INDICATORS.id()),
                new SnsAlertPublisher(sns, env.require("ALERTS_TOPIC_ARN")),
                new DynamoDbReportIdLookup(dynamoDb, env.require("INDICATORS_TABLE")),
                Clock.systemUTC(),
                new StixExporter(Tlp.parse(env.getOrDefault("STIX_TLP", "green")),
                        ExpiryRules.parse(env.get("STIX_EXPIRY"))));
    }
}
