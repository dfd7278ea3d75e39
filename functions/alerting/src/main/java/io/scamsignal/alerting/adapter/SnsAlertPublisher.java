package io.scamsignal.alerting.adapter;

import io.scamsignal.alerting.service.AlertPublisher;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.alert.RetractionMessage;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.AlertsTableKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes alerts with the message attributes partners filter on. On a FIFO topic the alertId is
 * the deduplication id, so SNS itself drops a repeat within its five-minute window.
 */
public final class SnsAlertPublisher implements AlertPublisher {

    private final SnsClient sns;
    private final String topicArn;
    private final boolean fifo;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.fifo = topicArn.endsWith(".fifo");
    }

    @Override
    public String publish(AlertMessage message) {
        return publish(Json.write(message), message.filterAttributes(), message, message.alertId());
    }

    @Override
    public String publishRetraction(RetractionMessage retraction, AlertMessage withdrawn) {
        return publish(Json.write(retraction), retraction.filterAttributes(withdrawn), withdrawn,
                "retraction-" + withdrawn.alertId());
    }

    /** A ring alert: the attributes of indicator alerts that apply to a ring, plus {@code members}. */
    @Override
    public String publishRing(RingAlertMessage message) {
        RingAlertMessage.FilterAttributes a = message.filterAttributes();
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(Json.write(message))
                .messageAttributes(ringAttributes(a));
        if (fifo) {
            request.messageGroupId(sha256("ring#" + message.ring().ringId())).messageDeduplicationId(message.alertId());
        }
        return sns.publish(request.build()).messageId();
    }

    private static Map<String, MessageAttributeValue> ringAttributes(RingAlertMessage.FilterAttributes a) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>(Map.of(
                "type", string(a.type()),
                "rule", string(a.rule()),
                "severity", string(a.severity()),
                "brands", stringArray(a.brands()),
                "countries", stringArray(a.countries()),
                "distinctReporters", number(Long.toString(a.distinctReporters())),
                "lossUsd", number(a.lossUsd().toPlainString()),
                "members", number(Long.toString(a.members()))));
        if (!a.sources().isEmpty()) {
            attributes.put("sources", stringArray(a.sources()));
        }
        return attributes;
    }

    private String publish(String body, AlertMessage.FilterAttributes a, AlertMessage alert, String deduplicationId) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>(Map.of(
                "type", string(a.type()),
                "rule", string(a.rule()),
                "severity", string(a.severity()),
                "indicatorType", string(a.indicatorType()),
                "brands", stringArray(a.brands()),
                "countries", stringArray(a.countries()),
                "distinctReporters", number(Long.toString(a.distinctReporters())),
                "lossUsd", number(a.lossUsd().toPlainString()),
                // which channels' reports contributed: {"sources": ["Contoso"]} lets a partner follow its own
                "sources", stringArray(a.sources())));
        if (a.confidence() != null) {
            // partners filter on it: {"confidence": [{"numeric": [">=", 60]}]}
            attributes.put("confidence", number(Integer.toString(a.confidence())));
        }
        PublishRequest.Builder request = PublishRequest.builder()
                .topicArn(topicArn)
                .message(body)
                .messageAttributes(attributes);
        if (fifo) {
            request.messageGroupId(groupId(alert)).messageDeduplicationId(deduplicationId);
        }
        return sns.publish(request.build()).messageId();
    }

    /** Alerts on one indicator stay in order; the group id is bounded to 128 characters. */
    private static String groupId(AlertMessage message) {
        return sha256(AlertsTableKeys.indicator(message.indicator().type(), message.indicator().value()));
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    private static MessageAttributeValue stringArray(List<String> values) {
        return MessageAttributeValue.builder().dataType("String.Array").stringValue(Json.write(values)).build();
    }

}
