package io.scamsignal.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.Lazy;
import io.scamsignal.domain.json.JsonTrees;
import io.scamsignal.domain.nextsteps.NextStep;
import io.scamsignal.domain.nextsteps.NextSteps;
import io.scamsignal.domain.report.Messages;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/** Validates one submitted report and stores it; the outcome is the HTTP answer the form gets. */
public final class SubmitReportService {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ReportValidator validator;
    private final Supplier<ReporterKeys> keys;
    private final ReportRepository repository;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Supplier<String> reportIds;
    private final Duration retention;

    /** Without network fingerprints or a rate limit (tests of everything else). */
    public SubmitReportService(ReportValidator validator, ReporterFingerprint fingerprint, ReportRepository repository,
                               Clock clock, Supplier<String> reportIds, Duration retention) {
        this(validator, () -> new ReporterKeys(fingerprint, null), repository, RateLimiter.none(), clock, reportIds,
                retention);
    }

    /**
     * @param keys read at the first report, not before: the key comes from Secrets Manager and must
     *             never be fetched while a SnapStart snapshot is being taken (see {@link Lazy})
     */
    public SubmitReportService(ReportValidator validator, Supplier<ReporterKeys> keys, ReportRepository repository,
                               RateLimiter rateLimiter, Clock clock, Supplier<String> reportIds, Duration retention) {
        this.validator = validator;
        this.keys = Lazy.of(keys);
        this.repository = repository;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.reportIds = reportIds;
        this.retention = retention;
    }

    public static Supplier<String> randomReportIds() {
        return () -> UUID.randomUUID().toString();
    }

    public IntakeResponse submit(IntakeRequest request) {
        Messages messages = Messages.forAcceptLanguage(request.acceptLanguage());
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > MAX_BODY_BYTES) {
            return IntakeResponse.error(413, "", "body_too_large", messages.text("body_too_large"));
        }
        String mediaType = mediaType(request.contentType());
        if (!mediaType.equals("application/json") && !mediaType.equals("application/x-www-form-urlencoded")) {
            return IntakeResponse.error(415, "", "unsupported_media_type", messages.text("unsupported_media_type"));
        }
        if (request.idempotencyKey() != null && !IDEMPOTENCY_KEY.matcher(request.idempotencyKey()).matches()) {
            return IntakeResponse.error(400, "Idempotency-Key", "invalid_idempotency_key",
                    messages.text("idempotency.invalid"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return IntakeResponse.error(400, "", "invalid_encoding", messages.text("invalid_encoding"));
        }
        JsonNode tree;
        if (mediaType.equals("application/json")) {
            try {
                tree = JsonTrees.read(text);
            } catch (JsonProcessingException e) {
                return IntakeResponse.error(400, "", "malformed_json", messages.text("malformed_json"));
            }
        } else {
            try {
                tree = FormBody.parse(text);
            } catch (IllegalArgumentException e) {
                return IntakeResponse.error(400, "", "malformed_form", messages.text("malformed_form"));
            }
            // the form's date as the person writes dates (a text field without JavaScript)
            FormDates.normalise((ObjectNode) tree, messages);
        }
        JsonNode form = mediaType.equals("application/x-www-form-urlencoded") ? tree : null;
        return switch (validator.validate(tree, messages)) {
            case ValidationResult.Invalid invalid -> IntakeResponse.invalid(form == null ? invalid.errors()
                    : FormDates.explain(invalid.errors(), (ObjectNode) form, messages));
            case ValidationResult.Valid valid -> accept(valid.submission(), request, mediaType, body, messages);
        };
    }

    private IntakeResponse accept(ReportSubmission submission, IntakeRequest request, String mediaType, byte[] body,
                                  Messages messages) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reportId = reportIds.get();
        // from the country, the language, the payment methods and whether a tool was named: nothing personal
        List<NextStep> nextSteps = NextSteps.of(submission.country(), messages.locale(),
                submission.loss().paymentMethods(), !submission.scammer().remoteAccessTools().isEmpty());
        if (submission.honeypotHit()) {
            // a bot filled the hidden field: it is told nothing, and nothing is kept
            return IntakeResponse.honeypot(reportId, receivedAt, nextSteps);
        }
        ReporterKeys k = keys.get();
        String reporterFingerprint = k.reporters().of(submission.reporter().email(), request.sourceIp(),
                request.userAgent());
        // counted on: a rented (cloud, VPN) range's one network, else the address's prefix
        String network = k.networks() == null ? null : k.networks().of(request.sourceIp()).orElse(null);
        // limited per the address's own prefix even in a rented range, so VPN users do not share one quota
        String quota = k.networks() == null ? null : k.networks().ofAddress(request.sourceIp()).orElse(null);
        // after validation (a refused report takes no quota) and before the write (an accepted report
        // is never refused afterwards); a retry of a known Idempotency-Key is answered as before, unlimited
        if (quota != null && (request.idempotencyKey() == null
                || !repository.idempotencyKeyKnown(request.idempotencyKey(), receivedAt))
                && rateLimiter.acquire(quota, receivedAt) instanceof RateLimiter.Decision.Limited limited) {
            return IntakeResponse.rateLimited(limited.retryAfter().toSeconds(), messages.text("rate_limited"));
        }
        StoredReport report = StoredReport.of(reportId, receivedAt, submission, reporterFingerprint, network);
        Instant expiresAt = receivedAt.plus(retention);
        ReporterContact contact = new ReporterContact(reportId, submission.reporter().email(),
                submission.reporter().name(), submission.reporter().contactConsent(), request.sourceIp(),
                request.userAgent(), expiresAt, submission.reporter().email() == null ? null : reporterFingerprint,
                submission.reporter().lawEnforcementContactConsent());
        ReportRepository.IdempotencyClaim claim = request.idempotencyKey() == null ? null
                : new ReportRepository.IdempotencyClaim(request.idempotencyKey(), requestHash(mediaType, body),
                receivedAt.plus(IDEMPOTENCY_WINDOW));
        return switch (repository.save(report, contact, expiresAt, claim)) {
            case ReportRepository.SaveResult.Saved saved -> IntakeResponse.accepted(reportId, receivedAt, nextSteps);
            case ReportRepository.SaveResult.Replayed replayed ->
                    IntakeResponse.replayed(replayed.reportId(), replayed.receivedAt(), nextSteps);
            case ReportRepository.SaveResult.KeyReused reused ->
                    IntakeResponse.error(409, "Idempotency-Key", "idempotency_key_reused", messages.text("idempotency.reused"));
        };
    }

    /** The same request is the same media type and the same bytes. */
    static String requestHash(String mediaType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(mediaType.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
