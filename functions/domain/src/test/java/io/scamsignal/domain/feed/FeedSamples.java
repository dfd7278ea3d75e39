package io.scamsignal.domain.feed;

import io.scamsignal.domain.stix.StixIds;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Alerted indicators of every type, over three days, one revoked and one long expired. */
final class FeedSamples {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private FeedSamples() {
    }

    static FeedIndicator indicator(String type, String value, String alertedAt, String changedAt, boolean revoked) {
        Instant alerted = Instant.parse(alertedAt);
        Instant changed = Instant.parse(changedAt);
        return new FeedIndicator(StixIds.indicatorIdFor(type + "#" + value), type, value,
                new TreeSet<>(List.of("microsoft")), List.of("distinct_reporters"), 72,
                alerted.minusSeconds(86_400), changed.isAfter(alerted) ? changed : alerted, 4, alerted, changed, revoked,
                new TreeSet<>(value.startsWith("+1888") ? List.of("Contoso", "public") : List.of("public")));
    }

    static List<FeedIndicator> all() {
        return List.of(
                indicator("phone", "+18885550142", "2026-11-27T09:00:00Z", "2026-11-28T10:00:00Z", false),
                indicator("phone", "+447400123456", "2026-11-27T11:00:00Z", "2026-11-27T11:00:00Z", false),
                indicator("phone", "+4930123456", "2026-11-28T08:00:00Z", "2026-11-29T08:00:00Z", true),
                indicator("phone", "+18005550100", "2026-03-01T08:00:00Z", "2026-03-01T08:00:00Z", false),
                indicator("domain", "micros0ft-support.example", "2026-11-28T09:00:00Z", "2026-11-28T09:00:00Z", false),
                indicator("url", "https://micros0ft-support.example/help", "2026-11-28T09:00:01Z", "2026-11-28T09:00:01Z", false),
                indicator("email", "help@micros0ft-support.example", "2026-11-29T07:00:00Z", "2026-11-29T07:00:00Z", false),
                indicator("remote_access_id", "anydesk:123456789", "2026-11-29T07:30:00Z", "2026-11-29T07:30:00Z", false),
                indicator("wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "2026-11-29T08:00:00Z", "2026-11-29T08:00:00Z", false),
                indicator("wallet", "XpESxaUmonkq8RaLLp46Brx2K39ggQe226", "2026-11-29T08:00:00Z", "2026-11-29T08:00:00Z", false),
                indicator("wallet", "paypal:scammer@example.org", "2026-11-29T08:10:00Z", "2026-11-29T08:10:00Z", false));
    }
}
