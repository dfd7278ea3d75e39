package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every translated bundle has exactly the keys of its English one: a language that lacks a key or
 * has one the others lack fails here.
 */
class BundleKeySetTest {

    static Properties load(String resource) throws IOException {
        try (InputStream in = BundleKeySetTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/scamsignal/domain/report/messages", "/io/scamsignal/domain/feed/messages",
            "/io/scamsignal/domain/nextsteps/steps"})
    void everyLanguageHasTheSameKeys(String bundle) throws IOException {
        Set<Object> english = load(bundle + ".properties").keySet();
        for (Messages messages : Messages.ALL.subList(1, Messages.ALL.size())) {
            String resource = bundle + "_" + messages.locale().getLanguage() + ".properties";
            Properties translated = load(resource);
            assertThat(translated.keySet()).as(resource).containsExactlyInAnyOrderElementsOf(english);
            translated.forEach((key, text) -> assertThat((String) text).as(resource + " " + key).isNotBlank());
        }
    }
}
