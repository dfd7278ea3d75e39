package io.scamsignal.referral.adapter;

import io.scamsignal.domain.referral.ReporterContact;
import io.scamsignal.domain.storage.ReportsTableKeys;
import io.scamsignal.referral.service.ReportDocuments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reports table ({@code payload}: the stored document) and reporter data table, by BatchGetItem.
 * Of the reporter data only name, e-mail and the consent flag are read (a projection: never the
 * source address or user agent), and only consenting reporters' details leave this class.
 */
public final class DynamoDbReportDocuments implements ReportDocuments {

    private static final int BATCH = 100;
    private final DynamoDbClient dynamoDb;
    private final String reportsTable;
    private final String reporterDataTable;

    public DynamoDbReportDocuments(DynamoDbClient dynamoDb, String reportsTable, String reporterDataTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
        this.reporterDataTable = reporterDataTable;
    }

    @Override
    public Map<String, String> documents(Collection<String> reportIds) {
        Map<String, String> documents = new HashMap<>();
        batchGet(reportsTable, reportIds, "reportId, payload", Map.of(),
                item -> documents.put(item.get(ReportsTableKeys.REPORT_ID).s(), item.get("payload").s()));
        return documents;
    }

    @Override
    public List<ReporterContact> consentingContacts(Collection<String> reportIds) {
        List<ReporterContact> contacts = new ArrayList<>();
        batchGet(reporterDataTable, reportIds, "reportId, #name, email, lawEnforcementContactConsent",
                Map.of("#name", "name"), item -> {
                    AttributeValue consent = item.get("lawEnforcementContactConsent");
                    if (consent != null && Boolean.TRUE.equals(consent.bool())) {
                        contacts.add(new ReporterContact(item.get(ReportsTableKeys.REPORT_ID).s(),
                                item.containsKey("name") ? item.get("name").s() : null,
                                item.containsKey("email") ? item.get("email").s() : null, true));
                    }
                });
        return contacts;
    }

    private void batchGet(String table, Collection<String> ids, String projection, Map<String, String> names,
                          Consumer<Map<String, AttributeValue>> each) {
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<Map<String, AttributeValue>> keys = all.subList(i, Math.min(all.size(), i + BATCH)).stream()
                    .map(id -> Map.of(ReportsTableKeys.REPORT_ID, AttributeValue.fromS(id))).toList();
            KeysAndAttributes.Builder request = KeysAndAttributes.builder().keys(keys).projectionExpression(projection);
            if (!names.isEmpty()) {
                request.expressionAttributeNames(names);
            }
            Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> r = pending;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(r));
                response.responses().getOrDefault(table, List.of()).forEach(each);
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
    }
}
