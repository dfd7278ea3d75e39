package io.scamsignal.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link WarmCpuBenchmarks} with JMH (one fork, 3 warm-up and 10 measured iterations of 1 s
 * each) and prints, per function, the median µs per request or record over the iterations, its
 * spread, and the ratio to readTree of the same JSON.
 */
public final class WarmCpu {

    private WarmCpu() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include(WarmCpuBenchmarks.class.getName() + ".*")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(10).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT)
                .build();
        System.out.println("JMH: warm CPU of the three handlers and of readTree (about a minute)...");
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Stats> byName = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            List<Double> perIteration = new ArrayList<>();
            for (var benchmark : result.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    perIteration.add(iteration.getPrimaryResult().getScore());
                }
            }
            byName.put(name.substring(name.lastIndexOf('.') + 1), Stats.of(perIteration));
        }
        System.out.println();
        System.out.println("== Warm CPU per request or record, I/O excluded (JMH 1.37: 1 fork, 3 x 1 s warm-up, 10 x 1 s measured; "
                + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores) ==");
        row(byName, "intake, one POST /reports", "intakeRequest", "intakeReadTreeOfTheBody", "issue 3 target <= 5x");
        row(byName, "enrichment, one report (batch of 100)", "enrichmentRecord", "enrichmentReadTreeOfThePayload",
                "issue 4 target <= 20x");
        row(byName, "alerting, one aggregate change that alerts", "alertingRecord", "alertingReadTreeOfTheAggregate", "");
    }

    private static void row(Map<String, Stats> results, String label, String function, String floor, String target) {
        Stats f = results.get(function);
        Stats p = results.get(floor);
        System.out.printf("%-44s %s; readTree %s; ratio %.1fx  %s%n", label, f.format("µs"), p.format("µs"),
                f.median() / p.median(), target);
    }
}
