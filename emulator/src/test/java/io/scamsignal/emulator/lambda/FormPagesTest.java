package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormPagesTest {

    @Test
    void everyLanguageHasExactlyTheKeysOfEnglish() {
        Set<Object> english = FormPages.bundle("en").keySet();
        for (String lang : FormPages.LANGUAGES) {
            Properties texts = FormPages.bundle(lang);
            assertThat(texts.keySet()).as("web/i18n/form_%s.properties", lang).containsExactlyInAnyOrderElementsOf(english);
            texts.forEach((key, text) -> assertThat((String) text).as(lang + " " + key).isNotBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "es", "fr"})
    void eachPageIsTheTemplateFilledFromItsBundle(String lang) {
        String page = FormPages.render(lang);
        Properties texts = FormPages.bundle(lang);

        assertThat(page).startsWith("<!doctype html>\n<html lang=\"" + lang + "\">")
                .doesNotContain("{{", "}}")
                .contains("<h1>" + FormPages.escape(texts.getProperty("title")) + "</h1>")
                .contains(lang.equals("en") ? "action=\"/reports\"" : "action=\"/reports?lang=" + lang + "\"")
                .contains("<option value=\"" + texts.getProperty("countries.order").split(",")[0] + "\">");
        for (String other : FormPages.LANGUAGES) {
            if (!other.equals(lang)) {
                assertThat(page).contains("hreflang=\"" + other + "\" lang=\"" + other + "\">"
                        + FormPages.bundle(other).getProperty("language.name") + "</a>");
            }
        }
    }

    @Test
    void thePathsOfTheFourPages() {
        assertThat(FormPages.languageOf("index.html")).contains("en");
        assertThat(FormPages.languageOf("fr/index.html")).contains("fr");
        assertThat(FormPages.languageOf("it/index.html")).isEmpty();
        assertThat(FormPages.languageOf("form.js")).isEmpty();
    }

    @Test
    void aTextIsEscapedAndAMissingLanguageFails() {
        assertThat(FormPages.escape("<a href=\"x\">O'Neil & co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
        assertThatThrownBy(() -> FormPages.render("it")).isInstanceOf(IllegalStateException.class);
    }
}
