package io.scamsignal.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.domain.report.NetworkFingerprint;
import io.scamsignal.domain.report.ReportSubmission;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The textbook baseline the cold-start benchmark compares the intake with. The same work: the
 * contract's validation (the domain's ReportValidator, libphonenumber for every phone number), the
 * reporter's HMAC fingerprint, the same items written (the report and the reporter's data in one
 * transaction; with an Idempotency-Key, the key claimed first and completed after), a 202 answer
 * and a log line. Written the way tutorials write it: a POJO handler of the runtime's event
 * classes, DynamoDbClient.create() with the default HTTP client and the default region and
 * credential chains, a databind ObjectMapper, a Mac built per request. JSON bodies only (the form
 * encoding the function also takes is not on the measured path).
 */
public class NaiveSubmitReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final SecretsManagerClient secrets = SecretsManagerClient.create();
    /** The stack's generated reporter key, read at the first report as the function does. */
    private String key;
    private final ReportValidator validator = new ReportValidator(Clock.systemUTC(), new PhoneNormalizer());

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            Map<String, String> headers = new HashMap<>();
            if (event.getHeaders() != null) {
                event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            }
            Messages messages = Messages.forAcceptLanguage(headers.get("accept-language"));
            String body = event.getBody() == null ? "" : event.getBody();
            if (body.getBytes(StandardCharsets.UTF_8).length > 64 * 1024) {
                return error(413, "body_too_large");
            }
            if (!String.valueOf(headers.get("content-type")).toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return error(415, "unsupported_media_type");
            }
            JsonNode tree;
            try {
                tree = MAPPER.readTree(body);
            } catch (Exception e) {
                return error(400, "malformed_json");
            }
            ValidationResult result = validator.validate(tree, messages);
            if (result instanceof ValidationResult.Invalid invalid) {
                return response(400, Map.of("errors", invalid.errors()));
            }
            ReportSubmission submission = ((ValidationResult.Valid) result).submission();
            String reportId = UUID.randomUUID().toString();
            Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (submission.honeypotHit()) {
                return response(202, Map.of("reportId", reportId, "status", "received", "receivedAt", receivedAt.toString()));
            }
            String sourceIp = event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? null
                    : event.getRequestContext().getHttp().getSourceIp();
            String userAgent = headers.get("user-agent");
            if (key == null) {
                key = secrets.getSecretValue(b -> b.secretId(System.getenv("REPORTER_KEY_SECRET_ARN"))).secretString();
            }
            String network = new NetworkFingerprint(hmacHex(key, "scamsignal:network-fingerprint:v1"))
                    .of(sourceIp).orElse(null);
            if (network != null) {
                long window = receivedAt.getEpochSecond() / 3600;
                try {
                    dynamoDb.updateItem(b -> b.tableName(System.getenv("RATE_LIMIT_TABLE"))
                            .key(Map.of("pk", s(network + "#" + window)))
                            .updateExpression("ADD #count :one SET expiresAt = :expires")
                            .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                            .expressionAttributeNames(Map.of("#count", "count"))
                            .expressionAttributeValues(Map.of(":one", n(1),
                                    ":limit", n(Long.parseLong(System.getenv("RATE_LIMIT_PER_HOUR"))),
                                    ":expires", n((window + 2) * 3600))));
                } catch (ConditionalCheckFailedException limited) {
                    return error(429, "rate_limited");
                }
            }
            String reporterFingerprint = fingerprint(submission.reporter().email(), sourceIp, userAgent);
            StoredReport report = StoredReport.of(reportId, receivedAt, submission, reporterFingerprint, network);
            Instant expiresAt = receivedAt.plus(Duration.ofDays(Long.parseLong(System.getenv("RETENTION_DAYS"))));

            String idempotencyKey = headers.get("idempotency-key");
            if (idempotencyKey != null) {
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("application/json\0" + body).getBytes(StandardCharsets.UTF_8)));
                try {
                    dynamoDb.putItem(b -> b.tableName(System.getenv("IDEMPOTENCY_TABLE"))
                            .item(Map.of("idempotencyKey", s(idempotencyKey), "requestHash", s(hash),
                                    "reportId", s(reportId), "receivedAt", s(receivedAt.toString()), "status", s("PENDING"),
                                    "expiresAt", n(receivedAt.plus(Duration.ofHours(24)).getEpochSecond())))
                            .conditionExpression("attribute_not_exists(idempotencyKey) OR expiresAt < :now")
                            .expressionAttributeValues(Map.of(":now", n(receivedAt.getEpochSecond()))));
                } catch (ConditionalCheckFailedException used) {
                    Map<String, AttributeValue> earlier = dynamoDb.getItem(b -> b.tableName(System.getenv("IDEMPOTENCY_TABLE"))
                            .consistentRead(true).key(Map.of("idempotencyKey", s(idempotencyKey)))).item();
                    if (!hash.equals(earlier.get("requestHash").s())) {
                        return error(409, "idempotency_key_reused");
                    }
                    return response(202, Map.of("reportId", earlier.get("reportId").s(), "status", "received",
                            "receivedAt", earlier.get("receivedAt").s()));
                }
            }
            store(report, submission, sourceIp, userAgent, expiresAt, reporterFingerprint);
            if (idempotencyKey != null) {
                dynamoDb.updateItem(b -> b.tableName(System.getenv("IDEMPOTENCY_TABLE"))
                        .key(Map.of("idempotencyKey", s(idempotencyKey)))
                        .updateExpression("SET #status = :complete")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":complete", s("COMPLETE"))));
            }
            System.out.println("report accepted " + reportId);
            return response(202, Map.of("reportId", reportId, "status", "received", "receivedAt", receivedAt.toString()));
        } catch (Exception e) {
            e.printStackTrace();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).build();
        }
    }

    /** The items the function writes: the report (its scam fields as JSON) and, in the same transaction, the reporter's data. */
    private void store(StoredReport report, ReportSubmission submission, String sourceIp, String userAgent,
                       Instant expiresAt, String reporterFingerprint) throws Exception {
        Map<String, AttributeValue> reportItem = Map.of(
                "reportId", s(report.reportId()),
                "receivedAt", s(report.receivedAt().toString()),
                "country", s(report.country()),
                "contactMethod", s(report.contactMethod().wireName()),
                "schemaVersion", n(report.schemaVersion()),
                "payload", s(MAPPER.writeValueAsString(report)),
                "expiresAt", n(expiresAt.getEpochSecond()));
        Map<String, AttributeValue> contact = new HashMap<>();
        contact.put("reportId", s(report.reportId()));
        contact.put("expiresAt", n(expiresAt.getEpochSecond()));
        if (submission.reporter().email() != null) {
            contact.put("email", s(submission.reporter().email()));
            contact.put("reporterFingerprint", s(reporterFingerprint));
        }
        if (submission.reporter().name() != null) {
            contact.put("name", s(submission.reporter().name()));
        }
        if (submission.reporter().contactConsent()) {
            contact.put("contactConsent", AttributeValue.fromBool(true));
        }
        if (sourceIp != null) {
            contact.put("sourceIp", s(sourceIp));
        }
        if (userAgent != null) {
            contact.put("userAgent", s(userAgent));
        }
        if (contact.size() <= 2) {
            dynamoDb.putItem(b -> b.tableName(System.getenv("REPORTS_TABLE")).item(reportItem)
                    .conditionExpression("attribute_not_exists(reportId)"));
            return;
        }
        dynamoDb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(System.getenv("REPORTS_TABLE")).item(reportItem)
                        .conditionExpression("attribute_not_exists(reportId)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(System.getenv("REPORTER_DATA_TABLE"))
                        .item(contact).build()).build()));
    }

    /** HMAC-SHA256 of the reporter's e-mail (else IP and user agent), as the function computes it. */
    private String fingerprint(String email, String sourceIp, String userAgent) throws Exception {
        String subject = email != null && !email.isBlank() ? "email:" + email.strip().toLowerCase(Locale.ROOT)
                : "client:" + (sourceIp == null ? "" : sourceIp) + "|" + (userAgent == null ? "" : userAgent);
        return hmacHex(key, subject).substring(0, 32);
    }

    private static String hmacHex(String secret, String subject) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPResponse error(int status, String code) throws Exception {
        return response(status, Map.of("errors", List.of(Map.of("field", "", "code", code))));
    }

    private static APIGatewayV2HTTPResponse response(int status, Object body) throws Exception {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(MAPPER.writeValueAsString(body)).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
