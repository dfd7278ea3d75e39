package io.scamsignal.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The textbook baseline the cold-start benchmark compares the intake with: the same work (parse,
 * check the required fields, store the report, answer 202) written the way tutorials write it —
 * DynamoDbClient.create() with the default HTTP client, region and credential chains, a mapper
 * per call. Kept in the benchmark module only.
 */
public class NaiveSubmitReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode report = mapper.readTree(event.getBody());
            for (String field : new String[] {"contactMethod", "impersonatedCompany", "incidentDate", "country"}) {
                if (!report.hasNonNull(field)) {
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(400).build();
                }
            }
            String reportId = UUID.randomUUID().toString();
            dynamoDb.putItem(b -> b.tableName(System.getenv("REPORTS_TABLE")).item(Map.of(
                    "reportId", AttributeValue.fromS(reportId),
                    "receivedAt", AttributeValue.fromS(Instant.now().toString()),
                    "payload", AttributeValue.fromS(report.toString()))));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                    .withBody(mapper.writeValueAsString(Map.of("reportId", reportId, "status", "received"))).build();
        } catch (Exception e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).build();
        }
    }
}
