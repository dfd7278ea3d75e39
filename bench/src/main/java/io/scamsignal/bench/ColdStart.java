package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.ibm.icu.text.SpoofChecker;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;

/** Fresh JVMs, each measured from process start to its first answer. */
final class ColdStart {

    /** Fresh JVMs per side and case; -Dbench.runs=2 for a quick check. */
    static final int RUNS = Integer.getInteger("bench.runs", 10);
    /** The functions measured: -Dbench.functions=intake for the intake alone (make bench-intake). */
    private static final List<String> FUNCTIONS = List.of(System.getProperty("bench.functions",
            "intake,enrichment,alerting").split(","));
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

    private ColdStart() {
    }

    static boolean measures(String function) {
        return FUNCTIONS.contains(function);
    }

    record Run(double totalMs, Map<String, Double> fields) {
    }

    /**
     * What one case needs around each run: {@code reset} empties what a run writes, {@code written}
     * describes what the run wrote (the same text for every side, or the baseline did other work).
     */
    record Tables(Runnable reset, Supplier<String> written) {
    }

    /** The four sides of the 2 x 2, in the order they run in each round. */
    private enum Side {
        OURS_FLAGS("ScamSignal, template JVM flags"),
        OURS_PLAIN("ScamSignal, no JAVA_TOOL_OPTIONS"),
        BASELINE_FLAGS("textbook baseline, template JVM flags"),
        BASELINE_PLAIN("textbook baseline, no JAVA_TOOL_OPTIONS");

        final String label;

        Side(String label) {
            this.label = label;
        }

        boolean ours() {
            return this == OURS_FLAGS || this == OURS_PLAIN;
        }

        boolean flags() {
            return this == OURS_FLAGS || this == BASELINE_FLAGS;
        }
    }

    /**
     * One function's 2 x 2: its deployable jar and the textbook baseline's own jar, each with and
     * without the template's JAVA_TOOL_OPTIONS, interleaved round by round on the same JVM binary.
     * Every run must leave the same items in the tables; a run that does not fails the benchmark.
     */
    /** The rows of docs/performance.md's cold-start table. */
    private static final Map<String, String> DOC_ROWS = Map.of("intake", "intake → first report stored",
            "enrichment", "enrichment → first batch counted", "alerting", "alerting → first alert published");

