package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NormalizerPropertyTest {

    private final PhoneNormalizer phones = new PhoneNormalizer();
    private final WebsiteNormalizer websites = new WebsiteNormalizer();

    @Provide
    Arbitrary<String> phoneLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789+-(). ").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> hostLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-.:/@?#аеорсх\u200B").ofMaxLength(40),
                Arbitraries.strings().ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of("US", "CA", "DE", "AU", "ES", "GB", "ZZ", "XX");
    }

    @Property(tries = 2000)
    void phoneNormalisationNeverThrowsAndIsIdempotent(@ForAll("phoneLike") String input, @ForAll("countries") String country) {
        phones.normalize(input, country).ifPresent(first ->
                assertThat(phones.normalize(first.value(), country)).get()
                        .extracting(Indicator::value).isEqualTo(first.value()));
    }

    @Property(tries = 2000)
    void websiteNormalisationNeverThrowsAndIsIdempotent(@ForAll("hostLike") String input) {
        websites.normalize(input).ifPresent(first -> {
            assertThat(websites.normalize(first.url())).get()
                    .satisfies(again -> assertThat(again.url()).isEqualTo(first.url()))
                    .satisfies(again -> assertThat(again.registrableDomain()).isEqualTo(first.registrableDomain()));
            assertThat(websites.normalize(first.registrableDomain())).get()
                    .extracting(WebsiteNormalizer.Website::registrableDomain).isEqualTo(first.registrableDomain());
        });
    }
}
