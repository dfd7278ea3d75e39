package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesAcceptLanguageTest {

    /** Headers of nothing but separators (schemathesis sent "Accept-Language: ;" and got a 500) fall back to English. */
    @ParameterizedTest
    @ValueSource(strings = {";", ";;", ",", ",;,", " ; ", ";q=0.5", "de;", ";de"})
    void separatorsAloneOrMisplacedNeverThrow(String header) {
        assertThat(Messages.forAcceptLanguage(header)).isIn(Messages.ALL.toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de;", "de-AT;q=0.9,en;q=0.8"})
    void germanIsStillFoundNextToStraySeparators(String header) {
        assertThat(Messages.forAcceptLanguage(header)).isSameAs(Messages.GERMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "es-MX,en;q=0.5", "en;q=0.3,es-ES;q=0.9", "fr-CA", "fr-CA,fr;q=0.9,en;q=0.8", "it,fr;q=0.5"})
    void spanishAndFrenchAreChosenByTheirQuality(String header) {
        Messages chosen = Messages.forAcceptLanguage(header);
        assertThat(chosen).isSameAs(header.contains("fr") ? Messages.FRENCH : Messages.SPANISH);
        assertThat(chosen.text("required")).isNotEqualTo(Messages.ENGLISH.text("required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "pt-BR", "x-klingon"})
    void aLanguageTheApiDoesNotSpeakGetsEnglish(String header) {
        assertThat(Messages.forAcceptLanguage(header)).isSameAs(Messages.ENGLISH);
    }
}
