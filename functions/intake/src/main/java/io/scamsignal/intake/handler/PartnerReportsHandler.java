package io.scamsignal.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.aws.EmfMetrics;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.partner.PartnerScopes;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.intake.config.IntakeConfig;
import io.scamsignal.intake.service.PartnerBulkService;
import io.scamsignal.intake.service.PartnerRateLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * POST /partner/reports behind the partner-key authorizer: the authorizer's context names the
 * organisation and the key's scopes. A key without {@code submit} gets 403
 * {@code insufficient_scope} and nothing is stored; {@code victim-network} decides whether a line's
 * {@code victimIp} counts as the victim's network. Answers 200 with one result per line (or 4xx for
 * the request as a whole).
 */
public final class PartnerReportsHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("partner-reports");
    private static final EmfMetrics METRICS = new EmfMetrics("partner-reports");
    private final PartnerBulkService service;
    private final PartnerRateLimit rateLimit;

    public PartnerReportsHandler() {
        this(FunctionEnvironment.current());
    }

    private PartnerReportsHandler(FunctionEnvironment env) {
        this(IntakeConfig.bulkService(env), IntakeConfig.partnerRateLimit(env));
    }

    PartnerReportsHandler(PartnerBulkService service, PartnerRateLimit rateLimit) {
        this.service = service;
        this.rateLimit = rateLimit;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(Json.mapper().readTree(input), context == null ? "local" : context.getAwsRequestId()).write(output);
    }

    HttpApiResponse handle(JsonNode event, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                h.getValue().asText()));
        String text = event.path("body").asText("");
        byte[] body;
        try {
            body = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            body = new byte[0];
        }
        JsonNode auth = event.path("requestContext").path("authorizer").path("lambda");
        String organisation = auth.path("partner").asText("");
        if (organisation.isEmpty()) {
            // the authorizer always names the partner; without it the route is misconfigured
            return json(403, Map.of("errors", List.of(Map.of("field", "", "code", "forbidden", "message", "No partner key."))));
        }
        String scopes = auth.path("scopes").asText("");
        if (!PartnerScopes.grants(scopes, PartnerScopes.SUBMIT)) {
            // before the rate limit and the body: a key that may not write takes nothing and stores nothing
            LOG.info("bulk reports refused", Map.of("requestId", requestId, "keyId", auth.path("keyId").asText(""),
                    "reason", "insufficient_scope"));
            return json(403, Map.of("errors", List.of(Map.of("field", "", "code", "insufficient_scope",
                    "message", Messages.forAcceptLanguage(headers.get("accept-language")).text("bulk.insufficient_scope")))));
        }
        // a partner's reports come from its servers, not from victims' networks: the key's own limit
        // applies, per minute and counted in reports (lines), not the public per-network one
        int lines = (int) new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        if (lines > 0 && lines <= PartnerBulkService.MAX_LINES && !rateLimit.take(auth.path("keyId").asText(organisation), lines)) {
            LOG.info("bulk reports rate-limited", Map.of("requestId", requestId, "keyId", auth.path("keyId").asText(""),
                    "lines", lines));
            return new HttpApiResponse(429, Map.of("content-type", "application/json; charset=utf-8",
                    "cache-control", "no-store", "retry-after", "60"), Json.write(Map.of("errors", List.of(Map.of(
                    "field", "", "code", "rate_limited",
                    "message", Messages.forAcceptLanguage(headers.get("accept-language"))
                            .text("bulk.rate_limited"))))));
        }
        PartnerBulkService.BulkResponse response = service.submit(body, headers.get("content-type"),
                headers.get("accept-language"), organisation, event.path("requestContext").path("http").path("sourceIp").asText(""),
                PartnerScopes.grants(scopes, PartnerScopes.VICTIM_NETWORK));
        LOG.info("bulk reports answered", Map.of("requestId", requestId, "keyId", auth.path("keyId").asText(""),
                "status", response.status(), "accepted", response.accepted(), "rejected", response.rejected()));
        METRICS.count("PartnerBulkRequests", Map.of());
        if (response.error() != null) {
            return json(response.status(), Map.of("errors", List.of(response.error())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", response.accepted());
        out.put("rejected", response.rejected());
        out.put("results", response.results().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", r.line());
            if (r.reportId() != null) {
                m.put("reportId", r.reportId());
            } else {
                m.put("errors", r.errors());
            }
            return m;
        }).toList());
        return json(200, out);
    }

    private static HttpApiResponse json(int status, Object body) {
        return new HttpApiResponse(status, Map.of("content-type", "application/json; charset=utf-8",
                "cache-control", "no-store", "x-content-type-options", "nosniff"), Json.write(body));
    }
}
