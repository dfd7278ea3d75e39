package io.scamsignal.bench;

import static io.scamsignal.domain.support.LookalikeHosts.repeatedHost;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.Confusables;
import io.scamsignal.domain.brand.LookalikeDetector;
import io.scamsignal.domain.indicator.WebsiteNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lookalike detection per host: for each technique a typical host, the worst detected host this
 * benchmark's author could construct (about 250 characters, the longest a valid host gets: one
 * keyword among scam words, which the word split must read end to end; for typosquat a misspelt
 * name repeated), and the keyword repeated in labels of 63 (the host that made the old word split
 * quadratic), whatever it is detected as. Each figure is the time to
 * normalise the website and run the detector once, warm, in microseconds: the median of
 * {@code bench.rounds} (20) rounds of {@code bench.iterations} (200) detections. Run alone with
 * {@code make bench-lookalike}; {@code -Dbench.rounds=2 -Dbench.iterations=5} for a quick check.
 */
public final class LookalikeBenchmark {

    /** {@code technique}: what the host must be detected as; null for a keyword repeated (detected or not). */
    private record Case(String technique, String kind, String host) {
    }

    private LookalikeBenchmark() {
    }

    /** The text cut into labels of 63 characters, then the suffix. */
    static String spread(String text, String suffix) {
        StringBuilder host = new StringBuilder();
        for (int i = 0; i < text.length(); i += 63) {
            host.append(i == 0 ? "" : ".").append(text, i, Math.min(text.length(), i + 63));
        }
        return host.append(suffix).toString();
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.rounds", 20);
        int iterations = Integer.getInteger("bench.iterations", 200);
        List<Case> cases = List.of(
                new Case("homoglyph", "typical", "arnazon-refund.com"),
                new Case("homoglyph", "worst", spread("help".repeat(44), ".") + "arnazon" + "help".repeat(12) + ".com"),
                new Case(null, "repeated", repeatedHost("arnazon", 251, ".com")),
                new Case("typosquat", "typical", "mircosoft-support.com"),
                new Case("typosquat", "worst", repeatedHost("microsft", 251, ".com")),
                new Case("brand_in_name", "typical", "amazon-prime-refund.co.uk"),
                new Case("brand_in_name", "worst", spread("help".repeat(44), ".") + "amazon" + "help".repeat(12) + ".com"),
                new Case(null, "repeated", repeatedHost("amazon", 251, ".com")),
                new Case(null, "repeated digits", repeatedHost("1amazon", 251, ".com")),
                new Case("brand_in_subdomain", "typical", "amazon.com.secure-login.xyz"),
                new Case("brand_in_subdomain", "worst", spread("amazon" + "help".repeat(14) + "s", ".")
                        + spread("help".repeat(40), ".example.com")),
                new Case(null, "repeated", repeatedHost("amazon", 251, ".example.com")));
        LookalikeDetector detector = new LookalikeDetector(BrandRegistry.defaults(), Confusables.load());
        WebsiteNormalizer websites = new WebsiteNormalizer();
        System.out.println("== Lookalike benchmark: " + rounds + " rounds of " + iterations + " detections per host ==");
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Optional<LookalikeDetector.Lookalike> found = detect(websites, detector, c.host());
            String technique = found.map(LookalikeDetector.Lookalike::technique).orElse("none");
            if (c.technique() != null && !technique.equals(c.technique())) {
                failures.add(c.host() + " detected as " + technique + ", expected " + c.technique());
            }
            for (int i = 0; i < 2000 / Math.max(1, 200 / iterations); i++) {
                detect(websites, detector, c.host());
            }
            List<Double> micros = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    detect(websites, detector, c.host());
                }
                micros.add((System.nanoTime() - t0) / 1e3 / iterations);
            }
            System.out.printf("%-19s %-15s %3d chars  %s   %s%n", technique, c.kind(), c.host().length(),
                    Stats.of(micros).format("µs/host"), abbreviate(c.host()));
        }
        if (!failures.isEmpty()) {
            failures.forEach(System.out::println);
            throw new IllegalStateException("a benchmark host was not detected by the technique it stands for");
        }
    }

    private static Optional<LookalikeDetector.Lookalike> detect(WebsiteNormalizer websites, LookalikeDetector detector,
                                                                String host) {
        WebsiteNormalizer.Website site = websites.normalize(host).orElseThrow();
        return detector.detect(site.host(), site.registrableDomain());
    }

    private static String abbreviate(String host) {
        return host.length() <= 40 ? host : host.substring(0, 24) + "…" + host.substring(host.length() - 14);
    }
}
