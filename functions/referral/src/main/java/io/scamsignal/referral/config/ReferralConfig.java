package io.scamsignal.referral.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import io.scamsignal.referral.adapter.DynamoDbReportDocuments;
import io.scamsignal.referral.service.ReferralService;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the referral function from its environment, once per container. */
public final class ReferralConfig {

    private ReferralConfig() {
    }

    public static ReferralService service(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        // reads only: the planner is never asked to plan here
        DynamoDbRingStore rings = new DynamoDbRingStore(dynamoDb, env.require("RINGS_TABLE"), new RingPlanner(1));
        return new ReferralService(rings, new DynamoDbReportDocuments(dynamoDb, env.require("REPORTS_TABLE"),
                env.require("REPORTER_DATA_TABLE"), env.require("ALERTS_TABLE"), env.require("FEED_TABLE")),
                Clock.systemUTC());
    }
}
