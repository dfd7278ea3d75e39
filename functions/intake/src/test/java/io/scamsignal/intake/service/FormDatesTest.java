package io.scamsignal.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.report.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormDatesTest {

    @ParameterizedTest(name = "{0}/{1}: \"{2}\" is {3}")
    @CsvSource(nullValues = "none", value = {
            // English: month first in the United States, day first in the United Kingdom, Australia, Canada
            "en, US, 11/20/2026, 2026-11-20",
            "en, US, 3/4/2026, 2026-03-04",
            "en, US, 20/11/2026, none",
            "en, GB, 20/11/2026, 2026-11-20",
            "en, AU, 3/4/2026, 2026-04-03",
            "en, GB, 11/20/2026, none",
            "en, CA, 20/11/2026, 2026-11-20",
            // German with dots (slashes and hyphens read too), Spanish and French with slashes
            "de, DE, 20.11.2026, 2026-11-20",
            "de, DE, 1.2.2026, 2026-02-01",
            "de, DE, 20. 11. 2026, 2026-11-20",
            "de, US, 20/11/2026, 2026-11-20",
            "es, ES, 20/11/2026, 2026-11-20",
            "es, ES, 20-11-2026, 2026-11-20",
            "fr, CA, 20/11/2026, 2026-11-20",
            // the browser's date picker sends ISO 8601 whatever the page
            "de, DE, 2026-11-20, 2026-11-20",
            "en, US, 2026-11-20, 2026-11-20",
            "'de', 'DE', ' 20.11.2026 ', '2026-11-20'",
            "de, DE, 2026-11-20T00:00, none",
            "de, DE, 20\t11\t2026, none",
            // not a date, or not a real day
            "de, DE, 31.02.2026, none",
            "fr, CA, 29/02/2025, none",
            "es, ES, 20/11/26, none",
            "en, US, yesterday, none",
            "de, DE, 20.11.2026 12:00, none",
            "de, DE, 123.11.2026, none"})
    void theDateIsReadAsThePersonsLanguageAndCountryWriteIt(String lang, String country, String typed, String iso) {
        assertThat(FormDates.toIso(typed, FormDates.order(lang, country))).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource({"en, US, MM/DD/YYYY (month/day/year), 11/20/2026", "en, GB, DD/MM/YYYY (day/month/year), 20/11/2026",
            "de, DE, TT.MM.JJJJ, 20.11.2026", "es, ES, DD/MM/AAAA, 20/11/2026", "fr, CA, JJ/MM/AAAA, 20/11/2026"})
    void anUnreadableDateIsExplainedInTheFormatThePageAsksFor(String lang, String country, String format, String example) {
        assertThat(FormDates.hint(FormDates.order(lang, country), Messages.forLanguage(lang))).contains(format, example);
    }
}
