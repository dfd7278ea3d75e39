package io.scamsignal.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The textbook baseline for the alerting cold start: the same work for one aggregate record (read
 * it, check the threshold, claim the alert, publish it) with default clients and chains.
 */
public class NaiveThresholdAlertHandler implements RequestHandler<DynamodbEvent, String> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final SnsClient sns = SnsClient.create();

    @Override
    public String handleRequest(DynamodbEvent event, Context context) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            for (var record : event.getRecords()) {
                JsonNode state = mapper.readTree(record.getDynamodb().getNewImage().get("state").getS());
                if (state.get("distinctReporters").asInt() < 3) {
                    continue;
                }
                String alertId = UUID.nameUUIDFromBytes(state.at("/indicator/value").asText().getBytes()).toString();
                try {
                    dynamoDb.putItem(b -> b.tableName(System.getenv("ALERTS_TABLE"))
                            .item(Map.of("alertId", AttributeValue.fromS(alertId)))
                            .conditionExpression("attribute_not_exists(alertId)"));
                } catch (ConditionalCheckFailedException sent) {
                    continue;
                }
                sns.publish(b -> b.topicArn(System.getenv("ALERTS_TOPIC_ARN")).message(state.toString()));
            }
            return "ok";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
