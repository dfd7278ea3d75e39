package io.scamsignal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.local.LocalPipeline;
import io.scamsignal.local.emulator.EmbeddedMoto;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 5's figures: SNS publishes per report, and the time from the POST that makes an indicator
 * cross a rule to the alert at a partner's queue, under a steady stream of reports through the
 * local pipeline (runner + moto).
 */
public final class AlertingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        int numbers = 60;
        int reportsPerSecond = 6;
        System.out.println("== Alerting benchmark: " + numbers * 4 + " reports at " + reportsPerSecond
                + "/s, each number reported by 4 people (the 3rd crosses distinct_reporters) ==");
        try (EmbeddedMoto moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-alerting.log"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "bench-" + UUID.randomUUID().toString().substring(0, 6)))) {
            String queue = pipeline.aws().sqs().createQueue(b -> b.queueName("bench-partner")).queueUrl();
            String arn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(arn)
                    .attributes(Map.of("RawMessageDelivery", "true")));

            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            AtomicBoolean receiving = new AtomicBoolean(true);
            List<String> alertIds = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread receiver = new Thread(() -> {
                while (receiving.get()) {
                    for (Message m : pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                            .maxNumberOfMessages(10)).messages()) {
                        long now = System.nanoTime();
                        try {
                            var alert = JSON.readTree(m.body());
                            alertIds.add(alert.get("alertId").asText());
                            arrivals.putIfAbsent(alert.at("/indicator/value").asText(), now);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        pipeline.aws().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                    }
                }
            });
            receiver.start();

            HttpClient http = HttpClient.newHttpClient();
            Map<String, Long> crossing = new ConcurrentHashMap<>();
            long interval = 1_000_000_000L / reportsPerSecond;
            long next = System.nanoTime();
            int sent = 0;
            // number k gets its reports at positions k, k+2, k+4, k+6 of a staggered schedule
            List<int[]> schedule = new ArrayList<>();
            for (int k = 0; k < numbers; k++) {
                for (int r = 0; r < 4; r++) {
                    schedule.add(new int[] {k, r, k * 4 + r * 2});
                }
            }
            schedule.sort(java.util.Comparator.comparingInt(a -> a[2]));
            for (int[] item : schedule) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                String e164 = String.format("+1888555%04d", 1000 + item[0]);
                String body = """
                        {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-27","country":"US",
                         "scammer":{"phoneNumbers":["%s"]},"reporter":{"email":"r%d-%d@example.org"}}"""
                        .formatted(e164, item[0], item[1]);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("report refused: " + response.body());
                }
                if (item[1] == 2) {
                    crossing.put(e164, System.nanoTime());
                }
                sent++;
            }
            pipeline.awaitIdle(Duration.ofSeconds(3), Duration.ofSeconds(120));
            Thread.sleep(3000);
            receiving.set(false);
            receiver.join();

            List<Double> latencies = new ArrayList<>();
            crossing.forEach((number, t) -> {
                Long arrived = arrivals.get(number);
                if (arrived != null) {
                    latencies.add((arrived - t) / 1e6);
                }
            });
            Stats s = Stats.of(latencies);
            List<Double> sorted = new ArrayList<>(latencies);
            java.util.Collections.sort(sorted);
            double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1));
            System.out.printf("reports posted: %d; alerts received: %d (distinct ids %d); numbers that crossed: %d%n", sent,
                    alertIds.size(), new java.util.HashSet<>(alertIds).size(), crossing.size());
            System.out.printf("SNS publishes per report: %.3f (one per alert; the 4th report of a number publishes nothing)%n",
                    (double) alertIds.size() / sent);
            System.out.printf("POST that crossed the rule -> alert at the partner queue: p50 %.0f ms, p99 %.0f ms "
                    + "(p10 %.0f, p90 %.0f, n=%d)%n", s.median(), p99, s.p10(), s.p90(), s.n());
        }
    }
}
