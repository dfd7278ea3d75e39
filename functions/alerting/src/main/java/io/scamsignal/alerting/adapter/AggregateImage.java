package io.scamsignal.alerting.adapter;

import io.scamsignal.aws.StreamEvent;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import java.io.IOException;

/** An aggregate item's stream image (as enrichment writes it: versioned JSON in {@code state}). */
public final class AggregateImage {

    private AggregateImage() {
    }

    /**
     * An aggregate as enrichment writes it, with its state. (moto, unlike DynamoDB, also streams a
     * key-only image when a transaction's update creates an item; there is nothing in it to alert on.)
     */
    public static boolean isAggregate(StreamEvent.Record record) {
        return IndicatorsTableKeys.isAggregate(record.attribute(IndicatorsTableKeys.SORT_KEY)) && record.attribute("state") != null;
    }

    public static IndicatorAggregate toAggregate(StreamEvent.Record record) throws IOException {
        return Json.mapper().readValue(record.attribute("state"), IndicatorAggregate.class);
    }
}
