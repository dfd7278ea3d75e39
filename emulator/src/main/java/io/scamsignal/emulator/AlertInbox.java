package io.scamsignal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.scamsignal.emulator.aws.EmulatorClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A local partner: an SQS queue subscribed to a topic, whose messages are handed on (printed, by
 * the runner) as they arrive, the way a partner team's consumer would see them.
 */
public final class AlertInbox implements AutoCloseable {

    // amounts stay as published (1250.00, not 1250.0)
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private final EmulatorClients aws;
    private final String queueUrl;
    private final Consumer<JsonNode> onMessage;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private AlertInbox(EmulatorClients aws, String queueUrl, Consumer<JsonNode> onMessage) {
        this.aws = aws;
        this.queueUrl = queueUrl;
        this.onMessage = onMessage;
        this.thread = new Thread(this::run, "alert-inbox");
        this.thread.setDaemon(true);
    }

    public static AlertInbox subscribe(EmulatorClients aws, String topicArn, String queueName,
                                       Consumer<JsonNode> onMessage) {
        // a FIFO topic delivers to FIFO queues only
        boolean fifo = topicArn.endsWith(".fifo");
        String url = aws.sqs().createQueue(b -> b.queueName(fifo ? queueName + ".fifo" : queueName)
                .attributes(fifo ? Map.of(QueueAttributeName.FIFO_QUEUE, "true") : Map.of())).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        aws.sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        AlertInbox inbox = new AlertInbox(aws, url, onMessage);
        inbox.thread.start();
        return inbox;
    }

    /** Every message body received so far (the alert JSON, unwrapped from its SNS envelope). */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    private void run() {
        while (running) {
            try {
                List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages();
                for (Message message : messages) {
                    JsonNode envelope = JSON.readTree(message.body());
                    JsonNode body = envelope.has("Message") ? JSON.readTree(envelope.get("Message").asText()) : envelope;
                    received.add(body);
                    onMessage.accept(body);
                    aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            } catch (Exception e) {
                if (running) {
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
