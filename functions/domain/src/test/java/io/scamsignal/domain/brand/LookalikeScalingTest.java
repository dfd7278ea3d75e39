package io.scamsignal.domain.brand;

import static io.scamsignal.domain.support.LookalikeHosts.repeatedHost;
import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.indicator.WebsiteNormalizer;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The detector's cost grows with the host's length, not with its square: a host of about 250
 * characters made of one keyword repeated (the worst case of the old word split, which ran once per
 * occurrence and copied the text around it) costs a bounded multiple of a 60-character one.
 * Measured as bytes allocated by the detecting thread (deterministic enough to compare, and what a
 * quadratic substring split produces) and as the fastest of several timed runs, each with a bound
 * generous for a linear detector (measured 3.5 to 7.5 times; the longer host also has more labels)
 * and below what the quadratic split cost (allocation 21 to 31 times, time up to 41).
 */
class LookalikeScalingTest {

    private static final LookalikeDetector DETECTOR = new LookalikeDetector(BrandRegistry.defaults(), Confusables.load());
    private static final WebsiteNormalizer WEBSITES = new WebsiteNormalizer();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void detect(WebsiteNormalizer.Website site) {
        DETECTOR.detect(site.host(), site.registrableDomain());
    }

    private static long allocated(WebsiteNormalizer.Website site) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            detect(site);
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    private static long fastestNanos(WebsiteNormalizer.Website site) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            detect(site);
            least = Math.min(least, System.nanoTime() - t0);
        }
        return least;
    }

    @ParameterizedTest(name = "{0} repeated to 250 characters costs a bounded multiple of 60")
    @CsvSource({"amazon, .com", "amazon, .example.com", "arnazon, .com", "microsft, .com", "appleamazon, -x.com", "1amazon, .com"})
    void costGrowsLinearlyWithTheHost(String piece, String suffix) {
        WebsiteNormalizer.Website small = WEBSITES.normalize(repeatedHost(piece, 60, suffix)).orElseThrow();
        WebsiteNormalizer.Website large = WEBSITES.normalize(repeatedHost(piece, 250, suffix)).orElseThrow();
        assertThat(large.host().length()).isGreaterThan(240);
        for (int i = 0; i < 30; i++) {
            detect(small);
            detect(large);
        }
        double bytes = (double) allocated(large) / allocated(small);
        double time = (double) fastestNanos(large) / fastestNanos(small);
        System.out.printf("%s: %d vs %d chars, allocation x%.1f, time x%.1f%n", piece, large.host().length(),
                small.host().length(), bytes, time);
        assertThat(bytes).as("allocation ratio").isLessThan(12.0);
        assertThat(time).as("time ratio").isLessThan(15.0);
    }
}
