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
