package io.scamsignal.enrichment.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.DynamoDbBenignOverrides;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.aggregate.Aggregation;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.benign.BenignIndicators;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.ring.RingLinking;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import io.scamsignal.enrichment.service.EnrichmentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the enrichment function from its environment, once per container. */
public final class EnrichmentConfig {

    private EnrichmentConfig() {
    }

    /** Normalisation, lookalike detection, aggregation and encoding of one sample report, without I/O. */
    public static void prime() {
        BrandRegistry brands = BrandRegistry.defaults();
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands, UsdRates.defaults());
        StoredReport report = StoredReport.builder("priming").receivedAt(Instant.now())
                .contactMethod(ContactMethod.POPUP).impersonatedCompany("Microsoft").incidentDate(LocalDate.now())
                .country("US")
                .scammer(new Scammer(List.of("1-888-555-0142"),
                        List.of("https://rnicrosoft-support.com/help?phone=18885550142"), List.of("a@example.org"),
                        List.of(new RemoteAccessTool("AnyDesk", "123 456 789")), List.of()))
                .description("call 1 888 555 0142").reporterFingerprint("priming").build();
        String json = Json.write(report);
        try {
            report = StoredReportJson.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var contributions = planner.plan(report);
        var aggregate = Aggregation.apply(null, Map.of(), Set.of(), contributions.subList(0, 1));
        Json.write(aggregate.aggregate());
    }

    /**
     * BRANDS_FILE and USD_RATES_FILE, when set, replace the bundled protected-brand registry and rate
     * table (e.g. files shipped in a Lambda layer, under /opt). RINGS_TABLE, when set, links every
     * report into the rings there (RING_NETWORK_CAP: reporters counted per network, default 3;
     * RING_MERGE_MIN_NETWORKS: networks that must name a link before two existing rings merge, default 2).
     */
    public static EnrichmentService service(FunctionEnvironment env) {
        BrandRegistry brands = env.get("BRANDS_FILE") == null ? BrandRegistry.defaults()
                : BrandRegistry.load(Path.of(env.get("BRANDS_FILE")));
        UsdRates rates = env.get("USD_RATES_FILE") == null ? UsdRates.defaults() : rates(Path.of(env.get("USD_RATES_FILE")));
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        DynamoDbBenignOverrides overrides = DynamoDbBenignOverrides.fromEnvironment(dynamoDb, env);
        // operators' entries first, then the lists: a benign indicator is still counted, marked with its list
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands, overrides), brands, rates);
        DynamoDbIndicatorRepository indicators = new DynamoDbIndicatorRepository(dynamoDb, env.require("INDICATORS_TABLE"));
        String ringsTable = env.get("RINGS_TABLE");
        if (ringsTable == null || ringsTable.isBlank()) {
            return new EnrichmentService(planner, indicators);
        }
        // the same operators' entries decide which domains are too common to link reports into a ring
        BenignIndicators benign = BenignIndicators.standard(brands, overrides);
        RingPlanner ringPlanner = new RingPlanner(Integer.parseInt(env.getOrDefault("RING_NETWORK_CAP", "3")),
                RingPlanner.MAX_TRANSACTION_ITEMS, Integer.parseInt(env.getOrDefault("RING_MERGE_MIN_NETWORKS", "2")));
        return new EnrichmentService(planner, indicators, new DynamoDbRingStore(dynamoDb, ringsTable, ringPlanner),
                RingLinking.linkable(brands, domain -> benign.domain(domain).isPresent()));
    }

    private static UsdRates rates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return UsdRates.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rate table " + file, e);
        }
    }
}
