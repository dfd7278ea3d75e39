package io.scamsignal.domain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.feed.NumberFeedPager;
import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The index keys of a current item, as alerting writes them and the backfill recomputes them. */
class CurrentItemKeysTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-29T23:59:59.500Z");
    private static final String NUMBER = "+18885550142";

    @Test
    void aLiveNumberIsAtItsWriteUntilItsValidUntil() {
        Instant lastSeen = MODIFIED.minusSeconds(60);
        CurrentItemKeys.NumberKeys keys = CurrentItemKeys.alerted("phone", NUMBER, MODIFIED, lastSeen, false,
                ExpiryRules.DEFAULTS).orElseThrow();
        assertThat(keys.live()).isTrue();
        assertThat(keys.writeSk()).isEqualTo(NumberFeedPager.key(MODIFIED, NUMBER));
        assertThat(keys.expirySk()).isEqualTo(NumberFeedPager.key(ExpiryRules.DEFAULTS.validUntil("phone", lastSeen), NUMBER));
    }

    @Test
    void aLaterReportMovesTheWriteAndAnExpiredOrWithdrawnNumberStaysAtIt() {
        Instant later = MODIFIED.plusSeconds(5);
        assertThat(CurrentItemKeys.alerted("phone", NUMBER, MODIFIED, later, false, ExpiryRules.DEFAULTS).orElseThrow()
                .writeSk()).isEqualTo(NumberFeedPager.key(later, NUMBER));
        Instant old = MODIFIED.minus(Duration.ofDays(3650));
        CurrentItemKeys.NumberKeys expired = CurrentItemKeys.alerted("phone", NUMBER, MODIFIED, old, false,
                ExpiryRules.DEFAULTS).orElseThrow();
        assertThat(expired).isEqualTo(new CurrentItemKeys.NumberKeys(NumberFeedPager.key(MODIFIED, NUMBER),
                NumberFeedPager.key(MODIFIED, NUMBER), false));
        assertThat(CurrentItemKeys.alerted("phone", NUMBER, MODIFIED, null, true, ExpiryRules.DEFAULTS).orElseThrow())
                .isEqualTo(expired);
        assertThat(CurrentItemKeys.alerted("phone", NUMBER, MODIFIED, MODIFIED.minusSeconds(1), true,
                ExpiryRules.DEFAULTS).orElseThrow().live()).isFalse();
        assertThat(CurrentItemKeys.benign(NUMBER, MODIFIED)).isEqualTo(expired);
    }

    @Test
    void onlyNumbersHaveNumberKeysAndTheMispDayIsTheUtcDayOfCreation() {
        assertThat(CurrentItemKeys.alerted("domain", "pc-helpdesk.com", MODIFIED, MODIFIED, false, ExpiryRules.DEFAULTS))
                .isEmpty();
        assertThat(CurrentItemKeys.mispDay(MODIFIED)).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(CurrentItemKeys.mispDay(MODIFIED.plusSeconds(1))).isEqualTo(LocalDate.parse("2026-11-30"));
    }
}
