package io.scamsignal.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh JVMs, each measured from process start to its first answer. */
final class ColdStart {

    private static final int RUNS = 10;
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

    private ColdStart() {
    }

    record Run(double totalMs, Map<String, Double> fields) {
    }

    static void enrichment(Path project, String endpoint, Map<String, String> functionEnv, Runnable forgetIndicators,
                           String benchClasspath) throws Exception {
        String classpath = functionClasspath(project, "enrichment");
        Map<String, String> tuned = lambdaEnvironment(endpoint, functionEnv, true);
        Map<String, String> base = lambdaEnvironment(endpoint, functionEnv, false);
        List<Run> withFlags = new ArrayList<>();
        List<Run> without = new ArrayList<>();
        List<Run> naive = new ArrayList<>();
        String event = project.resolve("events/dynamodb/report-inserted.json").toString();
        for (int i = 0; i < 10; i++) {
            // interleaved, so every side sees the same machine; each counts the report into an empty table
            forgetIndicators.run();
            withFlags.add(run(classpath, tuned, "enrichment", event));
            forgetIndicators.run();
            without.add(run(classpath, base, "enrichment", event));
            forgetIndicators.run();
            naive.add(run(benchClasspath, base, "naive-enrichment", event));
        }
        System.out.println();
        System.out.println("-- Enrichment cold start: fresh JVM -> first batch counted in moto (10 runs each, interleaved)");
        System.out.println("ScamSignal enrichment (its jar, template JVM flags): " + stats(withFlags, null).format("ms")
                + "; init " + stats(withFlags, "init").format("ms") + "; first batch " + stats(withFlags, "invoke").format("ms")
                + "; classes " + stats(withFlags, "classes").format("") + "; peak RSS " + stats(withFlags, "rssMb").format("MB"));
        System.out.println("  the same without JAVA_TOOL_OPTIONS (C1 only):      " + stats(without, null).format("ms")
                + "; init " + stats(without, "init").format("ms") + "; first batch " + stats(without, "invoke").format("ms"));
        System.out.println("textbook baseline (POJO event, DynamoDbClient.create(), UpdateItem ADD): " + stats(naive, null).format("ms")
                + "; classes " + stats(naive, "classes").format("") + "; peak RSS " + stats(naive, "rssMb").format("MB"));
        System.out.printf("ratio enrichment / baseline: %.2f   target <= 0.5;  JVM flags: %.2f of without%n",
                stats(withFlags, null).median() / stats(naive, null).median(),
                stats(withFlags, null).median() / stats(without, null).median());
        System.out.printf("enrichment-lambda.jar: %.1f MB%n",
                Files.size(project.resolve("functions/enrichment/target/enrichment-lambda.jar")) / 1e6);

        // a full batch, as the stream delivers under load: 100 new reports, each counted afresh
        Path batch = project.resolve("bench/target/report-batch-100.json");
        Files.write(batch, SampleReports.streamBatch(SampleReports.reports(100, SampleReports.Spread.UNIQUE)));
        List<Run> full = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            forgetIndicators.run();
            full.add(run(classpath, tuned, "enrichment", batch.toString()));
        }
        System.out.println("a batch of 100 reports (200 new indicators) from a fresh JVM: " + stats(full, null).format("ms")
                + "; batch " + stats(full, "invoke").format("ms") + "; peak RSS " + stats(full, "rssMb").format("MB"));
    }

    /** Issue 7: fresh JVM to the first report stored, the intake's jar against the textbook baseline. */
    static void intake(Path project, String endpoint, Map<String, String> functionEnv, String benchClasspath)
            throws Exception {
        String ours = functionClasspath(project, "intake");
        Map<String, String> tuned = lambdaEnvironment(endpoint, functionEnv, true);
        Map<String, String> env = lambdaEnvironment(endpoint, functionEnv, false);
        String event = project.resolve("events/http/submit-report.json").toString();
        List<Run> intake = new ArrayList<>();
        List<Run> naive = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            intake.add(run(ours, tuned, "intake", event));
            naive.add(run(benchClasspath, env, "naive-intake", event));
        }
        double ratio = stats(intake, null).median() / stats(naive, null).median();
        System.out.println();
        System.out.println("-- Intake cold start: fresh JVM -> first report stored in moto (10 runs each, interleaved)");
        System.out.println("ScamSignal intake (its jar, template JVM flags): " + stats(intake, null).format("ms")
                + "; init " + stats(intake, "init").format("ms") + "; classes " + stats(intake, "classes").format("")
                + "; peak RSS " + stats(intake, "rssMb").format("MB"));
        System.out.println("textbook baseline (DynamoDbClient.create()):     " + stats(naive, null).format("ms")
                + "; init " + stats(naive, "init").format("ms") + "; classes " + stats(naive, "classes").format("")
                + "; peak RSS " + stats(naive, "rssMb").format("MB"));
        System.out.printf("ratio intake / baseline: %.2f   target <= 0.5%n", ratio);
    }

    /**
     * Fresh JVM to the first alert published, the alerting jar against the textbook baseline; the
     * alert's claim is removed between runs so that every run publishes.
     */
    static void alerting(Path project, String endpoint, Map<String, String> functionEnv, Runnable forgetAlerts,
                         String benchClasspath) throws Exception {
        String ours = functionClasspath(project, "alerting");
        Map<String, String> tuned = lambdaEnvironment(endpoint, functionEnv, true);
        Map<String, String> env = lambdaEnvironment(endpoint, functionEnv, false);
        String event = project.resolve("events/dynamodb/indicator-aggregate-modified.json").toString();
        List<Run> alerting = new ArrayList<>();
        List<Run> naive = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            forgetAlerts.run();
            alerting.add(run(ours, tuned, "alerting", event));
            forgetAlerts.run();
            naive.add(run(benchClasspath, env, "naive-alerting", event));
        }
        System.out.println();
        System.out.println("-- Alerting cold start: fresh JVM -> first alert published to moto's SNS (10 runs each, interleaved)");
        System.out.println("ScamSignal alerting (its jar, template JVM flags): " + stats(alerting, null).format("ms")
                + "; classes " + stats(alerting, "classes").format("") + "; peak RSS " + stats(alerting, "rssMb").format("MB"));
        System.out.println("textbook baseline (default clients):               " + stats(naive, null).format("ms")
                + "; classes " + stats(naive, "classes").format("") + "; peak RSS " + stats(naive, "rssMb").format("MB"));
        System.out.printf("ratio alerting / baseline: %.2f   target <= 0.5%n",
                stats(alerting, null).median() / stats(naive, null).median());
    }

    /** What Lambda loads for a function: its deployable jar, and the runtime's event serialisation. */
    private static String functionClasspath(Path project, String function) throws Exception {
        return String.join(File.pathSeparator,
                project.resolve("functions/" + function + "/target/" + function + "-lambda.jar").toString(),
                EnrichmentBenchmark.classpathOf(ColdStartProbe.class),
                EnrichmentBenchmark.classpathOf(LambdaEventSerializers.class),
                EnrichmentBenchmark.classpathOf(org.joda.time.DateTime.class));
    }

    /**
     * Lambda's variables and the function's own, as the template sets them on the emulator; without
     * {@code jvmFlags}, the template's JAVA_TOOL_OPTIONS are left out (the untuned side).
     */
    private static Map<String, String> lambdaEnvironment(String endpoint, Map<String, String> functionEnv,
                                                         boolean jvmFlags) {
        Map<String, String> env = new HashMap<>(functionEnv);
        env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", endpoint));
        if (!jvmFlags) {
            env.remove("JAVA_TOOL_OPTIONS");
        }
        return env;
    }

    static void confusables(Path project) throws Exception {
        String probe = EnrichmentBenchmark.classpathOf(ColdStartProbe.class);
        String table = String.join(File.pathSeparator, probe,
                project.resolve("functions/domain/target/classes").toString());
        String icuJar = EnrichmentBenchmark.classpathOf(com.ibm.icu.text.SpoofChecker.class);
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
