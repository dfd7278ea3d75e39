package io.scamsignal.alerting.service;

import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.alert.RetractionMessage;

public interface AlertPublisher {

    /** Publishes the alert with its {@code alertId} as deduplication key; returns the broker's message id. */
    String publish(AlertMessage message);

    /** Publishes a ring alert with its {@code alertId} as deduplication key; returns the broker's message id. */
    default String publishRing(RingAlertMessage message) {
        throw new UnsupportedOperationException("this publisher does not publish ring alerts");
    }

    /** Publishes a retraction with the withdrawn alert's attributes; deduplicated apart from the alert. */
    default String publishRetraction(RetractionMessage retraction, AlertMessage withdrawn) {
        throw new UnsupportedOperationException("this publisher does not publish retractions");
    }
}
