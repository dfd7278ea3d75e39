package io.scamsignal.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.SpoofChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ConfusablesTest {

    private static final SpoofChecker ICU = new SpoofChecker.Builder().build();
    private final Confusables confusables = Confusables.load();

    @Test
    void theBundledTableIsWhatIcuGeneratesToday() throws IOException {
        List<String> expected = ConfusablesTableGenerator.lines();
        try (InputStream in = Confusables.class.getResourceAsStream("/io/scamsignal/domain/brand/confusables.tsv")) {
            List<String> bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(bundled).isEqualTo(expected);
        }
        assertThat(confusables.size()).isGreaterThan(6000);
    }

    @Test
    void classicLookalikesShareASkeleton() {
        assertThat(confusables.skeleton("rnicrosoft")).isEqualTo(confusables.skeleton("microsoft"));
        assertThat(confusables.skeleton("\u0430mazon")).isEqualTo(confusables.skeleton("amazon"));
        assertThat(confusables.skeleton("paypa1")).isEqualTo(confusables.skeleton("paypal"));
    }

    /** Characters the JDK's own Unicode version knows: its NFD cannot order marks it has never heard of. */
    @Provide
    Arbitrary<String> mixedScripts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u052F').ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20))
                .filter(s -> s.codePoints().allMatch(Character::isDefined));
    }

    @Property(tries = 3000)
    void skeletonsAgreeWithIcu(@ForAll("mixedScripts") String text) {
        String expected = ICU.getSkeleton(text);
        // a few prototypes are newer than the JDK's Unicode tables, whose NFD cannot place them among marks
        Assume.that(expected.codePoints().allMatch(Character::isDefined));
        assertThat(confusables.skeleton(text)).isEqualTo(expected);
    }
}
