package io.scamsignal.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Counts distinct reporters without keeping who they are: an HMAC of the reporter's e-mail, or of
 * IP and user agent when no e-mail was given, under a secret from configuration.
 */
public final class ReporterFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    /** A keyed Mac per thread: building and keying one costs more than the HMAC itself. */
    private final ThreadLocal<Mac> macs;

    public ReporterFingerprint(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the reporter fingerprint secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    public String of(String reporterEmail, String sourceIp, String userAgent) {
        String subject = reporterEmail != null && !reporterEmail.isBlank()
                ? "email:" + reporterEmail.strip().toLowerCase(Locale.ROOT)
                : "client:" + nullToEmpty(sourceIp) + "|" + nullToEmpty(userAgent);
        byte[] digest = macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
