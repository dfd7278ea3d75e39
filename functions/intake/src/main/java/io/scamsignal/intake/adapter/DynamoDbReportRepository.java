package io.scamsignal.intake.adapter;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Reports table: key attributes plus the scam fields as one versioned JSON payload, which is what
 * the enrichment stream reads. Personal data goes to the reporter-data table in the same
 * transaction, so neither exists without the other and the stream never carries it.
 */
public final class DynamoDbReportRepository implements ReportRepository {

    private final DynamoDbClient dynamoDb;
    private final String reportsTable;
    private final String reporterDataTable;

    public DynamoDbReportRepository(DynamoDbClient dynamoDb, String reportsTable, String reporterDataTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
        this.reporterDataTable = reporterDataTable;
    }

    @Override
    public void save(StoredReport report, ReporterContact contact, Instant expiresAt) {
        Map<String, AttributeValue> item = Map.of(
                "reportId", s(report.reportId()),
                "receivedAt", s(report.receivedAt().toString()),
                "country", s(report.country()),
                "contactMethod", s(report.contactMethod().wireName()),
                "schemaVersion", n(report.schemaVersion()),
                "payload", s(Json.write(report)),
                "expiresAt", n(expiresAt.getEpochSecond()));
        Map<String, AttributeValue> contactItem = contactItem(contact);
        if (contactItem.size() <= 2) {
            dynamoDb.putItem(PutItemRequest.builder().tableName(reportsTable).item(item)
                    .conditionExpression("attribute_not_exists(reportId)").build());
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(reportsTable).item(item)
                .conditionExpression("attribute_not_exists(reportId)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(reporterDataTable).item(contactItem)
                .build()).build());
        dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    }

    /** Only what was given; an item with nothing but its key and expiry is not written at all. */
    private static Map<String, AttributeValue> contactItem(ReporterContact c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("reportId", s(c.reportId()));
        item.put("expiresAt", n(c.expiresAt().getEpochSecond()));
        if (c.email() != null) {
            item.put("email", s(c.email()));
        }
        if (c.name() != null) {
            item.put("name", s(c.name()));
        }
        if (c.contactConsent()) {
            item.put("contactConsent", AttributeValue.fromBool(true));
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
