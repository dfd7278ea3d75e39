package io.scamsignal.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.intake.config.IntakeConfig;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import io.scamsignal.intake.service.SubmitReportService;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming is there so the first request after a restore does not load classes: each run
 * below is a fresh JVM that builds the handler (Lambda's init), optionally primes, then serves its
 * first request (events/http/submit-report.json, not the priming report), counting the classes the
 * JVM loads at each step. Priming must load what the first request would otherwise load.
 */
class PrimingTest {

    @Test
    void primingLoadsTheClassesTheFirstRequestWouldLoadAndNeedsNoAws() throws Exception {
        long[] cold = probe("cold");
        long[] primed = probe("primed");
        System.out.printf("[figure] intake classes loaded: first request cold %d; priming %d, then first request %d%n",
                cold[1], primed[0], primed[1]);

        assertThat(cold[0]).isZero();
        assertThat(cold[1]).as("the first request, unprimed, loads classes (else this measures nothing)").isGreaterThan(300);
        assertThat(primed[0]).as("priming loads classes").isGreaterThan(300);
        assertThat(primed[1]).as("the first request after priming loads at most a quarter of what it loads cold")
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

    /** The child: no AWS at all (the repository answers Saved), so priming's "no AWS" holds too. */
    public static void main(String[] args) throws Exception {
        var classes = ManagementFactory.getClassLoadingMXBean();
        byte[] event;
        try (InputStream in = PrimingTest.class.getClassLoader().getResourceAsStream("events/http/submit-report.json")) {
            event = in.readAllBytes();
        }
        AtomicInteger ids = new AtomicInteger();
        ReportRepository saved = new ReportRepository() {
            @Override
            public boolean idempotencyKeyKnown(String key, Instant now) {
                return false;
            }

            @Override
            public SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt,
                                   IdempotencyClaim claim) {
                return new SaveResult.Saved();
            }
        };
        SubmitReportHandler handler = new SubmitReportHandler(new SubmitReportService(
                new ReportValidator(Clock.systemUTC(), new PhoneNormalizer()), new ReporterFingerprint("a-probe-secret-of-some-length"),
                saved, Clock.systemUTC(), () -> "probe-" + ids.incrementAndGet(), Duration.ofDays(30)));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        long start = classes.getTotalLoadedClassCount();
        if (args[0].equals("primed")) {
            IntakeConfig.prime();
        }
        long primed = classes.getTotalLoadedClassCount();
        handler.handleRequest(new java.io.ByteArrayInputStream(event), sink, null);
        long served = classes.getTotalLoadedClassCount();
        if (!sink.toString(StandardCharsets.UTF_8).contains("202")) {
            throw new IllegalStateException("the probe's request was not accepted: " + sink);
        }
        System.out.println("classes " + (primed - start) + " " + (served - primed));
    }
}
