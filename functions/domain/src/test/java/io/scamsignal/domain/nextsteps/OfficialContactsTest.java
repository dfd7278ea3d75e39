package io.scamsignal.domain.nextsteps;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.report.Messages;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The vendored contacts file: every line cites an official https source; every country has its text. */
class OfficialContactsTest {

    @Test
    void everyLineHasAnIdAPlaceAndAnHttpsSource() {
        assertThat(OfficialContacts.entries()).hasSizeGreaterThan(10).allSatisfy(entry -> {
            assertThat(entry.country()).matches("[A-Z]{2}|\\*");
            assertThat(entry.step()).isIn("report_official", "gift_card", "money_transfer");
            assertThat(entry.url()).matches("https://[a-z0-9.-]+\\.[a-z]{2,}/\\S*|tel:\\+?[0-9]{3,15}");
            assertThat(entry.source()).startsWith("https://");
            assertThat(entry.checked()).matches("-|\\d{4}-\\d{2}-\\d{2}");
            assertThat(entry.label()).isNotBlank();
        });
        assertThat(OfficialContacts.entries().stream().map(OfficialContacts.Entry::id).distinct())
                .hasSameSizeAs(OfficialContacts.entries());
    }

    @Test
    void theFormsSixCountriesHaveAnOfficialPlaceAndEachCountryOnFileItsTextInEveryLanguage() {
        Set<String> countries = OfficialContacts.entries().stream().filter(e -> e.step().equals("report_official"))
                .map(OfficialContacts.Entry::country).collect(Collectors.toSet());
        assertThat(countries).containsExactlyInAnyOrder("US", "CA", "GB", "AU", "DE", "ES");
        for (Messages messages : Messages.ALL) {
            ResourceBundle texts = ResourceBundle.getBundle(NextSteps.BUNDLE, messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            countries.forEach(country -> assertThat(texts.containsKey("report_official." + country)).isTrue());
        }
    }
}
