package io.scamsignal.bench;

import crawlercommons.domains.EffectiveTldFinder;
import io.scamsignal.domain.benign.BenignIndicators;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.benign.PopularDomains;
import io.scamsignal.domain.brand.BrandRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the bundled benign lists cost a fresh container: each side is a classpath (an enrichment jar,
 * or that jar unpacked into a directory, as Lambda unpacks it into /var/task), run in a fresh JVM
 * with the template's flags ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}); the sides run
 * interleaved, round after round. In each JVM the brands and the public suffix list are loaded first
 * (the function has them anyway), then the time is taken from {@code BenignIndicators.standard} to
 * its answer for the first, unlisted, domain (every list read), in wall-clock time and in the probe
 * thread's CPU time (less disturbed by other processes on a shared machine). Then, in the same JVM, the cost of
 * one lookup of an unlisted domain through {@code BenignIndicators.domain} and, where the side has
 * it, through {@code PopularDomains} alone: 50,000 distinct made-up names, two untimed passes,
 * the median of five timed ones.
 * <p>
 * Self-contained (this class only), so it runs against any jar:
 * {@code javac -d target/benign-probe -cp functions/enrichment/target/enrichment-lambda.jar
 * bench/src/main/java/io/scamsignal/bench/BenignListsColdStart.java && java -cp target/benign-probe
 * io.scamsignal.bench.BenignListsColdStart 7 jar=functions/enrichment/target/enrichment-lambda.jar}
 * (rounds, then name=classpath per side).
 */
public final class BenignListsColdStart {

    private static final String UNLISTED = "scamsignal-probe-unlisted-domain.com";
    private static final int NAMES = 50_000;
    private static volatile Object sink;

    private BenignListsColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("probe")) {
            probe();
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        Map<String, String> sides = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            sides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String self = BenignListsColdStart.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (var side : sides.entrySet()) {
                Map<String, List<Double>> figures = results.computeIfAbsent(side.getKey(), k -> new LinkedHashMap<>());
                for (String line : run(side.getValue() + java.io.File.pathSeparator + self)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        figures.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
                                .add(Double.parseDouble(line.substring(eq + 1)));
                    }
                }
            }
        }
        System.out.printf("== Benign lists in a fresh JVM (%s, -XX:TieredStopAtLevel=1), %d interleaved rounds:"
                + " median (p10-p90) ==%n", Runtime.version(), rounds);
        results.forEach((side, figures) -> {
            System.out.printf("%s (%s)%n", side, sides.get(side));
            figures.forEach((name, values) -> System.out.printf("  %-28s %s%n", name, summary(values)));
        });
    }

    private static List<String> run(String classpath) throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + "/bin/java";
        Process process = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, BenignListsColdStart.class.getName(), "probe")
                .redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("probe failed: " + lines);
        }
        return lines;
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("%.1f (%.1f-%.1f)", at(sorted, 0.5), at(sorted, 0.1), at(sorted, 0.9));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }

    private static void probe() {
        BrandRegistry brands = BrandRegistry.defaults();
        EffectiveTldFinder.getAssignedDomain("www.example.co.uk", true, false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        BenignIndicators benign = BenignIndicators.standard(brands, BenignOverrides.none());
        if (benign.domain(UNLISTED).isPresent()) {
            throw new IllegalStateException(UNLISTED + " is listed");
        }
        System.out.println("first domain, ms=" + (System.nanoTime() - start) / 1e6);
        // the probe thread's own CPU time: less disturbed by other processes on a shared machine
        System.out.println("first domain, CPU ms=" + (threads.getCurrentThreadCpuTime() - startCpu) / 1e6);

        String[] names = new String[NAMES];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < NAMES; i++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names[i] = name.append(".com").toString();
        }
        System.out.println("BenignIndicators.domain, ns=" + perLookup(() -> {
            for (String name : names) {
                sink = benign.domain(name);
            }
        }));
        try {
            Class.forName("io.scamsignal.domain.benign.PopularDomains");
        } catch (ClassNotFoundException e) {
            return;
        }
        System.out.println("PopularDomains.contains, ns=" + Popular.perLookup(names));
    }

    /** Apart, so that a jar without the class never resolves it. */
    private static final class Popular {
        static double perLookup(String[] names) {
            PopularDomains popular = PopularDomains.read("/io/scamsignal/domain/benign/popular-domains.bin");
            return BenignListsColdStart.perLookup(() -> {
                for (String name : names) {
                    sink = popular.contains(name);
                }
            });
        }
    }

    private static double perLookup(Runnable pass) {
        List<Double> passes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            pass.run();
            if (i >= 2) {
                passes.add((System.nanoTime() - start) / (double) NAMES);
            }
        }
        return passes.stream().sorted().toList().get(passes.size() / 2);
    }
}
