package io.scamsignal.enrichment.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.enrichment.config.EnrichmentConfig;
import io.scamsignal.enrichment.service.EnrichmentService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming is there so the first batch after a restore does not load classes: each run
 * below is a fresh JVM that builds the handler (Lambda's init), optionally primes, then handles its
 * first batch (events/dynamodb/report-inserted.json, not the priming report), counting the classes
 * the JVM loads at each step. Priming must load what the first batch would otherwise load.
 */
class PrimingTest {

    @Test
    void primingLoadsTheClassesTheFirstBatchWouldLoadAndNeedsNoAws() throws Exception {
        long[] cold = probe("cold");
        long[] primed = probe("primed");
        System.out.printf("[figure] enrichment classes loaded: first batch cold %d; priming %d, then first batch %d%n",
                cold[1], primed[0], primed[1]);

        assertThat(cold[0]).isZero();
        assertThat(cold[1]).as("the first batch, unprimed, loads classes (else this measures nothing)").isGreaterThan(200);
        assertThat(primed[0]).as("priming loads classes").isGreaterThan(200);
        assertThat(primed[1]).as("the first batch after priming loads at most a quarter of what it loads cold")
                .isLessThan(cold[1] / 4);
    }

    /** {priming, first request}: classes the child JVM loaded in each step. */
    static long[] probe(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PrimingTest.class.getName(), mode)
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        String line = out.lines().filter(l -> l.startsWith("classes ")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] parts = line.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** The child: no AWS at all (the repository counts every contribution as new), so priming's "no AWS" holds too. */
    public static void main(String[] args) throws Exception {
        var classes = ManagementFactory.getClassLoadingMXBean();
        byte[] event;
        try (InputStream in = PrimingTest.class.getClassLoader().getResourceAsStream("events/dynamodb/report-inserted.json")) {
            event = in.readAllBytes();
        }
        BrandRegistry brands = BrandRegistry.defaults();
        EnrichReportHandler handler = new EnrichReportHandler(new EnrichmentService(new ContributionPlanner(
                IndicatorExtractor.standard(brands), brands, UsdRates.defaults()), List::size));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        long start = classes.getTotalLoadedClassCount();
        if (args[0].equals("primed")) {
            EnrichmentConfig.prime();
        }
        long primed = classes.getTotalLoadedClassCount();
        handler.handleRequest(new ByteArrayInputStream(event), sink, null);
        long served = classes.getTotalLoadedClassCount();
        if (!sink.toString(StandardCharsets.UTF_8).contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("the probe's batch failed: " + sink);
        }
        System.out.println("classes " + (primed - start) + " " + (served - primed));
    }
}
