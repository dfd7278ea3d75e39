package io.scamsignal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.support.LookalikeHosts;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An honest alert behind hostile lookalike reports, through the local pipeline (runner + moto, the
 * deployed handlers): the time from the POST of the report that makes an honest number cross
 * {@code distinct_reporters} (its third reporter, on a third network) to its alert at the stack's
 * topic, alone, and right behind 20 reports from one network (its hourly limit) that each name 10
 * worst-case hosts for the lookalike detector (251 characters: a brand, a misspelt brand or a
 * homoglyph of one repeated across labels of 63, or one keyword deep in filler; the hosts of
 * {@link LookalikeBenchmark}), all posted at once just before it, each host a new indicator. Each
 * round measures one honest number alone, one behind the worst-case reports and, to tell the
 * detector's share from the cost of so many new indicators, one behind 20 reports of 10 typical
 * lookalike hosts; each figure is the median of {@code bench.hostileRounds} (5) rounds, and the run
 * fails (exit 1) when the median behind the worst cases is more than 1.5 times the median alone.
 * {@code -Dbench.hostileRounds=1} for a quick check.
 */
public final class HostileLookalikeBenchmark {

    static final double TARGET = 1.5;
    static final int HOSTILE_REPORTS = 20;
    static final int HOSTS_PER_REPORT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileLookalikeBenchmark() {
    }

    /** The worst-case hosts of one hostile report: each of {@link #HOSTS_PER_REPORT}, tagged to be a new indicator. */
    static List<String> hostileHosts(String tag) {
        List<String> worst = List.of(
                LookalikeBenchmark.spread("help".repeat(44), ".") + "arnazon" + "help".repeat(12) + ".com",
                LookalikeHosts.repeatedHost("arnazon", 251, ".com"),
                LookalikeHosts.repeatedHost("microsft", 251, ".com"),
                LookalikeBenchmark.spread("help".repeat(44), ".") + "amazon" + "help".repeat(12) + ".com",
                LookalikeHosts.repeatedHost("amazon", 251, ".com"),
                LookalikeHosts.repeatedHost("1amazon", 251, ".com"),
                LookalikeBenchmark.spread("amazon" + "help".repeat(14) + "s", ".")
                        + LookalikeBenchmark.spread("help".repeat(40), ".example.com"),
                LookalikeHosts.repeatedHost("amazon", 251, ".example.com"),
                LookalikeHosts.repeatedHost("microsoft", 251, ".com"),
                LookalikeHosts.repeatedHost("paypal", 251, ".com"));
        List<String> hosts = new ArrayList<>();
        for (int k = 0; k < worst.size(); k++) {
            hosts.add(tagged(worst.get(k), tag + k));
        }
        return hosts;
    }

