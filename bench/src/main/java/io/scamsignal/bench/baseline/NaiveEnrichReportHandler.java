package io.scamsignal.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The textbook baseline for the enrichment cold start: for each new report, parse it, normalise its
 * phone numbers (libphonenumber) and website hosts, and count each into a per-indicator counter
 * with UpdateItem ADD — with DynamoDbClient.create() and a POJO event. Kept in the benchmark module.
 */
public class NaiveEnrichReportHandler implements RequestHandler<DynamodbEvent, String> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();

    @Override
    public String handleRequest(DynamodbEvent event, Context context) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            for (var record : event.getRecords()) {
                if (!"INSERT".equals(record.getEventName())) {
                    continue;
                }
                JsonNode report = mapper.readTree(record.getDynamodb().getNewImage().get("payload").getS());
                String country = report.path("country").asText("US");
                for (JsonNode phone : report.path("scammer").path("phoneNumbers")) {
                    String e164 = phones.format(phones.parse(phone.asText(), country),
                            PhoneNumberUtil.PhoneNumberFormat.E164);
                    count("phone#" + e164);
                }
                for (JsonNode website : report.path("scammer").path("websites")) {
                    String url = website.asText().contains("://") ? website.asText() : "http://" + website.asText();
                    count("domain#" + URI.create(url).getHost());
                }
            }
            return "ok";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String indicator) {
        dynamoDb.updateItem(b -> b.tableName(System.getenv("INDICATORS_TABLE"))
                .key(Map.of("pk", AttributeValue.fromS(indicator), "sk", AttributeValue.fromS("AGG")))
                .updateExpression("ADD reports :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }
}
