package io.scamsignal.domain.report;

import java.util.Locale;

/**
 * Counts distinct reporters without keeping who they are: an HMAC of the reporter's e-mail, or of
 * IP and user agent when no e-mail was given, under a secret from configuration.
 */
public final class ReporterFingerprint {

    private final KeyedHash hash;

    public ReporterFingerprint(String secret) {
        this.hash = new KeyedHash(secret, "reporter fingerprint", 16);
    }

    public String of(String reporterEmail, String sourceIp, String userAgent) {
        String subject = reporterEmail != null && !reporterEmail.isBlank()
                ? "email:" + reporterEmail.strip().toLowerCase(Locale.ROOT)
                : "client:" + nullToEmpty(sourceIp) + "|" + nullToEmpty(userAgent);
        return hash.hex(subject);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
