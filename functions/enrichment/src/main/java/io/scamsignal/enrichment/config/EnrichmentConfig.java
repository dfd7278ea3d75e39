package io.scamsignal.enrichment.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import io.scamsignal.enrichment.service.EnrichmentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the enrichment function from its environment, once per container. */
public final class EnrichmentConfig {

    private EnrichmentConfig() {
    }

    /**
     * BRANDS_FILE and USD_RATES_FILE, when set, replace the bundled protected-brand registry and rate
     * table (e.g. files shipped in a Lambda layer, under /opt).
     */
    public static EnrichmentService service(FunctionEnvironment env) {
        BrandRegistry brands = env.get("BRANDS_FILE") == null ? BrandRegistry.defaults()
                : BrandRegistry.load(Path.of(env.get("BRANDS_FILE")));
        UsdRates rates = env.get("USD_RATES_FILE") == null ? UsdRates.defaults() : rates(Path.of(env.get("USD_RATES_FILE")));
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands, rates);
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        return new EnrichmentService(planner, new DynamoDbIndicatorRepository(dynamoDb, env.require("INDICATORS_TABLE")));
    }

    private static UsdRates rates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return UsdRates.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rate table " + file, e);
        }
    }
}
