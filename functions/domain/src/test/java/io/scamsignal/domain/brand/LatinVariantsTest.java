package io.scamsignal.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatinVariantsTest {

    @Test
    void theBundledTableIsWhatIcuGeneratesToday() throws IOException {
        List<String> expected = LatinVariantsTableGenerator.lines();
        try (InputStream in = LatinVariantsTest.class.getResourceAsStream("/io/scamsignal/domain/brand/latin-variants.tsv")) {
            List<String> bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(bundled).isEqualTo(expected);
        }
        // letters with a hook, small capitals, dotless and script letters; not digraphs (ǅ) nor turned letters (ǝ)
        assertThat(expected).contains("27E\tr", "262\tg", "1AB\tt", "131\ti", "261\tg", "280\tr")
                .noneMatch(line -> line.startsWith("1C5\t") || line.startsWith("1DD\t"));
        assertThat(expected.size()).isGreaterThan(250);
    }
}
