package io.scamsignal.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportSubmission;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.ValidationResult;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/** Validates one submitted report and stores it; the outcome is the HTTP answer the form gets. */
public final class SubmitReportService {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ReportValidator validator;
    private final ReporterFingerprint fingerprint;
    private final ReportRepository repository;
    private final Clock clock;
    private final Supplier<String> reportIds;
    private final Duration retention;

    public SubmitReportService(ReportValidator validator, ReporterFingerprint fingerprint, ReportRepository repository,
                               Clock clock, Supplier<String> reportIds, Duration retention) {
        this.validator = validator;
        this.fingerprint = fingerprint;
        this.repository = repository;
        this.clock = clock;
        this.reportIds = reportIds;
        this.retention = retention;
    }

    public static Supplier<String> randomReportIds() {
        return () -> UUID.randomUUID().toString();
    }

    public IntakeResponse submit(IntakeRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > MAX_BODY_BYTES) {
            return IntakeResponse.error(413, "", "body_too_large", "A report may be at most 64 KiB.");
        }
        String mediaType = mediaType(request.contentType());
        if (!mediaType.equals("application/json") && !mediaType.equals("application/x-www-form-urlencoded")) {
            return IntakeResponse.error(415, "", "unsupported_media_type",
                    "Send the report as application/json or application/x-www-form-urlencoded.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return IntakeResponse.error(400, "", "invalid_encoding", "The body must be UTF-8.");
        }
        JsonNode tree;
        if (mediaType.equals("application/json")) {
            try {
                tree = READER.readTree(text);
            } catch (JsonProcessingException e) {
                return IntakeResponse.error(400, "", "malformed_json", "The body is not valid JSON.");
            }
        } else {
            try {
                tree = FormBody.parse(text);
            } catch (IllegalArgumentException e) {
                return IntakeResponse.error(400, "", "malformed_form", "The form body is not validly encoded.");
            }
        }
        return switch (validator.validate(tree)) {
            case ValidationResult.Invalid invalid -> IntakeResponse.invalid(invalid.errors());
            case ValidationResult.Valid valid -> accept(valid.submission(), request);
        };
    }

    private IntakeResponse accept(ReportSubmission submission, IntakeRequest request) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reportId = reportIds.get();
        if (submission.honeypotHit()) {
            // a bot filled the hidden field: it is told nothing, and nothing is kept
            return IntakeResponse.accepted(reportId, receivedAt);
        }
        String reporterFingerprint = fingerprint.of(submission.reporter().email(), request.sourceIp(),
                request.userAgent());
        StoredReport report = StoredReport.of(reportId, receivedAt, submission, reporterFingerprint);
        Instant expiresAt = receivedAt.plus(retention);
        ReporterContact contact = new ReporterContact(reportId, submission.reporter().email(),
                submission.reporter().name(), submission.reporter().contactConsent(), request.sourceIp(),
                request.userAgent(), expiresAt);
        repository.save(report, contact, expiresAt);
        return IntakeResponse.accepted(reportId, receivedAt);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
