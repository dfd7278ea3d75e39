package io.scamsignal.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.LocalPipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** What the ring tests read of a running pipeline: its live ring heads and a ring's referral packet. */
final class RingsTableReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RingsTableReads() {
    }

    /**
     * The ring alerts that reach a partner's queue within {@code duration} (or once {@code enough} have),
     * each taken off the queue and checked against the alert contract and for personal data.
     */
    static List<JsonNode> ringAlerts(LocalPipeline pipeline, String queueUrl, Duration duration, int enough) throws Exception {
        return ringAlerts(pipeline, queueUrl, duration, enough, (envelope, alert) -> { });
    }

    /** As {@link #ringAlerts(LocalPipeline, String, Duration, int)}, each alert also checked with its SNS envelope. */
    static List<JsonNode> ringAlerts(LocalPipeline pipeline, String queueUrl, Duration duration, int enough,
                                     BiConsumer<JsonNode, JsonNode> check) throws Exception {
        List<JsonNode> alerts = new ArrayList<>();
        Instant deadline = Instant.now().plus(duration);
        while (alerts.size() < enough && Instant.now().isBefore(deadline)) {
            for (Message m : pipeline.aws().sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages()) {
                pipeline.aws().sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                JsonNode envelope = JSON.readTree(m.body());
                String body = envelope.get("Message").asText();
                PipelineScenarios.assertContractAndNoPersonalData(body);
                JsonNode alert = JSON.readTree(body);
                if (alert.get("type").asText().equals("ring")) {
                    check.accept(envelope, alert);
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }

    /** Every ring head in the rings table that was not merged into another. */
    static List<JsonNode> liveHeads(LocalPipeline pipeline) throws Exception {
        List<JsonNode> heads = new ArrayList<>();
        for (Map<String, AttributeValue> item : pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("RingsTable")))
                .items()) {
            if (item.get("sk").s().equals("HEAD")) {
                JsonNode head = JSON.readTree(item.get("state").s());
                if (head.path("mergedInto").isNull() || head.path("mergedInto").isMissingNode()) {
                    heads.add(head);
                }
            }
        }
        return heads;
    }

    /** GET /rings/{ringId}/referral, signed with Signature Version 4 by the local credentials when {@code signed}. */
    static HttpResponse<String> referral(HttpClient http, LocalPipeline pipeline, String ringId, String format,
            boolean signed) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + pipeline.port() + "/rings/" + ringId + "/referral?format=" + format);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (signed) {
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
            SignedRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsBasicCredentials.create("test", "test"))
                    .request(unsigned)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
            signedRequest.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(v -> request.header(name, v));
                }
            });
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