    /**
     * The host with the end of its registrable label (the one before the last) replaced by the tag:
     * the same length, every label within 63 characters, another registrable domain.
     */
    static String tagged(String host, String tag) {
        String[] labels = host.split("\\.");
        int registrable = labels.length - 2;
        String label = labels[registrable];
        labels[registrable] = label.substring(0, Math.max(1, label.length() - tag.length())) + tag;
        String tagged = String.join(".", labels);
        if (tagged.length() > 253 || labels[registrable].length() > 63) {
            throw new IllegalStateException("not a valid host: " + tagged);
        }
        return tagged;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        int rounds = Integer.getInteger("bench.hostileRounds", 5);
        System.out.println("== Hostile lookalikes: an honest number's alert alone and behind " + HOSTILE_REPORTS
                + " reports of " + HOSTS_PER_REPORT + " worst-case hosts each (local pipeline on moto), " + rounds
                + " round(s) ==");
        Map<String, Long> alerted = new ConcurrentHashMap<>();
        List<Double> alone = new ArrayList<>();
        List<Double> behind = new ArrayList<>();
        List<Double> typical = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0,
                project.resolve("bench/target/moto-hostile-lookalikes.log"), project.resolve("tools/moto_server.py"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "bench-" + UUID.randomUUID().toString().substring(0, 6))
                     .withAlerts(alert -> alerted.putIfAbsent(alert.at("/indicator/value").asText(), System.nanoTime())))) {
            HttpClient http = HttpClient.newHttpClient();
            String endpoint = "http://127.0.0.1:" + pipeline.port() + "/reports";
            // a warm-up number: the first report through each function pays its class loading
            alone(http, endpoint, pipeline, alerted, "+18885569999", 250);
            for (int round = 0; round < rounds; round++) {
                alone.add(alone(http, endpoint, pipeline, alerted, String.format(Locale.ROOT, "+1888556%04d", 2 * round), round));
                behind.add(behind(http, endpoint, pipeline, alerted, 2 * round + 1, round, "10.200.", true));
                typical.add(behind(http, endpoint, pipeline, alerted, 2 * round + 1000, round, "10.201.", false));
                System.out.printf("round %d: alone %.0f ms, behind the worst-case hosts %.0f ms, behind typical hosts"
                        + " %.0f ms%n", round + 1, alone.get(round), behind.get(round), typical.get(round));
            }
        }
        Stats a = Stats.of(alone);
        Stats b = Stats.of(behind);
        Stats t = Stats.of(typical);
        double ratio = b.median() / a.median();
        System.out.println("honest number's third report -> its alert, alone: " + a.format("ms"));
        System.out.println("the same, behind " + HOSTILE_REPORTS + " reports of worst-case hosts: " + b.format("ms"));
        System.out.println("the same, behind " + HOSTILE_REPORTS + " reports of typical lookalike hosts (as many new"
                + " indicators): " + t.format("ms"));
        System.out.printf(Locale.ROOT, "behind typical hosts / alone: %.2f×%n", t.median() / a.median());
        System.out.printf(Locale.ROOT, "ratio (medians): %.2f× (target ≤ %.1f×)%n", ratio, TARGET);
        String table = "hostile lookalikes";
        String row = "honest number's third report → its alert";
        Figures.put(table, row, "alone", Figures.withSpread(a, "ms", "%,.0f"));
        Figures.put(table, row, "behind 20 reports × 10 worst-case hosts", Figures.withSpread(b, "ms", "%,.0f"));
        Figures.put(table, row, "ratio", Figures.number(ratio, "%.2f") + "×");
        Figures.put(table, row, "behind 20 reports × 10 typical hosts", Figures.withSpread(t, "ms", "%,.0f"));
        Figures.put(table, row, "target ≤ 1.5×", ratio <= TARGET ? "met" : "not met");
        if (ratio > TARGET) {
            failed.add(String.format(Locale.ROOT, "the honest alert took %.2f× as long behind the hostile reports", ratio));
        }
        if (!failed.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", failed));
            System.exit(1);
        }
    }

    /**
     * The time to an honest number's alert right behind {@link #HOSTILE_REPORTS} reports from one
     * network ({@code net}, the round's /24), all posted at once, each naming {@link #HOSTS_PER_REPORT}
     * new hosts: worst-case or typical lookalikes.
     */
    private static double behind(HttpClient http, String endpoint, LocalPipeline pipeline, Map<String, Long> alerted,
                                 int numberIndex, int round, String net, boolean worst) throws Exception {
        String number = String.format(Locale.ROOT, "+1888556%04d", numberIndex);
        int network = 100 + round + (worst ? 0 : 50);
        prime(http, endpoint, pipeline, number, network);
        List<CompletableFuture<HttpResponse<String>>> hostile = new ArrayList<>();
        for (int i = 0; i < HOSTILE_REPORTS; i++) {
            String tag = String.format(Locale.ROOT, "%02d%02d", round, i);
            String websites = JSON.writeValueAsString(worst ? hostileHosts(tag) : typicalHosts(tag));
            hostile.add(http.sendAsync(post(endpoint, body("[]", websites, (worst ? "worst" : "typical") + tag),
                    net + round + "." + (i + 1)), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : hostile) {
            if (response.join().statusCode() != 202) {
                throw new IllegalStateException("hostile report refused: " + response.join().body());
            }
        }
        double millis = cross(http, endpoint, alerted, number, network);
        if (!pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(180))) {
            throw new IllegalStateException("the pipeline was not idle within 180 s");
        }
        return millis;
    }

    /** Ordinary lookalike hosts, as many new indicators as {@link #hostileHosts}: what the worst cases are set against. */
    static List<String> typicalHosts(String tag) {
        List<String> hosts = new ArrayList<>();
        List<String> kinds = List.of("arnazon-refund-%s.com", "mircosoft-support-%s.com", "amazon-prime-refund-%s.co.uk",
                "amazon.com.secure-login-%s.xyz", "paypa1-help-%s.com");
        for (int k = 0; k < HOSTS_PER_REPORT; k++) {
            hosts.add(String.format(Locale.ROOT, kinds.get(k % kinds.size()), tag + k));
        }
        return hosts;
    }

    /** An honest number's two first reporters, then the time from its third report to its alert. */
    private static double alone(HttpClient http, String endpoint, LocalPipeline pipeline, Map<String, Long> alerted,
                                String number, int network) throws Exception {
        prime(http, endpoint, pipeline, number, network);
        return cross(http, endpoint, alerted, number, network);
    }

    /** Two reporters on two networks, counted before the measurement. */
    private static void prime(HttpClient http, String endpoint, LocalPipeline pipeline, String number, int network)
            throws Exception {
        for (int r = 0; r < 2; r++) {
            send(http, post(endpoint, body("[\"" + number + "\"]", "[]", "honest" + r + "-" + number.substring(1)),
                    "10." + (10 + r) + "." + network + ".5"));
        }
        if (!pipeline.awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(120))) {
            throw new IllegalStateException("the pipeline was not idle within 120 s");
        }
    }

    /** The third reporter's POST, and the milliseconds until the number's alert arrives. */
    private static double cross(HttpClient http, String endpoint, Map<String, Long> alerted, String number, int network)
            throws Exception {
        long t0 = System.nanoTime();
        send(http, post(endpoint, body("[\"" + number + "\"]", "[]", "honest2-" + number.substring(1)),
                "10.12." + network + ".5"));
        long deadline = t0 + 180_000_000_000L;
        while (!alerted.containsKey(number)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no alert for " + number + " within 180 s");
            }
            Thread.sleep(5);
        }
        return (alerted.get(number) - t0) / 1e6;
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("report refused: " + response.body());
        }
    }

    private static HttpRequest post(String endpoint, String body, String clientIp) {
        return HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(String phones, String websites, String reporter) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-27","country":"US",
                 "scammer":{"phoneNumbers":%s,"websites":%s},"reporter":{"email":"%s@example.org"}}"""
                .formatted(phones, websites, reporter);
    }
}
