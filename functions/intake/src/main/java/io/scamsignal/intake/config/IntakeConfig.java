package io.scamsignal.intake.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.JsonTrees;
import io.scamsignal.domain.nextsteps.NextSteps;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.intake.adapter.DynamoDbRateLimiter;
import io.scamsignal.intake.adapter.DynamoDbReportRepository;
import io.scamsignal.intake.adapter.SecretsManagerKey;
import io.scamsignal.intake.service.PartnerBulkService;
import io.scamsignal.intake.service.PartnerRateLimit;
import io.scamsignal.intake.service.ReporterKeys;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Wires the intake function from its environment, once per container. */
public final class IntakeConfig {

    private IntakeConfig() {
    }

    private static final String PRIMING_REPORT = "{\"contactMethod\":\"popup\",\"impersonatedCompany\":\"Microsoft\","
            + "\"incidentDate\":\"2026-01-15\",\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"+1 (888) 555-0142\"],"
            + "\"websites\":[\"http://example.com/\"]},\"loss\":{\"amount\":\"10.00\",\"currency\":\"USD\"},"
            + "\"reporter\":{\"email\":\"priming@example.org\"}}";

    /** The request path without I/O: JSON, validation (libphonenumber), fingerprint, messages. */
    public static void prime() {
        try {
            ReportValidator validator = new ReportValidator(Clock.systemUTC(), new PhoneNormalizer());
            validator.validate(JsonTrees.read(PRIMING_REPORT),
                    Messages.GERMAN);
            validator.validate(JsonTrees.read("{}"));
            // the steps' bundles and the contacts file, in every language, into the snapshot
            for (Messages messages : Messages.ALL) {
                NextSteps.of("US", messages.locale(), EnumSet.allOf(PaymentMethod.class), true);
                NextSteps.heading(messages.locale());
                messages.text("required");
            }
            // a priming key, never the stack's: the real one is read at the first request (SecretsManagerKey)
            ReporterKeys keys = ReporterKeys.derive("priming-secret-of-some-length");
            keys.reporters().of("priming@example.org", null, null);
            keys.networks().of("203.0.113.7");
            keys.networks().of("2001:db8::1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /partner/reports: the same validation, fingerprint and storage as the public API. */
    public static PartnerBulkService bulkService(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.build(SecretsManagerClient.builder(), env),
                env.require("REPORTER_KEY_SECRET_ARN"));
        Clock clock = Clock.systemUTC();
        return new PartnerBulkService(
                new ReportValidator(clock, new PhoneNormalizer()),
                () -> ReporterKeys.derive(key.get()),
                new DynamoDbReportRepository(dynamoDb, env.require("REPORTS_TABLE"), env.require("REPORTER_DATA_TABLE"),
                        "unused-no-idempotency-keys"),
                clock,
                SubmitReportService.randomReportIds(),
                Duration.ofDays(Long.parseLong(env.require("RETENTION_DAYS"))));
    }

    /**
     * Each partner key's allowance: {@code PARTNER_REPORTS_PER_MINUTE} reports per minute, counted
     * in an item per key and minute of the partner keys table ({@code rate#<keyId>#<minute>}, TTL).
     */
    public static PartnerRateLimit partnerRateLimit(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        String table = env.require("PARTNER_KEYS_TABLE");
        long perMinute = Long.parseLong(env.getOrDefault("PARTNER_REPORTS_PER_MINUTE", "2000"));
        return (keyId, reports) -> {
            long minute = Instant.now().getEpochSecond() / 60;
            try {
                dynamoDb.updateItem(b -> b.tableName(table)
                        .key(Map.of("keyId", AttributeValue.fromS("rate#" + keyId + "#" + minute)))
                        .updateExpression("ADD reports :n SET expiresAt = :ttl")
                        .conditionExpression("attribute_not_exists(reports) OR reports <= :room")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(reports)),
                                ":ttl", AttributeValue.fromN(Long.toString((minute + 2) * 60)),
                                ":room", AttributeValue.fromN(Long.toString(perMinute - reports)))));
                return reports <= perMinute;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        };
    }

    /**
     * ORIGIN_VERIFY_SECRET_ARN, set when CloudFront is in front: the generated secret CloudFront
     * sends as X-Origin-Verify, read at the first request; null (no check) when unset or empty.
     */
    public static Supplier<String> originVerifySecret(FunctionEnvironment env) {
        String arn = env.get("ORIGIN_VERIFY_SECRET_ARN");
        if (arn == null || arn.isEmpty()) {
            return null;
        }
        return new SecretsManagerKey(AwsClients.build(SecretsManagerClient.builder(), env), arn);
    }

    /**
     * REPORTER_KEY_SECRET_ARN names the stack's generated key (the variable holds its ARN, never the
     * key); RATE_LIMIT_TABLE and RATE_LIMIT_PER_HOUR the per-network limit.
     */
    public static SubmitReportService service(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        // the client is built here (its classes go into a SnapStart snapshot); the key is read at first use
        SecretsManagerKey key = new SecretsManagerKey(AwsClients.build(SecretsManagerClient.builder(), env),
                env.require("REPORTER_KEY_SECRET_ARN"));
        Clock clock = Clock.systemUTC();
        return new SubmitReportService(
                new ReportValidator(clock, new PhoneNormalizer()),
                () -> ReporterKeys.derive(key.get()),
                new DynamoDbReportRepository(dynamoDb, env.require("REPORTS_TABLE"), env.require("REPORTER_DATA_TABLE"),
                        env.require("IDEMPOTENCY_TABLE")),
                new DynamoDbRateLimiter(dynamoDb, env.require("RATE_LIMIT_TABLE"),
                        Integer.parseInt(env.getOrDefault("RATE_LIMIT_PER_HOUR", "20"))),
                clock,
                SubmitReportService.randomReportIds(),
                Duration.ofDays(Long.parseLong(env.require("RETENTION_DAYS"))));
    }
}
