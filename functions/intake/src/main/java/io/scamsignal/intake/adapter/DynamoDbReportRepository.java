package io.scamsignal.intake.adapter;

import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.storage.IdempotencyTableKeys;
import io.scamsignal.domain.storage.ReportsTableKeys;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reports table: key attributes plus the scam fields as one versioned JSON payload, which is what
 * the enrichment stream reads. Personal data goes to the reporter-data table in the same
 * transaction, so neither exists without the other and the stream never carries personal data.
 */
public final class DynamoDbReportRepository implements ReportRepository {

    private static final String PENDING = "PENDING";
    private static final String COMPLETE = "COMPLETE";
    private final DynamoDbClient dynamoDb;
    private final String reportsTable;
    private final String reporterDataTable;
    private final String idempotencyTable;

    public DynamoDbReportRepository(DynamoDbClient dynamoDb, String reportsTable, String reporterDataTable,
                                    String idempotencyTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
        this.reporterDataTable = reporterDataTable;
        this.idempotencyTable = idempotencyTable;
    }

    /**
     * With an Idempotency-Key: claim the key (PENDING, with the report's id), store the report, mark
     * the key COMPLETE. A repeat finds the key: another request is refused; the same request gets the
     * original answer, and if the first attempt died before storing the report, the repeat stores it
     * under the original id. Never a multi-table transaction that a cancelled key could leave half done.
     */
    @Override
    public SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt, IdempotencyClaim idempotency) {
        if (idempotency == null) {
            store(report, contact, expiresAt);
            return new SaveResult.Saved();
        }
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(idempotencyTable)
                    .item(Map.of(IdempotencyTableKeys.IDEMPOTENCY_KEY, s(idempotency.key()), "requestHash", s(idempotency.requestHash()),
                            "reportId", s(report.reportId()), "receivedAt", s(report.receivedAt().toString()),
                            "status", s(PENDING), "expiresAt", n(idempotency.expiresAt().getEpochSecond())))
                    // an expired key that TTL has not deleted yet is free again
                    .conditionExpression("attribute_not_exists(idempotencyKey) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", n(report.receivedAt().getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
        } catch (ConditionalCheckFailedException used) {
            Map<String, AttributeValue> earlier = used.hasItem() ? used.item()
                    : dynamoDb.getItem(b -> b.tableName(idempotencyTable).consistentRead(true)
                            .key(Map.of(IdempotencyTableKeys.IDEMPOTENCY_KEY, s(idempotency.key())))).item();
            if (!idempotency.requestHash().equals(earlier.get("requestHash").s())) {
                return new SaveResult.KeyReused();
            }
            String reportId = earlier.get("reportId").s();
            Instant receivedAt = Instant.parse(earlier.get("receivedAt").s());
            if (PENDING.equals(earlier.get("status").s())) {
                store(report.withId(reportId, receivedAt), withId(contact, reportId), expiresAt);
                complete(idempotency.key());
            }
            return new SaveResult.Replayed(reportId, receivedAt);
        }
        store(report, contact, expiresAt);
        complete(idempotency.key());
        return new SaveResult.Saved();
    }

    @Override
    public SaveResult saveFromOrganisation(StoredReport report, ReporterContact contact, Instant expiresAt,
                                           String organisation) {
        store(report, contact, expiresAt, organisation);
        return new SaveResult.Saved();
    }

    @Override
    public boolean idempotencyKeyKnown(String key, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(idempotencyTable).consistentRead(true)
                .key(Map.of(IdempotencyTableKeys.IDEMPOTENCY_KEY, s(key)))).item();
        return item != null && !item.isEmpty() && item.containsKey("expiresAt")
                && Long.parseLong(item.get("expiresAt").n()) >= now.getEpochSecond();
    }

    private void store(StoredReport report, ReporterContact contact, Instant expiresAt) {
        store(report, contact, expiresAt, null);
    }

    /**
     * The report and its reporter's data, both or neither; storing an already stored report is a
     * no-op. {@code organisation}: the partner that submitted it, null for the public API.
     */
    private void store(StoredReport report, ReporterContact contact, Instant expiresAt, String organisation) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(
                ReportsTableKeys.REPORT_ID, s(report.reportId()),
                "receivedAt", s(report.receivedAt().toString()),
                "country", s(report.country()),
                "contactMethod", s(report.contactMethod().wireName()),
                "schemaVersion", n(report.schemaVersion()),
                "payload", s(StoredReportJson.write(report)),
                "expiresAt", n(expiresAt.getEpochSecond())));
        if (organisation != null) {
            item.put("organisation", s(organisation));
        }
        Put reportPut = Put.builder().tableName(reportsTable).item(item)
                .conditionExpression("attribute_not_exists(reportId)").build();
        Map<String, AttributeValue> contactItem = contactItem(contact);
        try {
            if (contactItem.size() <= 2) {
                dynamoDb.putItem(b -> b.tableName(reportsTable).item(reportPut.item())
                        .conditionExpression(reportPut.conditionExpression()));
            } else {
                dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                        TransactWriteItem.builder().put(reportPut).build(),
                        TransactWriteItem.builder().put(Put.builder().tableName(reporterDataTable).item(contactItem)
                                .build()).build()).build());
            }
        } catch (ConditionalCheckFailedException alreadyStored) {
            // the report is there: an earlier attempt stored it
        } catch (TransactionCanceledException e) {
            if (!e.hasCancellationReasons() || !"ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw e;
            }
        }
    }

    private void complete(String key) {
        dynamoDb.updateItem(b -> b.tableName(idempotencyTable).key(Map.of(IdempotencyTableKeys.IDEMPOTENCY_KEY, s(key)))
                .updateExpression("SET #status = :complete")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":complete", s(COMPLETE))));
    }

    private static ReporterContact withId(ReporterContact c, String reportId) {
        return new ReporterContact(reportId, c.email(), c.name(), c.contactConsent(), c.sourceIp(), c.userAgent(),
                c.expiresAt(), c.reporterFingerprint(), c.lawEnforcementContactConsent());
    }

    /** Only what was given; an item with nothing but its key and expiry is not written at all. */
    private static Map<String, AttributeValue> contactItem(ReporterContact c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ReportsTableKeys.REPORT_ID, s(c.reportId()));
        item.put("expiresAt", n(c.expiresAt().getEpochSecond()));
        if (c.email() != null) {
            item.put("email", s(c.email()));
        }
        if (c.reporterFingerprint() != null) {
            // the ByReporter index's key: erasure finds a reporter's items by it
            item.put("reporterFingerprint", s(c.reporterFingerprint()));
        }
        if (c.name() != null) {
            item.put("name", s(c.name()));
        }
        if (c.contactConsent()) {
            item.put("contactConsent", AttributeValue.fromBool(true));
        }
        if (c.lawEnforcementContactConsent()) {
            item.put("lawEnforcementContactConsent", AttributeValue.fromBool(true));
        }
        if (c.sourceIp() != null) {
            item.put("sourceIp", s(c.sourceIp()));
        }
        if (c.userAgent() != null) {
            item.put("userAgent", s(c.userAgent()));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
