package io.scamsignal.intake.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.JsonTrees;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.intake.adapter.DynamoDbReportRepository;
import io.scamsignal.intake.service.PartnerBulkService;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
            new ReporterFingerprint("priming-secret-of-some-length").of("priming@example.org", null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POST /partner/reports: the same validation, fingerprint and storage as the public API. */
    public static PartnerBulkService bulkService(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        Clock clock = Clock.systemUTC();
        return new PartnerBulkService(
                new ReportValidator(clock, new PhoneNormalizer()),
                new ReporterFingerprint(env.require("REPORTER_HMAC_SECRET")),
                new DynamoDbReportRepository(dynamoDb, env.require("REPORTS_TABLE"), env.require("REPORTER_DATA_TABLE"),
                        "unused-no-idempotency-keys"),
                clock,
                SubmitReportService.randomReportIds(),
                Duration.ofDays(Long.parseLong(env.require("RETENTION_DAYS"))));
    }

    public static SubmitReportService service(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        Clock clock = Clock.systemUTC();
        return new SubmitReportService(
                new ReportValidator(clock, new PhoneNormalizer()),
                new ReporterFingerprint(env.require("REPORTER_HMAC_SECRET")),
                new DynamoDbReportRepository(dynamoDb, env.require("REPORTS_TABLE"), env.require("REPORTER_DATA_TABLE"),
                        env.require("IDEMPOTENCY_TABLE")),
                clock,
                SubmitReportService.randomReportIds(),
                Duration.ofDays(Long.parseLong(env.require("RETENTION_DAYS"))));
    }
}
