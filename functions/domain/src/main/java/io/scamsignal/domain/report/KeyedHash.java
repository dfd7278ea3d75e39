package io.scamsignal.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret, truncated to hex: the one way reporters and networks are counted
 * without keeping who or where they are. A keyed Mac per thread: building and keying one costs more
 * than the HMAC itself.
 */
final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs;
    private final int bytes;

    /** {@code what} names the secret in the error a short one gets; {@code bytes} of the digest are kept. */
    KeyedHash(String secret, String what, int bytes) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the " + what + " secret must have at least 16 characters");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.bytes = bytes;
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

    String hex(String subject) {
        byte[] digest = macs.get().doFinal(subject.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, bytes);
    }
}
