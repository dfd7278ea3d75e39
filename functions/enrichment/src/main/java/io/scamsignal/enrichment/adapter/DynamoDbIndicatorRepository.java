package io.scamsignal.enrichment.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.aggregate.Aggregation;
import io.scamsignal.domain.aggregate.Aggregation.ReporterState;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.enrichment.service.IndicatorRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Indicators table, one partition per indicator ({@code pk} = type#value):
 * <ul>
 *   <li>{@code sk = AGG}: the aggregate, as versioned JSON ({@code state}), with {@code indicatorType}
 *   beside it for the alerting stream's filter;</li>
 *   <li>{@code sk = R#<reporter fingerprint>}: how many reports that reporter made about this
 *   indicator ({@code reports}) and the latest one's time: the same size after any number of reports;</li>
 *   <li>{@code sk = C#<report id>}: the marker of a counted report, the exactly-once guard, whatever
 *   order reports and redeliveries come in.</li>
 * </ul>
 * Read the aggregate, the reporters' items and the reports' markers, fold the new contributions in
 * ({@link Aggregation}), write it all back in one transaction on the condition that nothing changed
 * since the read ({@code version}, markers absent); on a conflict, read again. Per report and
 * indicator that is one marker and one reporter item (2 write units each in a transaction) plus a
 * share of the one aggregate write per {@value #CHUNK} contributions. A reporter item written before
 * the markers existed keeps its {@code reportIds} as they were (they count as markers) and never grows.
 */
public final class DynamoDbIndicatorRepository implements IndicatorRepository {

    /**
     * Contributions per transaction: each writes a marker and at most one reporter item, leaving room
     * for the aggregate within DynamoDB's 100 items (and the read's keys within BatchGetItem's 100).
     */
    static final int CHUNK = 49;
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIndicatorRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public int apply(List<IndicatorContribution> sameIndicator) {
        int applied = 0;
        for (List<IndicatorContribution> chunk : chunksByReporter(sameIndicator)) {
            applied += applyChunk(chunk);
        }
        return applied;
    }

    /** Chunks of at most {@link #CHUNK} contributions. */
    private static List<List<IndicatorContribution>> chunksByReporter(List<IndicatorContribution> contributions) {
        List<List<IndicatorContribution>> chunks = new ArrayList<>();
        for (int from = 0; from < contributions.size(); from += CHUNK) {
            chunks.add(contributions.subList(from, Math.min(contributions.size(), from + CHUNK)));
        }
        return chunks;
    }

    private int applyChunk(List<IndicatorContribution> chunk) {
        String pk = IndicatorsTableKeys.partitionKey(chunk.get(0).indicator());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Snapshot snapshot = read(pk, chunk);
            Aggregation.Result result = Aggregation.apply(snapshot.aggregate(), snapshot.reporters(),
                    snapshot.counted(), chunk);
            if (result.applied().isEmpty()) {
                return 0;
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            result.changedReporters().forEach((fingerprint, state) -> writes.add(reporterPut(pk, fingerprint, state,
                    snapshot.reporterVersions().get(fingerprint), snapshot.legacyReportIds().get(fingerprint))));
            result.applied().stream().map(IndicatorContribution::reportId).distinct()
                    .forEach(reportId -> writes.add(markerPut(pk, reportId)));
            writes.add(aggregatePut(pk, result.aggregate(), snapshot.aggregateVersion()));
            try {
                dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return result.applied().size();
            } catch (TransactionCanceledException e) {
                if (!OptimisticRetry.retryable(e)) {
                    throw e;
                }
                // another batch wrote this indicator since the read: read again, after a moment
                OptimisticRetry.pause(attempt);
            }
        }
        throw new IllegalStateException("indicator stayed contended after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Marks an indicator a false positive (or allow-listed after the fact): alerting then retracts its
     * alerts and never alerts on it again; counting goes on. Returns false when no such indicator.
     */
    public boolean markFalsePositive(String indicatorKey, String reason) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Snapshot snapshot = read(indicatorKey, List.of());
            if (snapshot.aggregate() == null) {
                return false;
            }
            try {
                dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(aggregatePut(indicatorKey,
                        snapshot.aggregate().markedFalsePositive(reason), snapshot.aggregateVersion())).build());
                return true;
            } catch (TransactionCanceledException e) {
                if (!OptimisticRetry.retryable(e)) {
                    throw e;
                }
                OptimisticRetry.pause(attempt);
            }
        }
        throw new IllegalStateException("indicator stayed contended after " + MAX_ATTEMPTS + " attempts");
    }

    private record Snapshot(IndicatorAggregate aggregate, Long aggregateVersion, Map<String, ReporterState> reporters,
                            Map<String, Long> reporterVersions, Set<String> counted,
                            Map<String, List<String>> legacyReportIds) {
    }

    private Snapshot read(String pk, List<IndicatorContribution> chunk) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key(pk, IndicatorsTableKeys.AGGREGATE));
        chunk.stream().map(IndicatorContribution::reporterFingerprint).distinct()
                .forEach(fp -> keys.add(key(pk, IndicatorsTableKeys.reporterSortKey(fp))));
        chunk.stream().map(IndicatorContribution::reportId).distinct()
                .forEach(id -> keys.add(key(pk, IndicatorsTableKeys.countedSortKey(id))));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        IndicatorAggregate aggregate = null;
        Long aggregateVersion = null;
        Map<String, ReporterState> reporters = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        Set<String> counted = new HashSet<>();
        Map<String, List<String>> legacy = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get(IndicatorsTableKeys.SORT_KEY).s();
            if (IndicatorsTableKeys.countedReport(sk) != null) {
                counted.add(IndicatorsTableKeys.countedReport(sk));
                continue;
            }
            long version = Long.parseLong(item.get("version").n());
            if (IndicatorsTableKeys.isAggregate(sk)) {
                aggregate = fromJson(item.get("state").s());
                aggregateVersion = version;
            } else {
                String fingerprint = IndicatorsTableKeys.fingerprint(sk);
                List<String> legacyIds = item.containsKey("reportIds") ? item.get("reportIds").ss() : List.of();
                if (!legacyIds.isEmpty()) {
                    legacy.put(fingerprint, legacyIds);
                    counted.addAll(legacyIds);
                }
                long reports = item.containsKey("reports") ? Long.parseLong(item.get("reports").n()) : legacyIds.size();
                reporters.put(fingerprint, new ReporterState(reports, Instant.parse(item.get("lastReportAt").s())));
                versions.put(fingerprint, version);
            }
        }
        return new Snapshot(aggregate, aggregateVersion, reporters, versions, counted, legacy);
    }

    private TransactWriteItem reporterPut(String pk, String fingerprint, ReporterState state, Long seenVersion,
                                          List<String> legacyReportIds) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, IndicatorsTableKeys.reporterSortKey(fingerprint)));
        item.put("reports", n(state.reports()));
        if (legacyReportIds != null && !legacyReportIds.isEmpty()) {
            item.put("reportIds", AttributeValue.fromSs(legacyReportIds));
        }
        item.put("lastReportAt", AttributeValue.fromS(state.lastReportAt().toString()));
        item.put("version", n(seenVersion == null ? 1 : seenVersion + 1));
        return TransactWriteItem.builder().put(versioned(Put.builder().tableName(table).item(item), seenVersion)).build();
    }

    /** The counted report's marker: written once, so a transaction that finds it already there is a conflict. */
    private TransactWriteItem markerPut(String pk, String reportId) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(key(pk, IndicatorsTableKeys.countedSortKey(reportId)))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem aggregatePut(String pk, IndicatorAggregate aggregate, Long seenVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, IndicatorsTableKeys.AGGREGATE));
        item.put("indicatorType", AttributeValue.fromS(aggregate.indicator().type().wireName()));
        item.put("version", n(seenVersion == null ? 1 : seenVersion + 1));
        item.put("state", AttributeValue.fromS(Json.write(aggregate)));
        return TransactWriteItem.builder().put(versioned(Put.builder().tableName(table).item(item), seenVersion)).build();
    }

    /** Written only if the item is as it was read: absent, or at the version read. */
    private static Put versioned(Put.Builder put, Long seenVersion) {
        if (seenVersion == null) {
            return put.conditionExpression("attribute_not_exists(pk)").build();
        }
        return put.conditionExpression("version = :seen")
                .expressionAttributeValues(Map.of(":seen", n(seenVersion))).build();
    }

    static IndicatorAggregate fromJson(String json) {
        try {
            return Json.mapper().readValue(json, IndicatorAggregate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored aggregate cannot be read", e);
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(IndicatorsTableKeys.PARTITION_KEY, AttributeValue.fromS(pk),
                IndicatorsTableKeys.SORT_KEY, AttributeValue.fromS(sk));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
