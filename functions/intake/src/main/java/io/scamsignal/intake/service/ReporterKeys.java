package io.scamsignal.intake.service;

import io.scamsignal.domain.report.NetworkFingerprint;
import io.scamsignal.domain.report.ReporterFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two keyed fingerprints the intake computes, both from the one generated reporter key: the
 * reporter fingerprint is keyed with it directly (so the operator's erase command, holding the same
 * key, finds a reporter's reports by e-mail), the network fingerprint with a key derived from it by
 * HMAC of a fixed label, so a network fingerprint can never be matched against a reporter one.
 *
 * @param networks null when no network is fingerprinted (unit tests of other things)
 */
public record ReporterKeys(ReporterFingerprint reporters, NetworkFingerprint networks) {

    static final String NETWORK_LABEL = "scamsignal:network-fingerprint:v1";

    public static ReporterKeys derive(String secret) {
        return new ReporterKeys(new ReporterFingerprint(secret), new NetworkFingerprint(networkKey(secret)));
    }

    /** HMAC-SHA256(secret, label) as hex: a second key that reveals nothing about the first. */
    static String networkKey(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(NETWORK_LABEL.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ReporterKeys[redacted]";
    }
}
