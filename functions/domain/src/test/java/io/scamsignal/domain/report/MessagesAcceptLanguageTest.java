package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesAcceptLanguageTest {

    /** Headers of nothing but separators (schemathesis sent "Accept-Language: ;" and got a 500) fall back to English. */
    @ParameterizedTest
    @ValueSource(strings = {";", ";;", ",", ",;,", " ; ", ";q=0.5", "de;", ";de"})
    void separatorsAloneOrMisplacedNeverThrow(String header) {
        assertThat(Messages.forAcceptLanguage(header)).isIn(Messages.ENGLISH, Messages.GERMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de;", "de-AT;q=0.9,en;q=0.8"})
    void germanIsStillFoundNextToStraySeparators(String header) {
        assertThat(Messages.forAcceptLanguage(header)).isSameAs(Messages.GERMAN);
    }
}
