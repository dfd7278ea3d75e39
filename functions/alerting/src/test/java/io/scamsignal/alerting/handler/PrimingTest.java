package io.scamsignal.alerting.handler;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.scamsignal.alerting.config.AlertingConfig;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs the hot path without AWS: no credentials, no endpoint, no writes. */
class PrimingTest {

    @Test
    void primingNeedsNoAws() {
        assertThatCode(AlertingConfig::prime).doesNotThrowAnyException();
    }
}
