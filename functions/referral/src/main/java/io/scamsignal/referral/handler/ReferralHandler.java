package io.scamsignal.referral.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.referral.ReferralHtml;
import io.scamsignal.domain.referral.ReferralPacket;
import io.scamsignal.domain.referral.ReferralStix;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.referral.config.ReferralConfig;
import io.scamsignal.referral.service.ReferralService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /rings/{ringId}/referral} (AWS IAM authorization at the API): the ring's referral
 * packet as JSON (default), its STIX 2.1 bundle, or the printable HTML page, chosen by
 * {@code ?format=json|stix|html} or else by Accept. Unknown ring: 404; a merged ring's id answers
 * with its survivor's packet. Logs ids and outcome only: a packet holds reporters' contacts.
 */
public final class ReferralHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("referral");
    private static final Pattern PATH = Pattern.compile("^/rings/([^/]+)/referral/?$");
    private static final Pattern RING_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private final ReferralService service;

    public ReferralHandler() {
        this(ReferralConfig.service(FunctionEnvironment.current()));
    }

    ReferralHandler(ReferralService service) {
        this.service = service;
    }

    /** The three renderings of a packet. */
    public enum Format {
        JSON("application/json"), STIX("application/stix+json;version=2.1"), HTML("text/html; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String render(ReferralPacket packet) {
            return switch (this) {
                case JSON -> Json.write(packet);
                case STIX -> Json.write(ReferralStix.bundle(packet));
                case HTML -> ReferralHtml.render(packet);
            };
        }

        /** {@code format} outranks Accept; empty for a format we do not serve. */
        static Optional<Format> choose(String format, String accept) {
            if (format != null && !format.isBlank()) {
                return switch (format.strip().toLowerCase(Locale.ROOT)) {
                    case "json" -> Optional.of(JSON);
                    case "stix" -> Optional.of(STIX);
                    case "html" -> Optional.of(HTML);
                    default -> Optional.empty();
                };
            }
            String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
            if (a.contains("application/stix+json")) {
                return Optional.of(STIX);
            }
            if (a.contains("text/html")) {
                return Optional.of(HTML);
            }
            return Optional.of(JSON);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(Json.mapper().readTree(input)).write(output);
    }

    HttpApiResponse handle(JsonNode event) {
        String requestId = event.at("/requestContext/requestId").asText("local");
        JsonNode headers = event.path("headers");
        Messages messages = Messages.forAcceptLanguage(headers.path("accept-language").asText(null));
        String ringId = event.at("/pathParameters/ringId").asText(null);
        if (ringId == null) {
            Matcher m = PATH.matcher(event.path("rawPath").asText(""));
            ringId = m.matches() ? m.group(1) : null;
        }
        Optional<Format> format = Format.choose(event.at("/queryStringParameters/format").asText(null),
                headers.path("accept").asText(null));
        if (format.isEmpty()) {
            return error(400, "format", "unsupported_format", messages.text("referral.unsupported_format"), requestId);
        }
        Optional<ReferralPacket> packet;
        try {
            packet = ringId == null || !RING_ID.matcher(ringId).matches() ? Optional.empty() : service.packet(ringId);
        } catch (ReferralService.RingMergingException merging) {
            return error(503, "ringId", "ring_merging", messages.text("referral.ring_merging"), requestId);
        }
        if (packet.isEmpty()) {
            return error(404, "ringId", "unknown_ring", messages.text("referral.unknown_ring"), requestId);
        }
        LOG.info("referral packet served", Map.of("requestId", requestId, "ringId", ringId,
                "servedRingId", packet.get().ring().ringId(), "format", format.get().name().toLowerCase(Locale.ROOT),
                "reports", packet.get().ring().reports()));
        return new HttpApiResponse(200, Map.of("Content-Type", format.get().contentType(), "Cache-Control", "no-store",
                "Content-Disposition", "inline; filename=\"referral-" + packet.get().ring().ringId() + "."
                        + switch (format.get()) { case JSON -> "json"; case STIX -> "stix.json"; case HTML -> "html"; } + "\""),
                format.get().render(packet.get()));
    }

    private static HttpApiResponse error(int status, String field, String code, String message, String requestId) {
        LOG.info("referral request answered", Map.of("requestId", requestId, "status", status, "outcome", code));
        return new HttpApiResponse(status, Map.of("Content-Type", "application/json"),
                Json.write(Map.of("errors", List.of(Map.of("field", field, "code", code, "message", message)))));
    }
}
