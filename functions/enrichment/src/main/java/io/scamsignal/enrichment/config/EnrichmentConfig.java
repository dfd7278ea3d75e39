package io.scamsignal.enrichment.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import io.scamsignal.enrichment.service.EnrichmentService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the enrichment function from its environment, once per container. */
public final class EnrichmentConfig {

    private EnrichmentConfig() {
    }

    public static EnrichmentService service(FunctionEnvironment env) {
        BrandRegistry brands = BrandRegistry.defaults();
        ContributionPlanner planner = new ContributionPlanner(
                IndicatorExtractor.standard(brands), brands,
                UsdRates.defaults());
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        return new EnrichmentService(planner, new DynamoDbIndicatorRepository(dynamoDb, env.require("INDICATORS_TABLE")));
    }
}
