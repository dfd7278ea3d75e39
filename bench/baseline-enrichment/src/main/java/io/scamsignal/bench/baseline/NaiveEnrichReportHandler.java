package io.scamsignal.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scamsignal.domain.aggregate.Aggregation;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.report.StoredReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The textbook baseline for the enrichment cold start. The same work: each new report decoded, its
 * indicators normalised with lookalike analysis and folded per indicator (the domain's
 * ContributionPlanner and Aggregation, as the function uses them), and the same reads and writes as
 * the function's repository: one consistent BatchGetItem of the aggregate and the reporters' items,
 * one TransactWriteItems of the changed reporter items and the aggregate, each put conditional on
 * the version read, read again on a conflict. Written the way tutorials write it: a POJO handler of
 * the runtime's DynamodbEvent, DynamoDbClient.create() with the default HTTP client and chains, a
 * databind ObjectMapper. (Batches of more than 50 reporters per indicator, which the function splits,
 * do not occur on the measured path.)
 */
public class NaiveEnrichReportHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final BrandRegistry brands = BrandRegistry.defaults();
    private final ContributionPlanner planner = new ContributionPlanner(IndicatorExtractor.standard(brands), brands,
            UsdRates.defaults());

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String table = System.getenv("INDICATORS_TABLE");
        try {
            Map<String, List<IndicatorContribution>> byIndicator = new LinkedHashMap<>();
            for (var record : event.getRecords()) {
                if (!"INSERT".equals(record.getEventName())) {
                    continue;
                }
                StoredReport report = MAPPER.readValue(record.getDynamodb().getNewImage().get("payload").getS(),
                        StoredReport.class);
                for (IndicatorContribution c : planner.plan(report)) {
                    byIndicator.computeIfAbsent(c.indicator().key(), k -> new ArrayList<>()).add(c);
                }
            }
            for (List<IndicatorContribution> contributions : byIndicator.values()) {
                apply(table, contributions);
            }
            System.out.println("batch enriched: " + event.getRecords().size() + " records, " + byIndicator.size()
                    + " indicators");
            return new StreamsEventResponse(List.of());
        } catch (Exception e) {
            e.printStackTrace();
            // the whole batch again
            List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
            for (var record : event.getRecords()) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
            return new StreamsEventResponse(failures);
        }
    }

    private void apply(String table, List<IndicatorContribution> contributions) throws Exception {
        String pk = contributions.get(0).indicator().key();
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            keys.add(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("AGG")));
            contributions.stream().map(IndicatorContribution::reporterFingerprint).distinct()
                    .forEach(fp -> keys.add(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("R#" + fp))));
            contributions.stream().map(IndicatorContribution::reportId).distinct()
                    .forEach(id -> keys.add(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("C#" + id))));
            List<Map<String, AttributeValue>> items = dynamoDb.batchGetItem(b -> b.requestItems(
                    Map.of(table, KeysAndAttributes.builder()
                            .keys(keys).consistentRead(true).build()))).responses().getOrDefault(table, List.of());
            IndicatorAggregate aggregate = null;
            Long aggregateVersion = null;
            Map<String, Aggregation.ReporterState> reporters = new HashMap<>();
            Set<String> counted = new HashSet<>();
            Map<String, Long> versions = new HashMap<>();
            for (Map<String, AttributeValue> item : items) {
                String sk = item.get("sk").s();
                if (sk.startsWith("C#")) {
                    counted.add(sk.substring(2));
                    continue;
                }
                long version = Long.parseLong(item.get("version").n());
                if (sk.equals("AGG")) {
                    aggregate = MAPPER.readValue(item.get("state").s(), IndicatorAggregate.class);
                    aggregateVersion = version;
                } else {
                    String fp = sk.substring(2);
                    reporters.put(fp, new Aggregation.ReporterState(Long.parseLong(item.get("reports").n()),
                            Instant.parse(item.get("lastReportAt").s())));
                    versions.put(fp, version);
                }
            }
            Aggregation.Result result = Aggregation.apply(aggregate, reporters, counted, contributions);
            if (result.applied().isEmpty()) {
                return;
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            for (var changed : result.changedReporters().entrySet()) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", AttributeValue.fromS(pk));
                item.put("sk", AttributeValue.fromS("R#" + changed.getKey()));
                item.put("reports", AttributeValue.fromN(Long.toString(changed.getValue().reports())));
                item.put("lastReportAt", AttributeValue.fromS(changed.getValue().lastReportAt().toString()));
                writes.add(put(table, item, versions.get(changed.getKey())));
            }
            // each counted report's marker, written once: the guard against counting it twice
            result.applied().stream().map(IndicatorContribution::reportId).distinct().forEach(id -> {
                Map<String, AttributeValue> marker = new HashMap<>();
                marker.put("pk", AttributeValue.fromS(pk));
                marker.put("sk", AttributeValue.fromS("C#" + id));
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                        .conditionExpression("attribute_not_exists(pk)").build()).build());
            });
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(pk));
            item.put("sk", AttributeValue.fromS("AGG"));
            item.put("indicatorType", AttributeValue.fromS(result.aggregate().indicator().type().wireName()));
            item.put("state", AttributeValue.fromS(MAPPER.writeValueAsString(result.aggregate())));
            writes.add(put(table, item, aggregateVersion));
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException conflict) {
                if (attempt == 8) {
                    throw conflict;
                }
                Thread.sleep(10L * attempt);
            }
        }
    }

    /** A put that succeeds only if the item is as it was read: absent, or at the version read. */
    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, Long seenVersion) {
        item.put("version", AttributeValue.fromN(Long.toString(seenVersion == null ? 1 : seenVersion + 1)));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (seenVersion == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :seen")
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(Long.toString(seenVersion))));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }
}
