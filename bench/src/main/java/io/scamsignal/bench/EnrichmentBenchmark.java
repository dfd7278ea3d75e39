package io.scamsignal.bench;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.storage.AlertsTableKeys;
import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.emulator.aws.EmulatorClients;
import io.scamsignal.emulator.aws.StackDeployer;
import io.scamsignal.emulator.template.SamTemplate;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The enrichment figures: enrichment CPU per report against Jackson parsing the same report, DynamoDB
 * write units per report with two indicators, and each function's cold start as a 2 x 2
 * against its textbook baseline, with and without the template's JVM flags; with the confusables
 * table against ICU4J. Sections: cpu, wcu, cold (all by default). Exits with status 1 when a
 * cold-start check fails.
 */
public final class EnrichmentBenchmark {

    private EnrichmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        System.out.println("== Enrichment benchmarks (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores) ==");
        List<String> sections = args.length == 0 ? List.of("cpu", "wcu", "cold") : List.of(args);
        if (sections.contains("cpu") && ColdStart.measures("enrichment")) {
            cpu();
        }
        if (sections.contains("wcu") || sections.contains("cold")) {
            // moto with item-level transaction snapshots (tools/moto_server.py), as the throughput run:
            // as released, moto's transactions cost time in proportion to the table, which would
            // weigh on the side that writes transactionally (ScamSignal's) and not on the baseline's
            try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0,
                    project.resolve("bench/target/moto-bench.log"), project.resolve("tools/moto_server.py"))) {
                if (sections.contains("wcu")) {
                    writeUnits(project, moto.endpoint());
                }
                if (sections.contains("cold")) {
                    coldStarts(project, moto.endpoint());
                }
            }
        }
        if (sections.contains("cold") && ColdStart.measures("enrichment")) {
            ColdStart.confusables(project);
        }
        if (!ColdStart.failures.isEmpty()) {
            System.out.println("FAILED: " + ColdStart.failures);
            System.exit(1);
        }
    }

    /**
     * Everything the function does per report but I/O: decode the stream payload, normalise,
     * detect lookalikes, read and decode the stored aggregates and reporter items, fold into them
     * (once per indicator per batch, as deployed) and encode the writes: the real repository over a
     * client answering from memory.
     */
    static void cpu() {
        List<StoredReport> reports = SampleReports.reports(500, SampleReports.Spread.POPULAR);
        List<String> payloads = reports.stream().map(SampleReports::json).toList();
        long[] sink = new long[1];
        // the real repository over stored state (DeployedPath): each batch reads and decodes the
        // aggregates and reporter items its reports' indicators have, folds into them, encodes the writes
        EnrichmentService service = DeployedPath.enrichment(new InMemoryDynamoDb(), DeployedPath.earlierReports(reports));
        IntFunction<Runnable> enrich = batch -> () -> {
            for (int from = 0; from < payloads.size(); from += batch) {
                List<StoredReport> decoded = new ArrayList<>();
                for (String payload : payloads.subList(from, Math.min(from + batch, payloads.size()))) {
                    try {
                        decoded.add(Json.mapper().readValue(payload, StoredReport.class));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                sink[0] += service.enrich(decoded).applied();
            }
        };
        Runnable parse = () -> {
            for (String payload : payloads) {
                try {
                    sink[0] += Json.mapper().readTree(payload).size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Runnable batched = enrich.apply(100);
        Runnable single = enrich.apply(1);
        for (long end = System.nanoTime() + 4_000_000_000L; System.nanoTime() < end; ) {
            batched.run();
            single.run();
            parse.run();
        }
        List<Double> batchedUs = new ArrayList<>();
        List<Double> singleUs = new ArrayList<>();
        List<Double> parseUs = new ArrayList<>();
        List<Double> batchedRatio = new ArrayList<>();
        List<Double> singleRatio = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            double b = time(batched) / payloads.size();
            double s1 = time(single) / payloads.size();
            double p = time(parse) / payloads.size();
            batchedUs.add(b / 1000);
            singleUs.add(s1 / 1000);
            parseUs.add(p / 1000);
            batchedRatio.add(b / p);
            singleRatio.add(s1 / p);
        }
        System.out.println();
        System.out.println("-- CPU per report, warm, no I/O (15 interleaved rounds of " + payloads.size()
                + " reports naming a phone number and a website each)");
        System.out.println("Jackson readTree of the same report:            " + Stats.of(parseUs).format("µs"));
        System.out.println("enrichment, batches of 100 (as deployed):        " + Stats.of(batchedUs).format("µs"));
        System.out.println("  ratio to readTree:                             " + Stats.of(batchedRatio).format("x")
                + "   target <= 20x");
        System.out.println("enrichment, batches of 1 (worst case):           " + Stats.of(singleUs).format("µs"));
        System.out.println("  ratio to readTree:                             " + Stats.of(singleRatio).format("x")
                + "   (sink " + (sink[0] % 10) + ")");
    }

    private static double time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }

    /** A fresh stack of the template on the emulator: every scenario and probe gets tables of its own. */
    static StackDeployer.DeployedStack deploy(Path project, String endpoint) throws Exception {
        System.setProperty("aws.endpointUrl", endpoint);
        try (EmulatorClients aws = EmulatorClients.create(endpoint, "us-east-1", "test", "test")) {
            return new StackDeployer(aws, "123456789012").deploy(SamTemplate.load(project.resolve("infra/template.yaml")),
                    "bench-" + UUID.randomUUID().toString().substring(0, 6), Map.of());
        }
    }

    /** The environment the template gives a function, on a fresh stack. */
    static Map<String, String> functionEnvironment(StackDeployer.DeployedStack stack, String logicalId) {
        return stack.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow()
                .environment();
    }

    /**
     * The 2 x 2 per function, each on a fresh stack: every run starts from empty tables, and
     * must leave the same items as every other run (attributes, and the decoded aggregate or payload
     * fields), so the baseline is shown to do the function's work.
     */
    static void coldStarts(Path project, String endpoint) throws Exception {
        try (EmulatorClients aws = EmulatorClients.create(endpoint, "us-east-1", "test", "test")) {
            if (ColdStart.measures("intake")) {
                intakeColdStart(project, endpoint, aws);
            }
            if (!ColdStart.measures("enrichment")) {
                return;
            }
            StackDeployer.DeployedStack enrichment = deploy(project, endpoint);
            String indicators = enrichment.resolver().resource("IndicatorsTable").ref();
            Runnable forgetIndicators = () -> empty(aws, indicators);
            ColdStart.twoByTwo(project, "Enrichment cold start: fresh JVM -> first batch counted in moto", "enrichment",
                    project.resolve("events/dynamodb/report-inserted.json").toString(),
                    functionEnvironment(enrichment, "EnrichReportFunction"),
                    new ColdStart.Tables(forgetIndicators, () -> contents(aws, indicators)));
            ColdStart.enrichmentBatch(project, functionEnvironment(enrichment, "EnrichReportFunction"), forgetIndicators);

            if (!ColdStart.measures("alerting")) {
                return;
            }
            StackDeployer.DeployedStack alerting = deploy(project, endpoint);
            String alerts = alerting.resolver().resource("AlertsTable").ref();
            ColdStart.twoByTwo(project, "Alerting cold start: fresh JVM -> first alert published to moto's SNS", "alerting",
                    project.resolve("events/dynamodb/indicator-aggregate-modified.json").toString(),
                    functionEnvironment(alerting, "ThresholdAlertFunction"),
                    new ColdStart.Tables(() -> empty(aws, alerts), () -> alertsWritten(aws, alerts)));
        }
    }

    /** The intake's 2 x 2 on a fresh stack (-Dbench.functions=intake measures it alone). */
    private static void intakeColdStart(Path project, String endpoint, EmulatorClients aws) throws Exception {
        StackDeployer.DeployedStack intake = deploy(project, endpoint);
        String reports = intake.resolver().resource("ReportsTable").ref();
        String reporterData = intake.resolver().resource("ReporterDataTable").ref();
        String idempotency = intake.resolver().resource("IdempotencyTable").ref();
        // every run from the same address: the per-network counters go with the other tables
        String rateLimits = intake.resolver().resource("RateLimitTable").ref();
        ColdStart.twoByTwo(project, "Intake cold start: fresh JVM -> first report stored in moto", "intake",
                project.resolve("events/http/submit-report.json").toString(),
                functionEnvironment(intake, "SubmitReportFunction"),
                new ColdStart.Tables(() -> empty(aws, reports, reporterData, idempotency, rateLimits),
                        () -> "reports " + describe(aws, reports, Set.of("payload")) + "; reporter data "
                                + describe(aws, reporterData, Set.of()) + "; idempotency keys "
                                + describe(aws, idempotency, Set.of()) + "; rate-limit counters "
                                + describe(aws, rateLimits, Set.of())));
    }

    private static List<Map<String, AttributeValue>> scan(EmulatorClients aws, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    private static void empty(EmulatorClients aws, String... tables) {
        for (String table : tables) {
            List<String> keys = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().keySchema().stream()
                    .map(k -> k.attributeName()).toList();
            for (Map<String, AttributeValue> item : scan(aws, table)) {
                Map<String, AttributeValue> key = new HashMap<>();
                keys.forEach(k -> key.put(k, item.get(k)));
                aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
            }
        }
    }

    /** How many items, and the attribute names of each (with the field names of the JSON attributes named). */
    private static String describe(EmulatorClients aws, String table, Set<String> jsonAttributes) {
        List<String> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : scan(aws, table)) {
            StringBuilder d = new StringBuilder(new TreeSet<>(item.keySet()).toString());
            for (String json : jsonAttributes) {
                if (item.containsKey(json)) {
                    d.append(' ').append(json).append(' ').append(fieldNames(item.get(json).s()));
                }
            }
            items.add(d.toString());
        }
        Collections.sort(items);
        return items.size() + " " + items;
    }

    /** Every item whole, JSON attributes decoded and their fields sorted: two runs that stored the same have the same text. */
    private static String contents(EmulatorClients aws, String table) {
        List<String> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : scan(aws, table)) {
            Map<String, Object> canonical = new TreeMap<>();
            item.forEach((name, value) -> canonical.put(name, name.equals("state") ? decoded(value.s())
                    : value.ss().isEmpty() ? value.toString() : new TreeSet<>(value.ss()).toString()));
            items.add(canonical.toString());
        }
        Collections.sort(items);
        return items.size() + " items " + items;
    }

    /**
     * The alerts, their status, rule and indicator, and that the publish's message id was recorded.
     * The indicator's STIX state item ({@code stix#...}, written in the claim's transaction with the
     * feed objects) is left out: the textbook baseline keeps no STIX state and appends no feed, so on
     * this side it does less work than the function.
     */
    private static String alertsWritten(EmulatorClients aws, String table) {
        List<String> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : scan(aws, table)) {
            if (AlertsTableKeys.isStixState(item.get(AlertsTableKeys.ALERT_ID).s())) {
                continue;
            }
            items.add(item.get("status").s() + " " + item.get("rule").s() + " " + item.get("indicator").s()
                    + " published " + (item.containsKey("publishedMessageId") && !item.get("publishedMessageId").s().isEmpty())
                    + " attributes " + new TreeSet<>(item.keySet()) + " message " + fieldNames(item.get("message").s()));
        }
        Collections.sort(items);
        return items.size() + " alerts " + items;
    }

    private static Object decoded(String json) {
        try {
            return Json.mapper().convertValue(Json.mapper().readTree(json), TreeMap.class);
        } catch (Exception e) {
            return "undecodable " + json;
        }
    }

    private static String fieldNames(String json) {
        try {
            List<String> names = new ArrayList<>();
            Json.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            return names.toString();
        } catch (Exception e) {
            return "undecodable";
        }
    }

    /** Each scenario on a table of its own: moto's transactions slow down as a table grows, DynamoDB's do not. */
    static void writeUnits(Path project, String endpoint) throws Exception {
        WriteUnitMeter meter = new WriteUnitMeter();
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build();
        BrandRegistry brands = BrandRegistry.defaults();
        ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands, UsdRates.defaults());
        System.out.println();
        System.out.println("-- DynamoDB write units per report with two indicators (phone + domain), billed as AWS does:");
        System.out.println("   item size rounded up to 1 KB, x2 in a transaction");
        System.out.printf("   %-34s %6s %8s %8s %10s %10s %9s%n", "scenario", "batch", "WCU/rep", "agg WCU", "reporter", "agg bytes",
                "rep bytes");
        for (SampleReports.Spread spread : SampleReports.Spread.values()) {
            for (int batch : new int[] {1, 100}) {
                List<StoredReport> reports = SampleReports.reports(200, spread);
                EnrichmentService service = new EnrichmentService(planner,
                        new DynamoDbIndicatorRepository(dynamoDb, deploy(project, endpoint).resolver().resource("IndicatorsTable").ref()));
                meter.reset();
                for (int from = 0; from < reports.size(); from += batch) {
                    service.enrich(reports.subList(from, Math.min(from + batch, reports.size())));
                }
                double perReport = (meter.aggregateUnits.sum() + meter.reporterUnits.sum()) / reports.size();
                System.out.printf("   %-34s %6d %8.2f %8.2f %10.2f %10.0f %9.0f%n", describe(spread), batch, perReport,
                        meter.aggregateUnits.sum() / reports.size(), meter.reporterUnits.sum() / reports.size(),
                        (double) meter.aggregateBytes.sum() / Math.max(1, meter.aggregateWrites.sum()),
                        (double) meter.reporterBytes.sum() / Math.max(1, meter.reporterWrites.sum()));
            }
        }
        System.out.println("   target <= 8 WCU per report");
    }

    private static String describe(SampleReports.Spread spread) {
        return switch (spread) {
            case UNIQUE -> "unique indicators (worst case)";
            case POPULAR -> "8 numbers, 8 sites shared";
            case HOT -> "one hot number, 8 sites";
        };
    }

    static String classpathOf(Class<?> type) throws Exception {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }
}
