package io.scamsignal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.emulator.aws.EmulatorClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Load through {@code make run} itself: the runner's jar as a child process (its own moto, through
 * tools/moto_server.py, on a free port), N reports (first argument, 10,000) POSTed by 4 concurrent
 * HTTP clients, 5 reporters per phone number so alerts fire. Prints requests/s, p50/p99/max latency
 * of POST /reports, reports lost (accepted minus counted in the aggregates), alerts printed, and
 * moto's resident memory at the end. Targets: no request over 2 s, nothing lost, moto RSS <= 1.5 GB.
 */
public final class MakeRunLoadBenchmark {

    private static final int CLIENTS = 4;
    private static final int REPORTERS_PER_NUMBER = 5;

    private MakeRunLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int numbers = Math.max(1, reports / REPORTERS_PER_NUMBER);
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        Path jar = project.resolve("emulator/target/scamsignal-local.jar");
        Path log = project.resolve("bench/target/make-run-load.log");
        Files.createDirectories(log.getParent());
        int apiPort = freePort();
        int motoPort = freePort();
        String stack = "load-" + UUID.randomUUID().toString().substring(0, 6);

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .directory(project.toFile())
                .redirectError(log.toFile());
        builder.environment().putAll(Map.of("PORT", Integer.toString(apiPort), "MOTO_PORT", Integer.toString(motoPort),
                "STACK_NAME", stack));
        builder.environment().remove("AWS_ENDPOINT_URL");
        Process run = builder.start();
        Set<String> alertIds = ConcurrentHashMap.newKeySet();
        AtomicInteger alertLines = new AtomicInteger();
        Thread alertReader = new Thread(() -> readAlerts(run, alertIds, alertLines), "alerts");
        alertReader.setDaemon(true);
        alertReader.start();
        try {
            String api = "http://127.0.0.1:" + apiPort;
            awaitHealthy(api, run, log);
            ProcessHandle moto = run.descendants().filter(p -> p.info().commandLine().orElse("").contains("moto"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no moto process under make run's runner"));
            String motoCommand = moto.info().commandLine().orElse("");

            long[] latencies = new long[reports];
            AtomicInteger accepted = new AtomicInteger();
            AtomicLong otherStatus = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = next.getAndIncrement(); i < reports; i = next.getAndIncrement()) {
                        int number = i % numbers;
                        int reporter = i / numbers;
                        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/reports"))
                                .header("Content-Type", "application/json")
                                // one network per reporter, should the intake ever limit by network
                                .header("X-Forwarded-For", "198.51.%d.%d".formatted(reporter % 256, number % 250 + 1))
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-27",
                                         "country":"US","scammer":{"phoneNumbers":["%s"]},"reporter":{"email":"r%d@example.org"}}"""
                                        .formatted("+1 888 555 %04d".formatted(1000 + number % 9000), i))).build();
                        long sent = System.nanoTime();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies[i] = System.nanoTime() - sent;
                        if (status == 202) {
                            accepted.incrementAndGet();
                        } else {
                            otherStatus.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            double sendSeconds = (System.nanoTime() - start) / 1e9;

            // then until every accepted report is counted (or the count stops moving for a minute)
            long counted;
            try (EmulatorClients aws = EmulatorClients.create("http://127.0.0.1:" + motoPort, "us-east-1", "test", "test")) {
                counted = awaitCounted(aws, stack + "-IndicatorsTable", accepted.get());
            }
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            // the alerting stream runs behind enrichment: until no alert has been printed for 15 s
            for (int seen = -1; seen != alertLines.get(); ) {
                seen = alertLines.get();
                Thread.sleep(15_000);
            }
            double alertSeconds = (System.nanoTime() - start) / 1e9;
            long rssKb = status(moto.pid(), "VmRSS");
            long peakKb = status(moto.pid(), "VmHWM");

            long[] sorted = Arrays.copyOf(latencies, reports);
            Arrays.sort(sorted);
            double maxMs = sorted[reports - 1] / 1e6;
            long over2s = Arrays.stream(sorted).filter(l -> l > 2_000_000_000L).count();
            long lost = accepted.get() - counted;
            System.out.println();
            System.out.printf("== Load through make run (%s, moto: %s) ==%n", jar.getFileName(),
                    motoCommand.contains("moto_server.py") ? "tools/moto_server.py, item-level transaction snapshots"
                            : "as released");
            System.out.printf("%d reports, %d numbers x %d reporters, %d concurrent HTTP clients%n", reports, numbers,
                    REPORTERS_PER_NUMBER, CLIENTS);
            System.out.printf("POST /reports:  %d accepted (202), %d other; %.1f s = %.0f requests/s%n",
                    accepted.get(), otherStatus.get(), sendSeconds, reports / sendSeconds);
            System.out.printf("latency:        p50 %.1f ms, p99 %.1f ms, max %.1f ms; over 2 s: %d   target: none%n",
                    percentile(sorted, 50), percentile(sorted, 99), maxMs, over2s);
            System.out.printf("aggregates:     %d reports counted after %.1f s; lost: %d   target: 0%n", counted,
                    drainSeconds, lost);
            System.out.printf("alerts printed: %d lines, %d distinct alert ids (%d numbers reported %d times each),"
                    + " the last after %.1f s%n", alertLines.get(), alertIds.size(), numbers, REPORTERS_PER_NUMBER,
                    alertSeconds - 15);
            System.out.printf("moto RSS:       %.0f MB at the end (peak %.0f MB)   target: <= 1536 MB%n", rssKb / 1024.0,
                    peakKb / 1024.0);
            boolean met = over2s == 0 && lost == 0 && otherStatus.get() == 0 && rssKb <= 1536L * 1024;
            System.out.println("targets " + (met ? "met" : "NOT met") + " (runner log: " + project.relativize(log) + ")");
        } finally {
            run.descendants().forEach(ProcessHandle::destroy);
            run.destroy();
            if (!run.waitFor(10, TimeUnit.SECONDS)) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        }
    }

    private static void readAlerts(Process run, Set<String> alertIds, AtomicInteger lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.incrementAndGet();
                try {
                    JsonNode alert = Json.mapper().readTree(line);
                    if (alert.hasNonNull("alertId")) {
                        alertIds.add(alert.get("alertId").asText());
                    }
                } catch (IOException notJson) {
                    // make run prints alerts only; anything else is counted as a line, not an alert
                }
            }
        } catch (IOException closed) {
            // the runner stopped
        }
    }

    private static void awaitHealthy(String api, Process run, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!run.isAlive()) {
                throw new IllegalStateException("make run's runner exited; its log:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(api + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("make run's runner not healthy within 120 s; log: " + log);
    }

    private static long awaitCounted(EmulatorClients aws, String table, long expected) throws Exception {
        long counted = -1;
        Instant lastChange = Instant.now();
        while (true) {
            long now = 0;
            for (Map<String, AttributeValue> item : aws.dynamoDb().scanPaginator(b -> b.tableName(table)).items()) {
                if (item.containsKey(IndicatorsTableKeys.SORT_KEY) && IndicatorsTableKeys.isAggregate(item.get(IndicatorsTableKeys.SORT_KEY).s())) {
                    now += Json.mapper().readTree(item.get("state").s()).get("reports").asLong();
                }
            }
            if (now != counted) {
                counted = now;
                lastChange = Instant.now();
            }
            if (counted >= expected || Duration.between(lastChange, Instant.now()).toSeconds() > 60) {
                return counted;
            }
            Thread.sleep(2000);
        }
    }

    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
