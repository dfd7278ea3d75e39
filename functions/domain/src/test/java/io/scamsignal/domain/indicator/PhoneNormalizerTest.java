package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.Samples;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNormalizerTest {

    private final PhoneNormalizer normalizer = new PhoneNormalizer();

    static Stream<Arguments> sharedSamples() {
        return Samples.rows("phones.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3]));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("sharedSamples")
    void everySharedSampleNormalisesAsExpected(String input, String country, String e164, String numberType) {
        Optional<Indicator> indicator = normalizer.normalize(input, country);

        if (e164.startsWith("(rejected")) {
            assertThat(indicator).isEmpty();
        } else {
            assertThat(indicator).hasValueSatisfying(i -> {
                assertThat(i.type()).isEqualTo(IndicatorType.PHONE);
                assertThat(i.value()).isEqualTo(e164);
                assertThat(i.enrichment()).containsEntry("numberType", numberType);
            });
        }
    }

    @Test
    void tollFreeNumbersDisplayInInternationalFormat() {
        assertThat(normalizer.normalize("888.555.0142", "US")).get()
                .satisfies(i -> assertThat(i.display()).isEqualTo("+1 888-555-0142"))
                .satisfies(i -> assertThat(i.enrichment()).containsEntry("region", "US"));
    }

    @Test
    void aNorthAmericanNumberTypedAbroadFallsBackToNanp() {
        assertThat(normalizer.normalize("1 855 326 7194", "ES")).get()
                .extracting(Indicator::value).isEqualTo("+18553267194");
    }
}
