package io.scamsignal.alerting.service;

import io.scamsignal.domain.alert.AlertMessage;

public interface AlertPublisher {

    /** Publishes the alert with its {@code alertId} as deduplication key; returns the broker's message id. */
    String publish(AlertMessage message);
}
