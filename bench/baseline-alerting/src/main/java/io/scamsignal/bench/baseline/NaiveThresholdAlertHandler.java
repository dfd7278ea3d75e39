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
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.alert.AlertTrigger;
import io.scamsignal.domain.alert.Confidence;
import io.scamsignal.domain.stix.StixExporter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The textbook baseline for the alerting cold start. The same work for an aggregate change: the
 * domain's rules evaluated, and per alert due the function's calls: a consistent GetItem of the
 * claim, a Query of the indicator's report ids, the alert message (with its STIX bundle) built and
 * stored with a conditional PutItem claim, an SNS publish with the partners' filter attributes,
 * an UpdateItem marking it sent. Written the way tutorials write it: a POJO handler of the runtime's
 * DynamodbEvent, DynamoDbClient.create() and SnsClient.create() with the default HTTP client and
 * chains, a databind ObjectMapper. (Lease take-overs and retractions, which the function also
 * handles, are not on the measured path.)
 */
public class NaiveThresholdAlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final SnsClient sns = SnsClient.create();
    private final AlertRules rules = new AlertRules(AlertRuleConfig.fromEnvironment(System::getenv));

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var record : event.getRecords()) {
            var image = record.getDynamodb().getNewImage();
            if (image == null || !image.containsKey("state") || !"AGG".equals(image.get("sk").getS())) {
                continue;
            }
            try {
                IndicatorAggregate aggregate = MAPPER.readValue(image.get("state").getS(), IndicatorAggregate.class);
                if (aggregate.isFalsePositive() || aggregate.indicator().allowListed()) {
                    continue;
                }
                for (AlertTrigger trigger : rules.evaluate(aggregate)) {
                    alert(aggregate, trigger, record.getEventID());
                }
            } catch (Exception e) {
                e.printStackTrace();
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                break;
            }
        }
        return new StreamsEventResponse(failures);
    }

    private void alert(IndicatorAggregate aggregate, AlertTrigger trigger, String owner) throws Exception {
        String table = System.getenv("ALERTS_TABLE");
        String alertId = AlertMessage.alertId(aggregate.indicator(), trigger);
        Map<String, AttributeValue> stored = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("alertId", AttributeValue.fromS(alertId)))).item();
        if (stored != null && !stored.isEmpty()) {
            return;
        }
        List<String> reportIds = new ArrayList<>();
        dynamoDb.query(b -> b.tableName(System.getenv("INDICATORS_TABLE"))
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(aggregate.indicator().key()),
                                ":prefix", AttributeValue.fromS("R#")))
                        .projectionExpression("reportIds").limit(AlertMessage.MAX_REPORT_IDS))
                .items().forEach(item -> {
                    if (item.containsKey("reportIds")) {
                        reportIds.addAll(item.get("reportIds").ss());
                    }
                });
        Instant now = Instant.now();
        AlertMessage message = AlertMessage.create(trigger, aggregate,
                reportIds.subList(0, Math.min(reportIds.size(), AlertMessage.MAX_REPORT_IDS)), now,
                Confidence.of(aggregate, rules.config().reportersPerNetwork()), null, StixExporter.defaults());
        String body = MAPPER.writeValueAsString(message);
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            "alertId", AttributeValue.fromS(alertId),
                            "status", AttributeValue.fromS("CLAIMED"),
                            "owner", AttributeValue.fromS(owner + "|" + trigger.rule().id()),
                            "leaseUntil", AttributeValue.fromN(Long.toString(now.plusSeconds(60).toEpochMilli())),
                            "rule", AttributeValue.fromS(message.rule()),
                            "indicator", AttributeValue.fromS(message.indicator().type() + "#" + message.indicator().value()),
                            "createdAt", AttributeValue.fromS(message.createdAt().toString()),
                            "message", AttributeValue.fromS(body)))
                    .conditionExpression("attribute_not_exists(alertId)"));
        } catch (ConditionalCheckFailedException claimedElsewhere) {
            return;
        }
        AlertMessage.FilterAttributes a = message.filterAttributes();
        String brands = MAPPER.writeValueAsString(a.brands());
        String countries = MAPPER.writeValueAsString(a.countries());
        String topic = System.getenv("ALERTS_TOPIC_ARN");
        String group = topic.endsWith(".fifo") ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((message.indicator().type() + "#" + message.indicator().value()).getBytes(StandardCharsets.UTF_8))) : null;
        String messageId = sns.publish(b -> b.topicArn(topic).message(body)
                .messageGroupId(group).messageDeduplicationId(group == null ? null : alertId)
                .messageAttributes(Map.of(
                        "type", string("String", a.type()),
                        "rule", string("String", a.rule()),
                        "severity", string("String", a.severity()),
                        "indicatorType", string("String", a.indicatorType()),
                        "brands", string("String.Array", brands),
                        "countries", string("String.Array", countries),
                        "distinctReporters", string("Number", Long.toString(a.distinctReporters())),
                        "lossUsd", string("Number", a.lossUsd().toPlainString())))).messageId();
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("alertId", AttributeValue.fromS(alertId)))
                .updateExpression("SET #status = :sent, sentAt = :now, publishedMessageId = :mid REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("SENT"),
                        ":now", AttributeValue.fromS(Instant.now().toString()), ":mid", AttributeValue.fromS(messageId))));
        System.out.println("alert published " + alertId);
    }

    private static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }
}
