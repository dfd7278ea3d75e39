package io.scamsignal.intake.handler;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.scamsignal.intake.config.IntakeConfig;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs the hot path without AWS: no credentials, no endpoint, no writes. */
class PrimingTest {

    @Test
    void primingNeedsNoAws() {
        assertThatCode(IntakeConfig::prime).doesNotThrowAnyException();
    }
}
