package io.scamsignal.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.aws.EmfMetrics;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.HttpApiEvent;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.intake.config.IntakeConfig;
import io.scamsignal.intake.service.IntakeRequest;
import io.scamsignal.intake.service.IntakeResponse;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * POST /reports behind an HTTP API (payload format 2.0). Decodes, calls the service, encodes. A
 * stream handler: it reads the event's JSON itself, so Lambda loads no event serialisation.
 */
public final class SubmitReportHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("intake");
    private static final EmfMetrics METRICS = new EmfMetrics("intake");
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff");
    private static final Map<String, String> HTML_HEADERS = Map.of(
            "content-type", "text/html; charset=utf-8",
            "cache-control", "no-store",
            "x-content-type-options", "nosniff",
            "content-security-policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
    private final SubmitReportService service;
    /**
     * Behind CloudFront with AWS WAF (template parameter WebAclArn): the secret CloudFront sends as
     * X-Origin-Verify, read at the first request; null without the CDN.
     */
    private final Supplier<byte[]> originSecret;

    /** Lambda's construction path, and the local runner's: the environment is {@link FunctionEnvironment#current()}. */
    public SubmitReportHandler() {
        this(FunctionEnvironment.current());
    }

    private SubmitReportHandler(FunctionEnvironment environment) {
        this(IntakeConfig.service(environment), IntakeConfig.originVerifySecret(environment));
        Priming.register(IntakeConfig::prime);
    }

    SubmitReportHandler(SubmitReportService service) {
        this(service, (String) null);
    }

    /** {@code originSecret}: when set, only requests that came through the CDN (carrying it) are served. */
    SubmitReportHandler(SubmitReportService service, String originSecret) {
        this(service, originSecret == null || originSecret.isEmpty() ? null : (Supplier<String>) () -> originSecret);
    }

    private SubmitReportHandler(SubmitReportService service, Supplier<String> originSecret) {
        this.service = service;
        this.originSecret = originSecret == null ? null : () -> originSecret.get().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(HttpApiEvent.read(input), context == null ? "local" : context.getAwsRequestId()).write(output);
    }

    HttpApiResponse handle(HttpApiEvent event, String requestId) {
        Map<String, String> headers = new HashMap<>(event.headers());
        // a form page in one language says so in its action (?lang=de): it outranks the browser's languages
        String lang = event.queryString().get("lang");
        if (lang != null && Messages.forLanguage(lang) != null) {
            headers.put("accept-language", lang);
        }
        String sourceIp = event.sourceIp();
        IntakeResponse response;
        if (originSecret != null && !fromCdn(headers.get("x-origin-verify"))) {
            // WAF is in front of the CDN: a request straight to the API's own endpoint went around it
            response = IntakeResponse.error(403, "", "forbidden",
                    Messages.forAcceptLanguage(headers.get("accept-language")).text("forbidden"));
        } else {
            if (originSecret != null && headers.get("cloudfront-viewer-address") != null) {
                sourceIp = viewerIp(headers.get("cloudfront-viewer-address"));
            }
            response = service.submit(new IntakeRequest(event.bodyBytes(), headers.get("content-type"),
                    headers.get("accept-language"), headers.get("idempotency-key"), sourceIp, event.userAgent(),
                    requestId));
        }
        LOG.info("report request answered", response.body() instanceof IntakeResponse.Accepted accepted
                ? Map.of("requestId", requestId, "status", response.status(), "outcome", response.outcome(),
                        "reportId", accepted.reportId())
                : Map.of("requestId", requestId, "status", response.status(), "outcome", response.outcome()));
        switch (response.outcome()) {
            case "accepted" -> METRICS.count("ReportsAccepted", Map.of());
            case "replayed" -> METRICS.count("IdempotentReplays", Map.of());
            case "honeypot" -> METRICS.count("HoneypotHits", Map.of());
            default -> METRICS.count("ReportsRejected", Map.of("ErrorCode", response.outcome()));
        }
        if (HtmlPages.wanted(headers.get("accept"), headers.get("content-type"))) {
            return new HttpApiResponse(response.status(), withRetryAfter(HTML_HEADERS, response),
                    HtmlPages.render(response, Messages.forAcceptLanguage(headers.get("accept-language"))));
        }
        return new HttpApiResponse(response.status(), withRetryAfter(JSON_HEADERS, response),
                IntakeResponseJson.write(response.body()));
    }

    private static Map<String, String> withRetryAfter(Map<String, String> headers, IntakeResponse response) {
        if (response.retryAfterSeconds() == null) {
            return headers;
        }
        Map<String, String> with = new HashMap<>(headers);
        with.put("retry-after", Long.toString(response.retryAfterSeconds()));
        return with;
    }

    private boolean fromCdn(String header) {
        return header != null && MessageDigest.isEqual(originSecret.get(),
                header.getBytes(StandardCharsets.UTF_8));
    }

    /** CloudFront-Viewer-Address is ip:port (an IPv6 address has colons of its own). */
    static String viewerIp(String address) {
        int port = address.lastIndexOf(':');
        return port > 0 ? address.substring(0, port) : address;
    }


}