    static void twoByTwo(Path project, String title, String function, String event, Map<String, String> functionEnv,
                         Tables tables) throws Exception {
        String ours = functionClasspath(project, "functions/" + function + "/target/" + function + "-lambda.jar");
        String baselineJar = "bench/baseline-" + function + "/target/baseline-" + function + "-lambda.jar";
        for (String jar : List.of(baselineJar, "functions/" + function + "/target/" + function + "-lambda.jar")) {
            if (!Files.exists(project.resolve(jar))) {
                throw new IllegalStateException(jar + " is missing: build the reactor (make bench does), or "
                        + "mvn -DskipTests package -pl bench,bench/baseline-" + function + " -am");
            }
        }
        String baseline = functionClasspath(project, baselineJar);
        String flags = functionEnv.getOrDefault("JAVA_TOOL_OPTIONS", "");
        if (flags.isBlank()) {
            throw new IllegalStateException("the template sets no JAVA_TOOL_OPTIONS for " + function);
        }
        Map<Side, List<Run>> runs = new EnumMap<>(Side.class);
        Map<String, List<String>> writtenBySide = new TreeMap<>();
        for (int i = 0; i < RUNS; i++) {
            for (Side side : Side.values()) {
                tables.reset().run();
                Run run = run(side.ours() ? ours : baseline, lambdaEnvironment(functionEnv, side.flags()),
                        side.ours() ? function : "naive-" + function, event);
                runs.computeIfAbsent(side, k -> new ArrayList<>()).add(run);
                writtenBySide.computeIfAbsent(tables.written().get(), k -> new ArrayList<>()).add(side.label);
            }
        }
        System.out.println();
        System.out.println("-- " + title + " (" + RUNS + " rounds, the four sides interleaved in each)");
        System.out.println("   template JVM flags: JAVA_TOOL_OPTIONS=" + flags);
        for (Side side : Side.values()) {
            List<Run> r = runs.get(side);
            System.out.printf("   %-40s %s; init %s; classes %s; peak RSS %s%n", side.label + ":", stats(r, null).format("ms"),
                    stats(r, "init").format("ms"), stats(r, "classes").format(""), stats(r, "rssMb").format("MB"));
        }
        double oursFlags = stats(runs.get(Side.OURS_FLAGS), null).median();
        double oursPlain = stats(runs.get(Side.OURS_PLAIN), null).median();
        double baseFlags = stats(runs.get(Side.BASELINE_FLAGS), null).median();
        double basePlain = stats(runs.get(Side.BASELINE_PLAIN), null).median();
        System.out.printf("   the code (ours / baseline, same flags):  %.2f with the flags, %.2f without%n",
                oursFlags / baseFlags, oursPlain / basePlain);
        System.out.printf("   the flags (with / without, same code):   %.2f for ours, %.2f for the baseline%n",
                oursFlags / oursPlain, baseFlags / basePlain);
        System.out.printf("   code and flags together (ours with flags / baseline without): %.2f   target <= 0.5 -> %s%n",
                oursFlags / basePlain, oursFlags / basePlain <= 0.5 ? "met" : "not met");
        String row = DOC_ROWS.getOrDefault(function, function);
        String[] columns = {"ours, flags", "ours, no flags", "baseline, flags", "baseline, no flags"};
        for (Side side : Side.values()) {
            Figures.put("function", row, columns[side.ordinal()], Figures.withSpread(stats(runs.get(side), null), "ms", "%,.0f"));
        }
        Figures.put("function", row, "code (same flags)", Figures.number(oursFlags / baseFlags, "%.2f") + "×");
        Figures.put("function", row, "flags (same code)", Figures.number(oursFlags / oursPlain, "%.2f") + "×");
        Figures.put("function", row, "code and flags together", Figures.number(oursFlags / basePlain, "%.2f") + "×");
        Figures.put("function", row, "target ≤ 0.5×", oursFlags / basePlain <= 0.5 ? "met" : "not met");
        System.out.printf("   jars: %s %.1f MB; %s %.1f MB%n", function + "-lambda.jar",
                Files.size(project.resolve("functions/" + function + "/target/" + function + "-lambda.jar")) / 1e6,
                Path.of(baselineJar).getFileName(), Files.size(project.resolve(baselineJar)) / 1e6);
        if (writtenBySide.size() != 1) {
            System.out.println("   FAILED: the sides did not write the same items:");
            writtenBySide.forEach((written, sides) -> System.out.println("     " + sides + ": " + written));
            failures.add(title + ": the sides wrote different items");
        } else {
            String written = writtenBySide.keySet().iterator().next();
            System.out.println("   every run of every side wrote the same items: " + summary(written));
        }
    }

    /** The item count, and a digest of the items in full (printed whole only when the sides differ). */
    private static String summary(String written) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(written.getBytes(StandardCharsets.UTF_8));
            return written.substring(0, Math.min(written.length(), 160)) + (written.length() > 160 ? "..." : "")
                    + " (sha-256 " + HexFormat.of().formatHex(digest, 0, 6) + ")";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What went wrong in the runs so far; a bench main exits non-zero when it is not empty. */
    static final List<String> failures = new CopyOnWriteArrayList<>();

