package io.scamsignal.partnerauth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.aws.JsonLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The decision of the HttpApi's Lambda authorizer for partner routes
 * ({@link io.scamsignal.partnerauth.handler.PartnerAuthHandler}): HTTP Basic with user = key id and password = the key's secret. The partner keys table stores the
 * SHA-256 of the secret only: the secret has 256 random bits, so a plain hash cannot be reversed and
 * needs no salt or stretching. API Gateway caches the answer per authorizer and Authorization
 * header: the contract declares this function twice, for reads ({@code PartnerAuthCacheSeconds}) and
 * for {@code POST /partner/reports} ({@code PartnerWriteAuthCacheSeconds}, at most 60), so a key is
 * looked up once per cache period, and a revoked or narrowed key is refused at the latest when that
 * ends. Nothing here caches.
 *
 * <p>The answer's context names the partner, the key, its scopes as stored ({@code read:<id>,…,
 * submit, victim-network}; the intake enforces {@code submit} and {@code victim-network}) and the
 * collections the key may read ({@code *} for all), which the partner API enforces. A key item
 * without scopes (written before keys had them) reads its {@code collections} and nothing else.
 */
public final class PartnerKeyAuthorizer {

    private static final JsonLog LOG = new JsonLog("partner-auth");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Function<String, Map<String, AttributeValue>> keys;

    /** {@code keys}: a key's item in the partner keys table by key id, empty when there is none. */
    public PartnerKeyAuthorizer(Function<String, Map<String, AttributeValue>> keys) {
        this.keys = keys;
    }

    public ObjectNode authorize(String authorization) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("isAuthorized", false);
        String[] credentials = basic(authorization);
        if (credentials == null) {
            return answer;
        }
        Map<String, AttributeValue> item = keys.apply(credentials[0]);
        if (item.isEmpty() || !"ACTIVE".equals(text(item, "status"))) {
            LOG.info("partner key refused", Map.of("keyId", credentials[0], "reason", item.isEmpty() ? "unknown" : "revoked"));
            return answer;
        }
        byte[] expected = HexFormat.of().parseHex(text(item, "secretSha256"));
        // constant time: no timing oracle for guessing the secret's hash byte by byte
        if (!MessageDigest.isEqual(expected, sha256(credentials[1]))) {
            LOG.info("partner key refused", Map.of("keyId", credentials[0], "reason", "wrong secret"));
            return answer;
        }
        answer.put("isAuthorized", true);
        ObjectNode context = answer.putObject("context");
        context.put("partner", text(item, "partner"));
        context.put("keyId", credentials[0]);
        String scopes = item.containsKey("scopes") ? text(item, "scopes") : readScopes(text(item, "collections"));
        context.put("scopes", scopes);
        context.put("collections", collections(scopes));
        return answer;
    }

    /** The scopes of an item that predates them: read its collections ({@code *} or ids). */
    static String readScopes(String collections) {
        StringBuilder out = new StringBuilder();
        for (String c : (collections.isBlank() ? "*" : collections).split(",")) {
            if (!c.isBlank()) {
                out.append(out.isEmpty() ? "" : ",").append("read:").append(c.strip());
            }
        }
        return out.toString();
    }

    /** The collections a scope string reads: {@code *}, or their ids comma-separated (empty for none). */
    static String collections(String scopes) {
        StringBuilder out = new StringBuilder();
        for (String s : scopes.split(",")) {
            String scope = s.strip();
            if (scope.equals("read:*")) {
                return "*";
            }
            if (scope.startsWith("read:") && scope.length() > 5) {
                out.append(out.isEmpty() ? "" : ",").append(scope.substring(5));
            }
        }
        return out.toString();
    }

    /** {@code [keyId, secret]} of an HTTP Basic header, null for anything else. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon == decoded.length() - 1 || colon > 64) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? "" : v.s();
    }
}
