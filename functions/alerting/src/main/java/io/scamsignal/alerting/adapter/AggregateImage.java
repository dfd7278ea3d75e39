package io.scamsignal.alerting.adapter;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.util.Map;

/** An aggregate item's stream image (as enrichment writes it: versioned JSON in {@code state}). */
public final class AggregateImage {

    private AggregateImage() {
    }

    /**
     * An aggregate as enrichment writes it, with its state. (moto, unlike DynamoDB, also streams a
     * key-only image when a transaction's update creates an item; there is nothing in it to alert on.)
     */
    public static boolean isAggregate(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("sk") && "AGG".equals(image.get("sk").getS())
                && image.containsKey("state");
    }

    public static IndicatorAggregate toAggregate(Map<String, AttributeValue> image) throws IOException {
        return Json.MAPPER.readValue(image.get("state").getS(), IndicatorAggregate.class);
    }
}
