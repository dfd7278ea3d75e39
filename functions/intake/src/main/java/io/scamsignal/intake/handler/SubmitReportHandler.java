package io.scamsignal.intake.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.scamsignal.aws.EmfMetrics;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.intake.config.IntakeConfig;
import io.scamsignal.intake.service.IntakeRequest;
import io.scamsignal.intake.service.IntakeResponse;
import io.scamsignal.intake.service.SubmitReportService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** POST /reports behind an HTTP API (payload format 2.0). Decodes, calls the service, encodes. */
public final class SubmitReportHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

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

    public SubmitReportHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner, which hands the function the environment its template entry declares. */
    public SubmitReportHandler(Map<String, String> environment) {
        this(new FunctionEnvironment(environment));
    }

    private SubmitReportHandler(FunctionEnvironment environment) {
        this(IntakeConfig.service(environment));
        Priming.register(IntakeConfig::prime);
    }

    SubmitReportHandler(SubmitReportService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> headers = lowerCase(event.getHeaders());
        // a form page in one language says so in its action (?lang=de): it outranks the browser's languages
        String lang = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("lang");
        if (lang != null && (lang.equals("de") || lang.equals("en"))) {
            headers.put("accept-language", lang);
        }
        String requestId = context == null ? "local" : context.getAwsRequestId();
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        IntakeRequest request = new IntakeRequest(body(event), headers.get("content-type"),
                headers.get("accept-language"), headers.get("idempotency-key"),
                http == null ? null : http.getSourceIp(), http == null ? null : http.getUserAgent(), requestId);
        IntakeResponse response = service.submit(request);
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
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(HTML_HEADERS)
                    .withBody(HtmlPages.render(response, Messages.forAcceptLanguage(headers.get("accept-language"))))
                    .withIsBase64Encoded(false)
                    .build();
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(response.body()))
                .withIsBase64Encoded(false)
                .build();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> result = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        }
        return result;
    }

}
