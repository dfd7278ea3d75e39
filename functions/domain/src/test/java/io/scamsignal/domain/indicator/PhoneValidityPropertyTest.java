package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.Samples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Intake's quick check and enrichment's normalisation never disagree on whether a number is one. */
class PhoneValidityPropertyTest {

    private final PhoneNormalizer normalizer = new PhoneNormalizer();

    @Provide
    Arbitrary<String> typedNumbers() {
        Arbitrary<String> prefix = Arbitraries.of("", "+", "+1 ", "1-", "00", "0", "+49 ", "+44 ", "+61 ", "+34 ", "1 800 ",
                "1-888-", "0800 ", "(888) ");
        Arbitrary<String> body = Arbitraries.strings().withChars("0123456789 -.()").ofMinLength(3).ofMaxLength(16);
        Arbitrary<String> vanity = Arbitraries.of("", "", "", "MICROSOFT", "SCAMMER", "call me");
        return Combinators.combine(prefix, body, vanity).as((p, b, v) -> p + b + v);
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of("US", "CA", "DE", "AU", "ES", "GB", "FR", "IN", "JM", "ZZ");
    }

    @Property(tries = 3000)
    void isValidAgreesWithNormalize(@ForAll("typedNumbers") String typed, @ForAll("countries") String country) {
        assertThat(normalizer.isValid(typed, country)).as("%s in %s", typed, country)
                .isEqualTo(normalizer.normalize(typed, country).isPresent());
    }

    @Example
    void isValidAgreesWithNormalizeOnEverySharedSample() {
        for (String[] row : Samples.rows("phones.tsv")) {
            assertThat(normalizer.isValid(row[0], row[1])).as("%s in %s", row[0], row[1])
                    .isEqualTo(normalizer.normalize(row[0], row[1]).isPresent());
        }
    }
}
