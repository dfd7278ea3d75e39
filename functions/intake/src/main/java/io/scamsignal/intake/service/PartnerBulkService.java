package io.scamsignal.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.JsonTrees;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.domain.report.ReportSubmission;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.ValidationResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * POST /partner/reports: newline-delimited JSON from a partner organisation, each line a report
 * validated exactly as POST /reports validates one, each answered on its own (its id, or its
 * errors). Accepted lines are stored with the organisation's name. A victim's e-mail address gives
 * the same reporter fingerprint as through the public API, so one person reporting through two
 * channels counts once; a line without one counts as a reporter of its own.
 */
public final class PartnerBulkService {

    public static final int MAX_LINES = 500;
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    /** One line's answer: {@code reportId} when stored, {@code errors} otherwise. */
    public record LineResult(int line, String reportId, List<FieldError> errors) {
    }

    public record BulkResponse(int status, List<LineResult> results, int accepted, int rejected, FieldError error) {
    }

    private final ReportValidator validator;
    private final Supplier<ReporterKeys> keys;
    private final ReportRepository repository;
    private final Clock clock;
    private final Supplier<String> reportIds;
    private final Duration retention;

    public PartnerBulkService(ReportValidator validator, Supplier<ReporterKeys> keys, ReportRepository repository,
                              Clock clock, Supplier<String> reportIds, Duration retention) {
        this.validator = validator;
        this.keys = keys;
        this.repository = repository;
        this.clock = clock;
        this.reportIds = reportIds;
        this.retention = retention;
    }

    /**
     * @param organisation the partner the authorizer named for the key
     * @param sourceIp     the partner's server, used only for lines without an e-mail address
     */
    public BulkResponse submit(byte[] body, String contentType, String acceptLanguage, String organisation,
                               String sourceIp) {
        Messages messages = Messages.forAcceptLanguage(acceptLanguage);
        String mediaType = SubmitReportService.mediaType(contentType);
        if (!mediaType.equals("application/x-ndjson") && !mediaType.equals("application/jsonl")) {
            return failure(415, "unsupported_media_type", messages.text("bulk.unsupported_media_type"));
        }
        if (body.length > MAX_BODY_BYTES) {
            return failure(413, "body_too_large", messages.text("bulk.too_large", MAX_BODY_BYTES / 1024 / 1024));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return failure(400, "invalid_encoding", messages.text("invalid_encoding"));
        }
        List<String> lines = text.lines().toList();
        long reports = lines.stream().filter(l -> !l.isBlank()).count();
        if (reports == 0) {
            return failure(400, "empty_body", messages.text("bulk.empty"));
        }
        if (reports > MAX_LINES) {
            return failure(413, "too_many_lines", messages.text("bulk.too_many_lines", MAX_LINES));
        }
        List<LineResult> results = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            LineResult result = line(i + 1, line, messages, organisation, sourceIp);
            results.add(result);
            if (result.reportId() != null) {
                accepted++;
            }
        }
        return new BulkResponse(200, results, accepted, results.size() - accepted, null);
    }

    private LineResult line(int number, String line, Messages messages, String organisation, String sourceIp) {
        if (line.getBytes(StandardCharsets.UTF_8).length > SubmitReportService.MAX_BODY_BYTES) {
            return new LineResult(number, null, List.of(new FieldError("", "body_too_large", messages.text("body_too_large"))));
        }
        JsonNode tree;
        try {
            tree = JsonTrees.read(line);
        } catch (JsonProcessingException e) {
            return new LineResult(number, null, List.of(new FieldError("", "malformed_json", messages.text("malformed_json"))));
        }
        return switch (validator.validate(tree, messages)) {
            case ValidationResult.Invalid invalid -> new LineResult(number, null, invalid.errors());
            case ValidationResult.Valid valid -> new LineResult(number, store(valid.submission(), organisation, sourceIp), null);
        };
    }

    private String store(ReportSubmission submission, String organisation, String sourceIp) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reportId = reportIds.get();
        ReporterKeys k = keys.get();
        // without the victim's address every line is a reporter of its own, not one per partner server
        String reporter = k.reporters().of(submission.reporter().email(), "org:" + organisation + "|" + sourceIp, reportId);
        // the reports arrive from the partner's servers: their network is the organisation's, one source
        // of its own for the per-network rules
        String network = k.networks() == null ? null : k.networks().of(sourceIp).orElse(null);
        StoredReport report = StoredReport.of(reportId, receivedAt, submission, reporter, network).fromSource(organisation);
        Instant expiresAt = receivedAt.plus(retention);
        ReporterContact contact = new ReporterContact(reportId, submission.reporter().email(),
                submission.reporter().name(), submission.reporter().contactConsent(), null, null, expiresAt,
                submission.reporter().email() == null ? null : reporter,
                submission.reporter().lawEnforcementContactConsent());
        repository.saveFromOrganisation(report, contact, expiresAt, organisation);
        return reportId;
    }

    private static BulkResponse failure(int status, String code, String message) {
        return new BulkResponse(status, List.of(), 0, 0, new FieldError("", code, message));
    }
}
