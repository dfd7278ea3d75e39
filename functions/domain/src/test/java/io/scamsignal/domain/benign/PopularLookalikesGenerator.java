package io.scamsignal.domain.benign;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.Confusables;
import io.scamsignal.domain.brand.LookalikeDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints, one a line and sorted, the domains of a file (one a line: the popular list in plain text)
 * that the {@link LookalikeDetector} flags, judged as {@link BenignIndicators#popular} judges them
 * (the name as its own registrable domain). {@code tools/refresh_benign_lists.py} runs it over
 * Tranco's million and writes what it prints, under a header, as {@code popular-lookalikes.txt}:
 * the lookalikes a fingerprint alone may not vouch for. {@code PopularLookalikesTest} fails when
 * the detector and the vendored list part.
 */
public final class PopularLookalikesGenerator {

    private PopularLookalikesGenerator() {
    }

    static List<String> flagged(List<String> domains) {
        LookalikeDetector detector = new LookalikeDetector(BrandRegistry.defaults(), Confusables.load());
        return domains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty() && !d.startsWith("#"))
                .filter(d -> detector.detect(d, d).isPresent()).distinct().sorted().toList();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PopularLookalikesGenerator <file of domains, one a line>");
            System.exit(2);
        }
        List<String> out = flagged(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        System.out.write((String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
