package io.scamsignal.alerting.adapter;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.type.TypeReference;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** An aggregate item's stream image (as enrichment writes it) → the domain aggregate. */
public final class AggregateImage {

    private AggregateImage() {
    }

    /**
     * An aggregate as enrichment writes it: every write sets its type. (moto, unlike DynamoDB, also
     * streams a key-only image when a transaction's update creates an item; there is nothing in it
     * to alert on.)
     */
    public static boolean isAggregate(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("sk") && "AGG".equals(image.get("sk").getS())
                && image.containsKey("indicatorType");
    }

    public static IndicatorAggregate toAggregate(Map<String, AttributeValue> image) throws IOException {
        IndicatorType type = IndicatorType.fromWire(string(image, "indicatorType"))
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator type"));
        Map<String, Object> enrichment = Json.MAPPER.readValue(string(image, "enrichment"), new TypeReference<>() {
        });
        Indicator indicator = new Indicator(type, string(image, "indicatorValue"), string(image, "display"), enrichment);
        Map<String, Long> payments = new TreeMap<>();
        Map<String, Long> contacts = new TreeMap<>();
        image.forEach((name, value) -> {
            if (name.startsWith("pm_")) {
                payments.put(name.substring(3), Long.parseLong(value.getN()));
            } else if (name.startsWith("cm_")) {
                contacts.put(name.substring(3), Long.parseLong(value.getN()));
            }
        });
        return new IndicatorAggregate(indicator, number(image, "reports").longValue(),
                number(image, "distinctReporters").longValue(),
                Instant.parse(string(image, "firstSeen")), Instant.parse(string(image, "lastSeen")),
                new TreeSet<>(stringSet(image, "brands")), new TreeSet<>(stringSet(image, "countries")),
                number(image, "lossUsd"), payments, contacts);
    }

    private static String string(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        if (value == null || value.getS() == null) {
            throw new IllegalArgumentException("aggregate image lacks " + name);
        }
        return value.getS();
    }

    private static BigDecimal number(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null || value.getN() == null ? BigDecimal.ZERO : new BigDecimal(value.getN());
    }

    private static List<String> stringSet(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null || value.getSS() == null ? List.of() : value.getSS();
    }
}
