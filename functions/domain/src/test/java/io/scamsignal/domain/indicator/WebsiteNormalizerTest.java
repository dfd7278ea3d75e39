package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.Samples;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebsiteNormalizerTest {

    private final WebsiteNormalizer normalizer = new WebsiteNormalizer();

    static Stream<Arguments> sharedSamples() {
        return Samples.rows("websites.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("sharedSamples")
    void everySharedSampleReducesToItsRegistrableDomain(String input, String domain, String display) {
        assertThat(normalizer.normalize(input)).hasValueSatisfying(site -> {
            assertThat(site.registrableDomain()).isEqualTo(domain);
            assertThat(site.displayDomain()).isEqualTo(display);
        });
    }

    @Test
    void aTenantOfASharedHostIsItsOwnDomain() {
        assertThat(normalizer.normalize("https://microsoft-help-desk.azurewebsites.net/x")).get()
                .extracting(WebsiteNormalizer.Website::registrableDomain)
                .isEqualTo("microsoft-help-desk.azurewebsites.net");
    }

    @Test
    void theUrlIsNormalised() {
        assertThat(normalizer.normalize("HTTPS://User@WWW.Example.COM:443/Path?q=1#frag")).get()
                .extracting(WebsiteNormalizer.Website::url)
                .isEqualTo("https://www.example.com/Path?q=1");
    }

    @Test
    void zeroWidthCharactersAreStripped() {
        assertThat(normalizer.normalize("micro\u200Bsoft-help.com")).get()
                .extracting(WebsiteNormalizer.Website::registrableDomain).isEqualTo("microsoft-help.com");
    }

    @Test
    void whatIsNoWebsiteIsNoIndicator() {
        assertThat(normalizer.normalize("call me")).isEmpty();
        assertThat(normalizer.normalize("192.168.1.10")).isEmpty();
        assertThat(normalizer.normalize("ftp://example.com")).isEmpty();
        assertThat(normalizer.normalize("com")).isEmpty();
        assertThat(normalizer.normalize("")).isEmpty();
    }
}
