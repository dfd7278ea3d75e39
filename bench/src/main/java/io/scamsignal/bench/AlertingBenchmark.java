package io.scamsignal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The alerting figures: SNS publishes per report (distinct SNS message ids at a subscribed queue,
 * checked against the message ids the function recorded), and the time from the POST that makes an
 * indicator cross a rule to the alert at a partner's queue, under a steady stream of reports through the
 * local pipeline (runner + moto).
 */
public final class AlertingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        // -Dbench.numbers=5 for a quick check
        int numbers = Integer.getInteger("bench.numbers", 60);
        int reportsPerSecond = 6;
        System.out.println("== Alerting benchmark: " + numbers * 4 + " reports at " + reportsPerSecond
                + "/s, each number reported by 4 people (the 3rd crosses distinct_reporters) ==");
        List<String> failed = new ArrayList<>();
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-alerting.log"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "bench-" + UUID.randomUUID().toString().substring(0, 6)))) {
            String queue = pipeline.aws().sqs().createQueue(b -> b.queueName("bench-partner")).queueUrl();
            String arn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            // SNS's envelope, not raw delivery: its MessageId names the publish, so a message SQS
            // delivers twice is counted once, and publishes are counted, not queue receipts
            pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(arn));

            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            AtomicBoolean receiving = new AtomicBoolean(true);
            List<String> alertIds = Collections.synchronizedList(new ArrayList<>());
            // SNS message id -> the alert it carried
            Map<String, JsonNode> publishes = new ConcurrentHashMap<>();
            AtomicInteger receipts = new AtomicInteger();
            Thread receiver = new Thread(() -> {
                while (receiving.get()) {
                    for (Message m : pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                            .maxNumberOfMessages(10)).messages()) {
                        long now = System.nanoTime();
                        try {
                            var envelope = JSON.readTree(m.body());
                            var alert = JSON.readTree(envelope.get("Message").asText());
                            receipts.incrementAndGet();
                            if (publishes.putIfAbsent(envelope.get("MessageId").asText(), alert) == null) {
                                alertIds.add(alert.get("alertId").asText());
                            }
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
            schedule.sort(Comparator.comparingInt(a -> a[2]));
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
            boolean idle = pipeline.awaitIdle(Duration.ofSeconds(3), Duration.ofSeconds(120));
            // the queue is polled: wait until every number crossed has its alert, or 30 s
            for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end; Thread.sleep(200)) {
                if (arrivals.keySet().containsAll(crossing.keySet())) {
                    break;
                }
            }
            Thread.sleep(2000); // a late duplicate would still be counted
            receiving.set(false);
            receiver.join();

            // what the alerting function recorded: each SENT alert with the message id its publish returned
            Set<String> recorded = new HashSet<>();
            int sentAlerts = 0;
            for (var item : pipeline.aws().dynamoDb().scanPaginator(b -> b.tableName(pipeline.ref("AlertsTable"))
                    .consistentRead(true)).items()) {
                if ("SENT".equals(item.get("status").s())) {
                    sentAlerts++;
                    recorded.add(item.get("publishedMessageId").s());
                }
            }
            List<Double> latencies = new ArrayList<>();
            crossing.forEach((number, t) -> {
                Long arrived = arrivals.get(number);
                if (arrived != null) {
                    latencies.add((arrived - t) / 1e6);
                }
            });
            Stats s = Stats.of(latencies.isEmpty() ? List.of(Double.NaN) : latencies);
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p99 = sorted.isEmpty() ? Double.NaN
                    : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1));
            Set<String> distinctAlerts = new HashSet<>(alertIds);
            // the alert carries the aggregate it was raised on: more than 3 reporters means the 4th report
            // was folded in before the alert went out (the 3rd and 4th in one stream batch)
            long afterThird = publishes.values().stream().filter(a -> a.at("/observed/distinctReporters").asLong() > 3).count();
            Map<String, Long> perNumber = new TreeMap<>();
            publishes.values().forEach(a -> perNumber.merge(a.at("/indicator/value").asText(), 1L, Long::sum));
            long publishedTwice = perNumber.values().stream().filter(n -> n > 1).count();
            System.out.printf("reports posted: %d; numbers that crossed: %d; numbers alerted: %d%n", sent, crossing.size(),
                    arrivals.size());
            System.out.printf("SNS publishes (distinct SNS message ids at the partner queue): %d, for %d distinct alerts; "
                    + "queue receipts: %d; alerts the function marked SENT: %d, their message ids received: %d%n",
                    publishes.size(), distinctAlerts.size(), receipts.get(), sentAlerts,
                    recorded.stream().filter(publishes::containsKey).count());
            System.out.printf("SNS publishes per report: %.3f; numbers published more than once: %d; alerts raised on an "
                    + "aggregate that already counted the 4th reporter: %d%n", (double) publishes.size() / sent,
                    publishedTwice, afterThird);
            System.out.printf("POST that crossed the rule -> alert at the partner queue: p50 %.0f ms, p99 %.0f ms "
                    + "(p10 %.0f, p90 %.0f, n=%d)%n", s.median(), p99, s.p10(), s.p90(), latencies.size());
            if (!idle) {
                failed.add("the pipeline was not idle within 120 s");
            }
            if (arrivals.size() != crossing.size()) {
                failed.add((crossing.size() - arrivals.size()) + " numbers crossed the rule without an alert");
            }
            if (publishedTwice > 0) {
                failed.add(publishedTwice + " numbers published more than once");
            }
            if (publishes.size() != distinctAlerts.size()) {
                failed.add((publishes.size() - distinctAlerts.size()) + " alerts published more than once");
            }
            if (sentAlerts != distinctAlerts.size() || !publishes.keySet().containsAll(recorded)) {
                failed.add("the alerts marked SENT (" + sentAlerts + ") are not the alerts received ("
                        + distinctAlerts.size() + ")");
            }
        }
        // after the emulator and the pipeline are closed
        if (!failed.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", failed));
            System.exit(1);
        }
    }
}
