package io.scamsignal.enrichment.adapter;

import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.json.Json;
import io.scamsignal.enrichment.service.IndicatorRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Indicators table, one partition per indicator ({@code pk} = type#value):
 * <ul>
 *   <li>{@code sk = AGG}: the aggregate, the only item the alerting stream looks at;</li>
 *   <li>{@code sk = R#<reporter fingerprint>}: one item per distinct reporter, holding the ids of the
 *   reports that reporter made about this indicator.</li>
 * </ul>
 * The reporter item is the exactly-once guard: it is written in the same transaction as the
 * aggregate, on the condition that it does not yet hold the report id. A new reporter item is a
 * new distinct reporter. Two items per indicator per report: 4 write units, transactions doubled.
 */
public final class DynamoDbIndicatorRepository implements IndicatorRepository {

    static final String AGGREGATE_SK = "AGG";
    static final String REPORTER_PREFIX = "R#";
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIndicatorRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean apply(IndicatorContribution c) {
        String pk = c.indicator().key();
        Map<String, AttributeValue> reporterKey = Map.of("pk", s(pk), "sk", s(REPORTER_PREFIX + c.reporterFingerprint()));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> existing = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                    .key(reporterKey).consistentRead(true).projectionExpression("reportIds").build()).item();
            boolean newReporter = existing == null || existing.isEmpty();
            if (!newReporter && existing.containsKey("reportIds") && existing.get("reportIds").ss().contains(c.reportId())) {
                return false;
            }
            List<TransactWriteItem> writes = List.of(reporterWrite(reporterKey, c, newReporter),
                    TransactWriteItem.builder().update(aggregateUpdate(pk, c, newReporter)).build());
            try {
                dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
                return true;
            } catch (TransactionCanceledException e) {
                if (!retryable(e)) {
                    throw e;
                }
                // another delivery of this report, or another report of this reporter, won the race: look again
            }
        }
        throw new IllegalStateException("indicator " + c.indicator().type().wireName()
                + " stayed contended after " + MAX_ATTEMPTS + " attempts");
    }

    private static boolean retryable(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            String code = reason.code();
            if ("ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code)) {
                return true;
            }
        }
        return false;
    }

    private TransactWriteItem reporterWrite(Map<String, AttributeValue> key, IndicatorContribution c,
                                            boolean newReporter) {
        if (newReporter) {
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("reportIds", AttributeValue.fromSs(List.of(c.reportId())));
            item.put("firstReportAt", s(c.receivedAt().toString()));
            return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build()).build();
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression("ADD reportIds :rids")
                .conditionExpression("attribute_exists(pk) AND NOT contains(reportIds, :rid)")
                .expressionAttributeValues(Map.of(":rids", AttributeValue.fromSs(List.of(c.reportId())),
                        ":rid", s(c.reportId())))
                .build()).build();
    }

    private Update aggregateUpdate(String pk, IndicatorContribution c, boolean newReporter) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>(List.of("indicatorType = :type", "indicatorValue = :value",
                "display = :display", "enrichment = :enrichment", "firstSeen = if_not_exists(firstSeen, :seen)",
                "lastSeen = :seen"));
        List<String> add = new ArrayList<>(List.of("reports :one", "distinctReporters :newReporter",
                "lossUsd :loss", "countries :country"));
        values.put(":type", s(c.indicator().type().wireName()));
        values.put(":value", s(c.indicator().value()));
        values.put(":display", s(c.indicator().display()));
        values.put(":enrichment", s(Json.write(c.indicator().enrichment())));
        values.put(":seen", s(c.receivedAt().toString()));
        values.put(":one", n("1"));
        values.put(":newReporter", n(newReporter ? "1" : "0"));
        values.put(":loss", n(c.lossUsd().toPlainString()));
        values.put(":country", AttributeValue.fromSs(List.of(c.country())));
        if (!c.brands().isEmpty()) {
            add.add("brands :brands");
            values.put(":brands", AttributeValue.fromSs(new ArrayList<>(new TreeSet<>(c.brands()))));
        }
        int i = 0;
        for (String method : c.paymentMethods()) {
            names.put("#pm" + i, "pm_" + method);
            add.add("#pm" + i + " :one");
            i++;
        }
        names.put("#cm", "cm_" + c.contactMethod());
        add.add("#cm :one");
        return Update.builder().tableName(table)
                .key(Map.of("pk", s(pk), "sk", s(AGGREGATE_SK)))
                .updateExpression("SET " + String.join(", ", set) + " ADD " + String.join(", ", add))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }


    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
