package io.scamsignal.alerting.config;

import io.scamsignal.alerting.adapter.DynamoDbAlertClaims;
import io.scamsignal.alerting.adapter.DynamoDbReportIdLookup;
import io.scamsignal.alerting.adapter.SnsAlertPublisher;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Wires the alerting function from its environment, once per container. */
public final class AlertingConfig {

    private AlertingConfig() {
    }

    /** Rule evaluation, the alert message, its STIX bundle and JSON, for a sample aggregate; no I/O. */
    public static void prime() {
        var phone = new io.scamsignal.domain.indicator.Indicator(io.scamsignal.domain.indicator.IndicatorType.PHONE,
                "+18885550142", "+1 888-555-0142", java.util.Map.of("numberType", "TOLL_FREE"));
        var aggregate = new io.scamsignal.domain.aggregate.IndicatorAggregate(phone, 3, 3, java.time.Instant.now(),
                java.time.Instant.now(), new java.util.TreeSet<>(java.util.Set.of("Microsoft")),
                new java.util.TreeSet<>(java.util.Set.of("US")), java.math.BigDecimal.ONE, java.util.Map.of(),
                java.util.Map.of(), 3, 3, 3, null, null);
        for (var trigger : new AlertRules(AlertRuleConfig.defaults()).evaluate(aggregate)) {
            io.scamsignal.domain.json.Json.write(io.scamsignal.domain.alert.AlertMessage.create(trigger, aggregate,
                    java.util.List.of("priming"), java.time.Instant.now()));
        }
    }

    public static AlertingService service(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        SnsClient sns = AwsClients.build(SnsClient.builder(), env);
        return new AlertingService(
                new AlertRules(AlertRuleConfig.fromEnvironment(env::get)),
                new DynamoDbAlertClaims(dynamoDb, env.require("ALERTS_TABLE"), env.require("ALERTS_BY_INDICATOR_INDEX"),
                        Duration.ofSeconds(Long.parseLong(env.getOrDefault("ALERT_CLAIM_LEASE_SECONDS", "60")))),
                new SnsAlertPublisher(sns, env.require("ALERTS_TOPIC_ARN")),
                new DynamoDbReportIdLookup(dynamoDb, env.require("INDICATORS_TABLE")),
                Clock.systemUTC());
    }
}
