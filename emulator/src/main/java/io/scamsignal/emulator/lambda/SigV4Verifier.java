package io.scamsignal.emulator.lambda;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What API Gateway does for a route with AWS IAM authorization, for the local credentials: the
 * request's Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 …}, service
 * {@code execute-api}) recomputed from the request with the local secret and compared. Anything
 * else (no signature, another key, a changed request, a date more than 15 minutes off) is refused.
 * Whether the signer may invoke the route (IAM policies) is not emulated: the local key may.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request\\s*,\\s*"
                    + "SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(15);
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;

    public SigV4Verifier(String accessKeyId, String secretAccessKey, String region) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
    }

    /**
     * @param header   a request header's values joined by commas (null when absent), by lower-case name
     * @param rawPath  the request path as sent; {@code rawQuery} may be null
     * @return null when the signature is valid, else why not (for the local log)
     */
    public String refusal(String method, String rawPath, String rawQuery, Function<String, String> header, byte[] body,
                          Instant now) {
        String authorization = header.apply("authorization");
        if (authorization == null) {
            return "not signed";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "not a Signature Version 4 authorization";
        }
        String keyId = m.group(1);
        String date = m.group(2);
        String signingRegion = m.group(3);
        String service = m.group(4);
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        if (!keyId.equals(accessKeyId) || !signingRegion.equals(region) || !service.equals("execute-api")) {
            return "signed for another key, region or service";
        }
        String amzDate = header.apply("x-amz-date");
        if (amzDate == null || !signedHeaders.contains("host")) {
            return "x-amz-date missing or host not signed";
        }
        try {
            Instant signedAt = Instant.from(AMZ_DATE.parse(amzDate));
            if (Duration.between(signedAt, now).abs().compareTo(SKEW) > 0 || !amzDate.startsWith(date)) {
                return "signature date out of range";
            }
        } catch (DateTimeParseException e) {
            return "x-amz-date unreadable";
        }
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            String value = header.apply(name);
            if (value == null) {
                return "signed header " + name + " missing";
            }
            headers.append(name).append(':').append(value.strip().replaceAll("\\s+", " ")).append('\n');
        }
        String payloadHash = header.apply("x-amz-content-sha256");
        if (payloadHash == null || payloadHash.equals("UNSIGNED-PAYLOAD")) {
            payloadHash = hex(sha256(body));
        }
        String canonicalRequest = String.join("\n", method, canonicalPath(rawPath), canonicalQuery(rawQuery),
                headers.toString(), String.join(";", signedHeaders), payloadHash);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII)) ? null : "signature does not match";
    }

    /** Each segment URI-encoded once more, as signers do for every service but S3. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            sorted.computeIfAbsent(encode(name), n -> new ArrayList<>()).add(encode(value));
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX (upper case). */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
