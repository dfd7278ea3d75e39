package io.scamsignal.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.json.JsonTrees;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.domain.report.NetworkFingerprint;
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
 *
 * <p>Networks: a partner's reports come from its servers, not from its victims' networks. A line
 * may name the victim's address in {@code victimIp} (partner lines only; the public API refuses the
 * field). For a key with the scope {@code victim-network} (the operator's statement that this
 * partner passes real victim addresses) its network is then fingerprinted exactly as the public API
 * fingerprints a reporter's source address, so a victim who reports through both counts on one
 * network, and the raw address is kept only where the public API keeps reporters' addresses (the
 * reporter data table, with the e-mail, expiring with the report). Every other line, and every line
 * of any other key, counts on its organisation's network ({@link NetworkFingerprint#ofOrganisation}),
 * one per organisation whichever of its servers sends: a key cannot make up networks by naming a
 * different address on each line. Such a key's {@code victimIp} is still checked, and not kept.
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
     * @param sourceIp      the partner's server: only part of a line's own reporter fingerprint when it has
     *                      no e-mail address; never its network, never stored
     * @param victimNetwork the key's scope {@code victim-network}: a line's victimIp counts as its network
     */
    public BulkResponse submit(byte[] body, String contentType, String acceptLanguage, String organisation,
                               String sourceIp, boolean victimNetwork) {
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
            LineResult result = line(i + 1, line, messages, organisation, sourceIp, victimNetwork);
            results.add(result);
            if (result.reportId() != null) {
                accepted++;
            }
        }
        return new BulkResponse(200, results, accepted, results.size() - accepted, null);
    }

    /** The partner-only field: the victim's IP address, for the network fingerprint. */
    public static final String VICTIM_IP = "victimIp";

    private LineResult line(int number, String line, Messages messages, String organisation, String sourceIp,
                            boolean victimNetwork) {
        if (line.getBytes(StandardCharsets.UTF_8).length > SubmitReportService.MAX_BODY_BYTES) {
            return new LineResult(number, null, List.of(new FieldError("", "body_too_large", messages.text("body_too_large"))));
        }
        JsonNode tree;
        try {
            tree = JsonTrees.read(line);
        } catch (JsonProcessingException e) {
            return new LineResult(number, null, List.of(new FieldError("", "malformed_json", messages.text("malformed_json"))));
        }
        // taken out before validation: the report itself is validated exactly as the public API's
        JsonNode victimIp = tree instanceof ObjectNode object ? object.remove(VICTIM_IP) : null;
        FieldError ipError = victimIp == null || victimIp.isNull() || (victimIp.isTextual()
                && victimIp.asText().length() <= 64 && NetworkFingerprint.isAddress(victimIp.asText())) ? null
                : new FieldError(VICTIM_IP, "invalid_victim_ip", messages.text("bulk.invalid_victim_ip"));
        // only a key trusted with victims' addresses has its lines counted (and their addresses kept) by them
        String victim = !victimNetwork || victimIp == null || victimIp.isNull() ? null : victimIp.asText().strip();
        return switch (validator.validate(tree, messages)) {
            case ValidationResult.Invalid invalid -> {
                List<FieldError> errors = new ArrayList<>(invalid.errors());
                if (ipError != null) {
                    errors.add(ipError);
                }
                yield new LineResult(number, null, errors);
            }
            case ValidationResult.Valid valid -> ipError != null ? new LineResult(number, null, List.of(ipError))
                    : new LineResult(number, store(valid.submission(), organisation, sourceIp, victim), null);
        };
    }

    private String store(ReportSubmission submission, String organisation, String sourceIp, String victimIp) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reportId = reportIds.get();
        ReporterKeys k = keys.get();
        // without the victim's address every line is a reporter of its own, not one per partner server
        String reporter = k.reporters().of(submission.reporter().email(), "org:" + organisation + "|" + sourceIp, reportId);
        // the reports arrive from the partner's servers: the victim's network when the line names it (the
        // same fingerprint as a public report from there), else the organisation's, one source of its own
        String network = k.networks() == null ? null : victimIp != null ? k.networks().of(victimIp).orElseThrow()
                : k.networks().ofOrganisation(organisation);
        StoredReport report = StoredReport.of(reportId, receivedAt, submission, reporter, network).fromSource(organisation);
        Instant expiresAt = receivedAt.plus(retention);
        ReporterContact contact = new ReporterContact(reportId, submission.reporter().email(),
                submission.reporter().name(), submission.reporter().contactConsent(), victimIp, null, expiresAt,
                submission.reporter().email() == null ? null : reporter,
                submission.reporter().lawEnforcementContactConsent());
        repository.saveFromOrganisation(report, contact, expiresAt, organisation);
        return reportId;
    }

    private static BulkResponse failure(int status, String code, String message) {
        return new BulkResponse(status, List.of(), 0, 0, new FieldError("", code, message));
    }
}