    /** A batch of 100 new reports from a fresh JVM, ScamSignal's enrichment with the template's flags. */
    static void enrichmentBatch(Path project, Map<String, String> functionEnv, Runnable forgetIndicators) throws Exception {
        String classpath = functionClasspath(project, "functions/enrichment/target/enrichment-lambda.jar");
        Path batch = project.resolve("bench/target/report-batch-100.json");
        Files.write(batch, SampleReports.streamBatch(SampleReports.reports(100, SampleReports.Spread.UNIQUE)));
        List<Run> full = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            forgetIndicators.run();
            full.add(run(classpath, lambdaEnvironment(functionEnv, true), "enrichment", batch.toString()));
        }
        System.out.println("   a batch of 100 reports (200 new indicators) from a fresh JVM, ours with the flags: "
                + stats(full, null).format("ms") + "; batch " + stats(full, "invoke").format("ms") + "; peak RSS "
                + stats(full, "rssMb").format("MB"));
    }

    /** What Lambda loads for a function: its deployable jar, and the runtime's event serialisation. */
    private static String functionClasspath(Path project, String jar) throws Exception {
        return String.join(File.pathSeparator,
                project.resolve(jar).toString(),
                EnrichmentBenchmark.classpathOf(ColdStartProbe.class),
                EnrichmentBenchmark.classpathOf(LambdaEventSerializers.class),
                EnrichmentBenchmark.classpathOf(DateTime.class));
    }

    /**
     * Lambda's variables and the function's own, as the template sets them on the emulator; without
     * {@code jvmFlags}, the template's JAVA_TOOL_OPTIONS are left out.
     */
    private static Map<String, String> lambdaEnvironment(Map<String, String> functionEnv, boolean jvmFlags) {
        Map<String, String> env = new HashMap<>(functionEnv);
        env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", System.getProperty("aws.endpointUrl")));
        if (!jvmFlags) {
            env.remove("JAVA_TOOL_OPTIONS");
        }
        return env;
    }

    static void confusables(Path project) throws Exception {
        String probe = EnrichmentBenchmark.classpathOf(ColdStartProbe.class);
        String table = String.join(File.pathSeparator, probe,
                project.resolve("functions/domain/target/classes").toString());
        String icuJar = EnrichmentBenchmark.classpathOf(SpoofChecker.class);
        String icu = String.join(File.pathSeparator, probe, icuJar);
        List<Run> tableRuns = new ArrayList<>();
        List<Run> icuRuns = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            tableRuns.add(run(table, Map.of(), "table"));
            icuRuns.add(run(icu, Map.of(), "icu"));
        }
        System.out.println();
        System.out.println("-- Confusables: the bundled table against ICU4J's SpoofChecker, fresh JVM to first skeleton");
        System.out.println("bundled table: in-process " + stats(tableRuns, "init").format("ms") + "; whole JVM "
                + stats(tableRuns, null).format("ms"));
        System.out.println("ICU4J:         in-process " + stats(icuRuns, "init").format("ms") + "; whole JVM "
                + stats(icuRuns, null).format("ms"));
        System.out.printf("sizes: confusables.tsv %.0f KB (in the jar, compressed, less); icu4j jar %.1f MB%n",
                Files.size(project.resolve("functions/domain/src/main/resources/io/scamsignal/domain/brand/confusables.tsv")) / 1e3,
                Files.size(Path.of(icuJar)) / 1e6);
    }

    private static Stats stats(List<Run> runs, String field) {
        return Stats.of(runs.stream().map(r -> field == null ? r.totalMs() : r.fields().getOrDefault(field, -1.0)).toList());
    }

    private static Run run(String classpath, Map<String, String> env, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, ColdStartProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(new HashMap<>(env));
        long start = System.nanoTime();
        Process process = builder.start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT")) {
                    result = line;
                    break;
                }
            }
        }
        double total = (System.nanoTime() - start) / 1e6;
        process.waitFor();
        if (result == null) {
            throw new IllegalStateException("probe printed no result:\n" + output);
        }
        Map<String, Double> fields = new HashMap<>();
        Matcher m = FIELD.matcher(result);
        while (m.find()) {
            fields.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return new Run(total, fields);
    }
}
