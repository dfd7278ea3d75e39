package io.scamsignal.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link WarmCpuBenchmarks} with JMH in {@link #ROUNDS} rounds (3; -Dbench.rounds=1 and
 * -Dbench.iterations=1 for a quick check); each round runs all six benchmarks (one fork each,
 * 5 x 1 s warm-up, 4 x 1 s measured), so each function and its readTree floor are
 * measured close together and the machine's drift hits both. Prints, per function, the median over
 * rounds of µs per request or record, the spread, and the median of the per-round ratios.
 */
public final class WarmCpu {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int WARMUP = Integer.getInteger("bench.iterations", 5);
    private static final int MEASURED = Integer.getInteger("bench.iterations", 4);
    /** -Dbench.functions=intake: the intake's two benchmarks alone (make bench-intake). */
    private static final List<String> FUNCTIONS = List.of(System.getProperty("bench.functions",
            "intake,enrichment,alerting").split(","));

    private WarmCpu() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include(WarmCpuBenchmarks.class.getName() + "\\.(" + String.join("|", FUNCTIONS) + ").*")
                .forks(1)
                .warmupIterations(WARMUP).warmupTime(TimeValue.seconds(1))
                .measurementIterations(MEASURED).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                // a benchmark's own check (a response not 202, nothing encoded, nothing published) fails the run
                .shouldFailOnError(true)
                .build();
        System.out.println("JMH: warm CPU of the three handlers on the deployed path and of readTree, " + ROUNDS
                + " rounds (about a minute each)...");
        Map<String, List<Double>> byName = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (RunResult result : new Runner(options).run()) {
                String name = result.getParams().getBenchmark();
                byName.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>())
                        .add(result.getPrimaryResult().getScore());
            }
        }
        System.out.println();
        System.out.println("== Warm CPU per request or record, I/O excluded (JMH 1.37, " + ROUNDS + " interleaved rounds of "
                + "1 fork, " + WARMUP + " x 1 s warm-up, " + MEASURED + " x 1 s measured; " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores) ==");
        if (FUNCTIONS.contains("intake")) {
            row(byName, "intake, one POST /reports", "intakeRequest", "intakeReadTreeOfTheBody", 5);
        }
        if (FUNCTIONS.contains("enrichment")) {
            row(byName, "enrichment, one report in a batch of 100", "enrichmentRecord", "enrichmentReadTreeOfThePayload",
                    20);
        }
        if (FUNCTIONS.contains("alerting")) {
            row(byName, "alerting, one aggregate change that alerts", "alertingRecord", "alertingReadTreeOfTheAggregate", 0);
        }
    }

    /** @param limit the target ratio, 0 for none */
    private static void row(Map<String, List<Double>> results, String label, String function, String floor, int limit) {
        String target = limit == 0 ? "" : "target <= " + limit + "x";
        List<Double> f = results.get(function);
        List<Double> p = results.get(floor);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            ratios.add(f.get(i) / p.get(i));
        }
        System.out.printf("%-44s %s; readTree %s; ratio %s  %s%n", label, Stats.of(f).format("µs"),
                Stats.of(p).format("µs"), Stats.of(ratios).format("x"), target);
        Figures.put("what", label, "ScamSignal", Figures.withSpread(Stats.of(f), "µs", "%,.1f"));
        Figures.put("what", label, "readTree of the same JSON", Figures.number(Stats.of(p).median(), "%,.1f") + " µs");
        Figures.put("what", label, "ratio", Figures.number(Stats.of(ratios).median(), "%,.1f") + "×");
        Figures.put("what", label, "target", limit == 0 ? "—"
                : "target ≤ " + limit + "× — " + (Stats.of(ratios).median() <= limit ? "met" : "not met"));
    }
}
