package io.scamsignal.alerting.adapter;

import io.scamsignal.alerting.service.ReportIdLookup;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Report ids from the indicator's counted-report markers, which enrichment writes (sk = C#report id). */
public final class DynamoDbReportIdLookup implements ReportIdLookup {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbReportIdLookup(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public List<String> reportIds(Indicator indicator, int max) {
        List<String> ids = new ArrayList<>();
        var items = dynamoDb.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(IndicatorsTableKeys.partitionKey(indicator)),
                        ":prefix", AttributeValue.fromS(IndicatorsTableKeys.COUNTED_PREFIX)))
                .projectionExpression("sk")
                .limit(max)
                .build()).items();
        for (Map<String, AttributeValue> item : items) {
            ids.add(IndicatorsTableKeys.countedReport(item.get(IndicatorsTableKeys.SORT_KEY).s()));
        }
        return ids;
    }
}
