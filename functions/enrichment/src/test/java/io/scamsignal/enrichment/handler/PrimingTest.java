package io.scamsignal.enrichment.handler;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.scamsignal.enrichment.config.EnrichmentConfig;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs the hot path without AWS: no credentials, no endpoint, no writes. */
class PrimingTest {

    @Test
    void primingNeedsNoAws() {
        assertThatCode(EnrichmentConfig::prime).doesNotThrowAnyException();
    }
}
