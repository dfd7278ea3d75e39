package io.scamsignal.intake.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretsManagerKeyTest {

    /** A Secrets Manager that answers every read with the next of its values, and counts the reads. */
    private static final class FakeSecrets implements SecretsManagerClient {
        final List<String> reads = new ArrayList<>();
        private final List<String> values;

        FakeSecrets(String... values) {
            this.values = List.of(values);
        }

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads.add(request.secretId());
            return GetSecretValueResponse.builder().secretString(values.get(reads.size() - 1)).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsTheSecretAtItsFirstUseOnlyAndKeepsIt() {
        FakeSecrets secrets = new FakeSecrets("a-generated-key-of-64-characters", "another-value-never-read");
        SecretsManagerKey key = new SecretsManagerKey(secrets, "arn:secret:reporter-key");

        assertThat(secrets.reads).isEmpty();
        assertThat(key.get()).isEqualTo("a-generated-key-of-64-characters");
        assertThat(key.get()).isEqualTo("a-generated-key-of-64-characters");
        assertThat(secrets.reads).containsExactly("arn:secret:reporter-key");
    }

    @Test
    void aSecretShorterThanSixteenCharactersIsRefusedAndReadAgainAtTheNextUse() {
        FakeSecrets secrets = new FakeSecrets("fifteen-chars-x", "sixteen-chars-xx");
        SecretsManagerKey key = new SecretsManagerKey(secrets, "arn:secret:short");

        assertThatThrownBy(key::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("the secret arn:secret:short must hold a string of at least 16 characters");
        assertThat(key.get()).isEqualTo("sixteen-chars-xx");
        assertThat(secrets.reads).hasSize(2);
    }

    @Test
    void toStringNamesTheSecretButNeverItsValue() {
        SecretsManagerKey key = new SecretsManagerKey(new FakeSecrets("a-generated-key-of-64-characters"), "arn:secret:k");
        key.get();

        assertThat(key.toString()).contains("arn:secret:k").doesNotContain("generated");
    }
}
