package io.scamsignal.intake.adapter;

import io.scamsignal.domain.Lazy;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One of the stack's generated keys (AWS::SecretsManager::Secret: the reporter key, the CDN's
 * origin-verify value), read from Secrets Manager at
 * its first use and kept for the life of the container. Nothing reads it while the function is
 * initialised or primed, so a SnapStart snapshot never holds it: the first request after a restore
 * fetches it (one GetSecretValue per container). Never logged; {@link #toString()} says nothing.
 */
public final class SecretsManagerKey implements Supplier<String> {

    private final String secretId;
    private final Lazy<String> value;

    public SecretsManagerKey(SecretsManagerClient secrets, String secretId) {
        this.secretId = secretId;
        this.value = Lazy.of(() -> {
            String key = secrets.getSecretValue(b -> b.secretId(secretId)).secretString();
            if (key == null || key.length() < 16) {
                throw new IllegalStateException("the secret " + secretId
                        + " must hold a string of at least 16 characters");
            }
            return key;
        });
    }

    @Override
    public String get() {
        return value.get();
    }

    @Override
    public String toString() {
        return "SecretsManagerKey[" + secretId + ", redacted]";
    }
}
