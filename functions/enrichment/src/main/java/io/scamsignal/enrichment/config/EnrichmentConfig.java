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

    /** Normalisation, lookalike detection, aggregation and encoding of one sample report, without I/O. */
    public static void prime() {
        BrandRegistry brands = BrandRegistry.defaults();
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands, UsdRates.defaults());
        io.scamsignal.domain.report.StoredReport report = new io.scamsignal.domain.report.StoredReport(1, "priming",
                java.time.Instant.now(), io.scamsignal.domain.report.ContactMethod.POPUP, "Microsoft",
                java.time.LocalDate.now(), "US", new io.scamsignal.domain.report.Scammer(java.util.List.of("1-888-555-0142"),
                java.util.List.of("https://rnicrosoft-support.com/help?phone=18885550142"), java.util.List.of("a@example.org"),
                java.util.List.of(new io.scamsignal.domain.report.RemoteAccessTool("AnyDesk", "123 456 789")), java.util.List.of()),
                io.scamsignal.domain.report.Loss.none(), "call 1 888 555 0142", "priming");
        String json = io.scamsignal.domain.json.Json.write(report);
        try {
            report = io.scamsignal.domain.json.Json.MAPPER.readValue(json, io.scamsignal.domain.report.StoredReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var contributions = planner.plan(report);
        var aggregate = io.scamsignal.domain.aggregate.Aggregation.apply(null, java.util.Map.of(), contributions.subList(0, 1));
        io.scamsignal.domain.json.Json.write(aggregate.aggregate());
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
