package io.scamsignal.partnerapi;

import io.scamsignal.domain.Lazy;
import io.scamsignal.domain.feed.NextTokens;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The {@code next}-token signer over the stack's generated key (TaxiiNextTokenSecret), read from
 * Secrets Manager at the first request that signs or checks a token and kept for the container's
 * life; nothing reads it while the function starts, so no snapshot holds it. Never logged.
 */
final class LazyNextTokens implements Supplier<NextTokens> {

    private final String secretId;
    private final Lazy<NextTokens> tokens;

    LazyNextTokens(SecretsManagerClient secrets, String secretId) {
        this.secretId = secretId;
        this.tokens = Lazy.of(() -> {
            String key = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
            if (key == null || key.length() < 16) {
                throw new IllegalStateException("the next-token secret " + secretId
                        + " must hold a string of at least 16 characters");
            }
            return new NextTokens(PartnerApiHandler.sha256(key));
        });
    }

    @Override
    public NextTokens get() {
        return tokens.get();
    }

    @Override
    public String toString() {
        return "LazyNextTokens[" + secretId + ", redacted]";
    }
}
