package io.scamsignal.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertConfig;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.alert.RingAlertRules;
import io.scamsignal.domain.ring.RingItems;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RingAlertingServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** The claim's semantics without DynamoDB: first claim publishes, marked sent ones never again. */
    static final class Claims implements AlertClaims {
        final Map<String, RingAlertMessage> stored = new HashMap<>();
        final Map<String, Boolean> sent = new HashMap<>();

        @Override
        public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, String owner, Instant now) {
            if (sent.getOrDefault(alertId, false)) {
                return new RingResult.AlreadySent();
            }
            return new RingResult.Claimed(stored.computeIfAbsent(alertId, id -> candidate.get()));
        }

        @Override
        public void markSent(String alertId, String publishedMessageId, Instant now) {
            sent.put(alertId, true);
        }
    }

    static RingItems.Head head(String home, String ringId, long version, String mergedInto, long reporters,
                               Map<String, Long> brands) {
        return new RingItems.Head(home, ringId, version, mergedInto, T0, "r-" + ringId, reporters, 3, reporters,
                reporters, T0, T0.plusSeconds(60), BigDecimal.TEN, new TreeMap<>(Map.of("US", reporters)),
                new TreeMap<>(brands), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                null, null, reporters, brandNetworks(brands));
    }

    /** Each brand named from two networks, so that cross_brand counts it. */
    static TreeMap<String, List<String>> brandNetworks(Map<String, Long> brands) {
        TreeMap<String, List<String>> out = new TreeMap<>();
        brands.keySet().forEach(b -> out.put(b, List.of("net-a", "net-b")));
        return out;
    }

    private final Claims claims = new Claims();
    private final List<RingAlertMessage> published = new ArrayList<>();
    private final Map<String, RingItems.Head> heads = new HashMap<>();
    private final RingAlertingService service = new RingAlertingService(
            new RingAlertRules(new RingAlertConfig(List.of(3L, 5L, 8L), 2, 2, 2, 3, 2)), claims,
            new AlertPublisher() {
                @Override
                public String publish(AlertMessage message) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public String publishRing(RingAlertMessage message) {
                    published.add(message);
                    return "m" + published.size();
                }
            },
            new RingReader() {
                @Override
                public Optional<RingItems.Head> head(String home) {
                    return Optional.ofNullable(heads.get(home));
                }

                @Override
                public List<RingItems.Member> members(String home) {
                    return List.of(new RingItems.Member("phone#+18885550142", "phone", "+1 888-555-0142", home, 4, T0, T0));
                }
            },
            Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));

    @Test
    void aLevelIsPublishedOnceHoweverOftenTheHeadIsSeen() {
        RingItems.Head three = head("h1", "ring-a", 3, null, 3, Map.of("Microsoft", 3L));
        service.onHeadChanged(head("h1", "ring-a", 2, null, 2, Map.of("Microsoft", 2L)), three, "seq-1");
        service.onHeadChanged(null, three, "seq-1-replayed");

        assertThat(published).extracting(m -> m.rule() + ":" + m.severity()).containsExactly("ring_reporters:medium");
        assertThat(published.get(0).indicators()).extracting(AlertMessage.IndicatorRef::value).containsExactly("+18885550142");
    }

    @Test
    void aHeadMarkedForAMergeInStepsAlertsNothingUntilTheMergeIsFinished() {
        RingItems.Head before = head("h1", "ring-a", 7, null, 8, Map.of("Microsoft", 8L));
        RingItems.Head h = before;
        RingItems.Head marked = new RingItems.Head(h.home(), h.ringId(), h.version() + 1, null, h.founderAt(),
                h.founderReportId(), h.reports(), h.members(), h.distinctReporters(), h.effectiveReporters(),
                h.firstReport(), h.lastReport(), h.lossUsd(), h.countries(), h.brands(), h.paymentMethods(),
                h.contactMethods(), h.reportsByMonth(), h.memberTypes(), h.sources(), "h2", null, h.networks(),
                h.brandNetworks());
        service.onHeadChanged(before, marked, "seq-mark");
        assertThat(published).isEmpty();

        service.onHeadChanged(marked, head("h1", "ring-a", 9, null, 8, Map.of("Microsoft", 8L)), "seq-finish");
        assertThat(published).extracting(m -> m.rule() + ":" + m.severity()).contains("ring_reporters:critical");
    }

    @Test
    void aTombstonePublishesRingMergedForItsSurvivorAndCrossBrand() {
        RingItems.Head survivor = head("h1", "ring-a", 7, null, 6, Map.of("Microsoft", 3L, "Amazon", 3L));
        heads.put("h1", survivor);
        RingItems.Head absorbedBefore = head("h2", "ring-b", 2, null, 2, Map.of("Amazon", 2L));
        RingItems.Head tombstone = head("h2", "ring-b", 3, "h1", 2, Map.of("Amazon", 2L));

        service.onHeadChanged(absorbedBefore, tombstone, "seq-9");
        service.onHeadChanged(head("h1", "ring-a", 6, null, 3, Map.of("Microsoft", 3L)), survivor, "seq-10");

        assertThat(published).extracting(m -> m.rule() + ":" + m.ring().ringId() + ":" + m.ring().mergedRingId())
                .containsExactlyInAnyOrder("ring_merged:ring-a:ring-b", "ring_reporters:ring-a:null",
                        "cross_brand:ring-a:null");
    }
    @Test
    void aSplitPublishesOneRingSplitPerPartAndNoLevelItHasNotReached() {
        // ring-a at level 8 with two brands; the split leaves it 5 reporters, and a part of 3 at its split home
        RingItems.Head before = head("h1", "ring-a", 7, null, 8, Map.of("Microsoft", 4L, "Amazon", 4L));
        RingItems.Head after = head("h1", "ring-a", 8, null, 5, Map.of("Microsoft", 4L, "Amazon", 1L));
        RingItems.Head h = head("x", "ring-b", 1, null, 3, Map.of("Amazon", 3L));
        String splitHome = io.scamsignal.domain.ring.RingSplit.homeOf(h.founderReportId());
        RingItems.Head part = new RingItems.Head(splitHome, h.ringId(), 1, null, h.founderAt(),
                h.founderReportId(), h.reports(), h.members(), h.distinctReporters(), h.effectiveReporters(),
                h.firstReport(), h.lastReport(), h.lossUsd(), h.countries(), h.brands(), h.paymentMethods(),
                h.contactMethods(), h.reportsByMonth(), h.memberTypes(), h.sources(), null, null, h.networks(),
                h.brandNetworks());

        service.onHeadChanged(before, after, "seq-split-1");
        service.onHeadChanged(null, part, "seq-split-2");
        service.onHeadChanged(before, after, "seq-split-1-retried");

        assertThat(published).extracting(m -> m.rule() + ":" + m.ring().ringId() + ":" + m.ring().reports())
                .containsExactlyInAnyOrder("ring_split:ring-a:5", "ring_split:ring-b:3");
    }
}
