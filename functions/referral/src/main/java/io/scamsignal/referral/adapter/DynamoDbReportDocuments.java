package io.scamsignal.referral.adapter;

import io.scamsignal.domain.referral.ReporterContact;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.storage.AlertsTableKeys;
import io.scamsignal.domain.storage.FeedTableKeys;
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
    private final String alertsTable;
    private final String feedTable;

    public DynamoDbReportDocuments(DynamoDbClient dynamoDb, String reportsTable, String reporterDataTable,
                                   String alertsTable, String feedTable) {
        this.dynamoDb = dynamoDb;
        this.reportsTable = reportsTable;
        this.reporterDataTable = reporterDataTable;
        this.alertsTable = alertsTable;
        this.feedTable = feedTable;
    }

    @Override
    public Map<String, String> documents(Collection<String> reportIds) {
        Map<String, String> documents = new HashMap<>();
        batchGet(reportsTable, ReportsTableKeys.REPORT_ID, reportIds, "reportId, payload", Map.of(),
                item -> documents.put(item.get(ReportsTableKeys.REPORT_ID).s(), item.get("payload").s()));
        return documents;
    }

    @Override
    public List<ReporterContact> consentingContacts(Collection<String> reportIds) {
        List<ReporterContact> contacts = new ArrayList<>();
        batchGet(reporterDataTable, ReportsTableKeys.REPORT_ID, reportIds, "reportId, #name, email, lawEnforcementContactConsent",
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

    /** The indicators' STIX state items name their current version's feed entry (its sort key); then the entries. */
    @Override
    public Map<String, String> feedIndicators(Collection<String> indicatorKeys) {
        Map<String, String> keyOfEntry = new HashMap<>();
        batchGet(alertsTable, Map.of(), indicatorKeys.stream().map(k -> Map.of(AlertsTableKeys.ALERT_ID,
                AttributeValue.fromS(AlertsTableKeys.stixState(k)))).toList(), "alertId, indicatorEntry", item -> {
                    if (item.containsKey("indicatorEntry")) {
                        keyOfEntry.put(item.get("indicatorEntry").s(),
                                item.get(AlertsTableKeys.ALERT_ID).s().substring(AlertsTableKeys.stixState("").length()));
                    }
                });
        Map<String, String> objects = new HashMap<>();
        String collection = TaxiiResources.Collection.INDICATORS.id();
        batchGet(feedTable, Map.of("#object", "object"), keyOfEntry.keySet().stream().map(sk -> Map.of(
                FeedTableKeys.PARTITION_KEY, AttributeValue.fromS(collection),
                FeedTableKeys.SORT_KEY, AttributeValue.fromS(sk))).toList(), "sk, #object",
                item -> objects.put(keyOfEntry.get(item.get(FeedTableKeys.SORT_KEY).s()), item.get("object").s()));
        return objects;
    }

    private void batchGet(String table, String keyName, Collection<String> ids, String projection,
                          Map<String, String> names, Consumer<Map<String, AttributeValue>> each) {
        batchGet(table, names, ids.stream().map(id -> Map.of(keyName, AttributeValue.fromS(id))).toList(), projection,
                each);
    }

    private void batchGet(String table, Map<String, String> names, List<Map<String, AttributeValue>> allKeys,
                          String projection, Consumer<Map<String, AttributeValue>> each) {
        for (int i = 0; i < allKeys.size(); i += BATCH) {
            List<Map<String, AttributeValue>> keys = allKeys.subList(i, Math.min(allKeys.size(), i + BATCH));
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
