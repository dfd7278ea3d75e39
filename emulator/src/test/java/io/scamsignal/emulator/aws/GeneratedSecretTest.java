package io.scamsignal.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** GenerateSecretString as CloudFormation reads it: length and the excluded character classes. */
class GeneratedSecretTest {

    @Test
    void theReporterKeyIsSixtyFourLettersAndDigits() {
        String key = StackDeployer.generate(Map.of("PasswordLength", 64, "ExcludePunctuation", true));
        assertThat(key).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(StackDeployer.generate(Map.of("PasswordLength", 64, "ExcludePunctuation", true))).isNotEqualTo(key);
    }

    @Test
    void excludedCharactersAndClassesNeverAppear() {
        String secret = StackDeployer.generate(Map.of("PasswordLength", 200, "ExcludeUppercase", "true",
                "ExcludeNumbers", "true", "ExcludeCharacters", "abc\"@/\\"));
        assertThat(secret).hasSize(200).doesNotContainPattern("[A-Z0-9abc\"@/\\\\]");
        assertThatThrownBy(() -> StackDeployer.generate(Map.of("SecretStringTemplate", "{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
