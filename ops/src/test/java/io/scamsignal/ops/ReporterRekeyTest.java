package io.scamsignal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.aggregate.Aggregation;
import io.scamsignal.domain.aggregate.Aggregation.ReporterState;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.domain.storage.RingsTableKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The re-keying of an erased reporter's items, and what it does to the counts. */
class ReporterRekeyTest {

    private static final String FP = "0123456789abcdef0123456789abcdef";
    private static final Indicator PHONE = new Indicator(IndicatorType.PHONE, "+18885550142", "+1 888-555-0142", Map.of());
    private final ReporterRekey rekey = new ReporterRekey(FP, ReporterRekey.newErasedId());

    @Test
    void erasedIdsAreRandomRecognisableAndNeverAFingerprint() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> ids.add(ReporterRekey.newErasedId()));
        assertThat(ids).hasSize(1000).allSatisfy(id -> {
            assertThat(id).startsWith(ReporterRekey.PREFIX).hasSize(ReporterRekey.PREFIX.length() + 32).doesNotContain(FP);
            assertThat(ReporterRekey.isErased(id)).isTrue();
        });
        assertThat(ReporterRekey.isErased(FP)).isFalse();
        assertThatThrownBy(() -> new ReporterRekey(ReporterRekey.newErasedId(), ReporterRekey.newErasedId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReporterRekey(FP, FP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIndicatorsReporterItemMovesWithItsCountTimeVersionAndReportIds() {
        Map<String, AttributeValue> item = Map.of("pk", s("phone#+18885550142"), "sk", s("R#" + FP),
                "reports", n(3), "lastReportAt", s("2026-11-20T10:00:00Z"), "version", n(4),
                "reportIds", AttributeValue.fromSs(List.of("r1", "r2")));
        Map<String, AttributeValue> moved = rekey.indicatorReporterItem(item);
        assertThat(moved.get("sk").s()).isEqualTo("R#" + rekey.erasedId());
        assertThat(moved).containsEntry("pk", s("phone#+18885550142")).containsEntry("reports", n(3))
                .containsEntry("lastReportAt", s("2026-11-20T10:00:00Z")).containsEntry("version", n(4))
                .containsEntry("reportIds", AttributeValue.fromSs(List.of("r1", "r2")));
        assertThat(moved.toString()).doesNotContain(FP);
        assertThatThrownBy(() -> rekey.indicatorReporterItem(Map.of("pk", s("p"), "sk", s("R#someone-else"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rekey.indicatorReporterItem(Map.of("pk", s("p"), "sk", s("AGG"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRingsReporterItemGetsANewKeyAndItsReportItemsNameTheErasedId() {
        Map<String, AttributeValue> reporter = Map.of("pk", s("RING#h"), "sk", s(RingsTableKeys.REPORTER_PREFIX + FP),
                "state", s("{\"fingerprint\":\"" + FP + "\",\"network\":\"aa11\",\"firstAt\":\"2026-11-20T10:00:00Z\","
                        + "\"firstReportId\":\"r1\"}"));
        assertThat(rekey.rekeysRingItem(reporter)).isTrue();
        Map<String, AttributeValue> moved = rekey.ringItem(reporter);
        assertThat(moved.get("sk").s()).isEqualTo(RingsTableKeys.REPORTER_PREFIX + rekey.erasedId());
        assertThat(moved.get("state").s()).contains("\"fingerprint\":\"" + rekey.erasedId() + "\"")
                .contains("\"network\":\"aa11\"").doesNotContain(FP);

        Map<String, AttributeValue> report = Map.of("pk", s("RING#h"), "sk", s("REPORT#r1"),
                "state", s("{\"reportId\":\"r1\",\"reporterFingerprint\":\"" + FP + "\",\"networkFingerprint\":\"aa11\","
                        + "\"description\":\"x" + FP + "\"}"));
        assertThat(rekey.rekeysRingItem(report)).isFalse();
        Map<String, AttributeValue> movedReport = rekey.ringItem(report);
        assertThat(movedReport.get("sk").s()).isEqualTo("REPORT#r1");
        // only a value that is the fingerprint is one; text that merely contains it is left as it is
        assertThat(movedReport.get("state").s()).contains("\"reporterFingerprint\":\"" + rekey.erasedId() + "\"")
                .contains("\"x" + FP + "\"");
        assertThatThrownBy(() -> rekey.ringItem(Map.of("pk", s("RING#h"), "sk", s("M#" + FP))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAggregatesOwnNetworkOfAReporterWithoutANetworkIsRenamed() {
        String state = "{\"reportersByNetwork\":{\"r:" + FP + "\":1,\"aa11\":2}}";
        assertThat(rekey.json(state)).isEqualTo("{\"reportersByNetwork\":{\"r:" + rekey.erasedId() + "\":1,\"aa11\":2}}");
    }

    /**
     * The trade-off: the moved item counts as the one reporter it was (a redelivered old report is
     * no new reporter, no new report), while a later report by the same person, whose fingerprint
     * now names nothing, is one new distinct reporter on the same network: the network count, which
     * the rules' per-network cap rests on, does not move.
     */
    @Test
    void afterTheMoveOldReportsStayCountedOnceAndALaterReportIsOneNewReporterOnTheSameNetwork() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        Aggregation.Result before = Aggregation.apply(null, Map.of(), Set.of(), List.of(
                contribution("a1", FP, t0, "net1"), contribution("a2", FP, t0.plusSeconds(60), "net1"),
                contribution("b1", "other", t0.plusSeconds(120), "net2")));
        assertThat(before.aggregate().distinctReporters()).isEqualTo(2);

        // erasure: R#FP becomes R#<erased id>, with the same state
        Map<String, ReporterState> stored = new HashMap<>(before.changedReporters());
        stored.put(rekey.erasedId(), stored.remove(FP));
        Set<String> markers = Set.of("a1", "a2", "b1");

        Aggregation.Result redelivered = Aggregation.apply(before.aggregate(), Map.of(), markers, List.of(
                contribution("a1", FP, t0, "net1"), contribution("a2", FP, t0.plusSeconds(60), "net1")));
        assertThat(redelivered.applied()).isEmpty();

        Aggregation.Result later = Aggregation.apply(before.aggregate(), Map.of(), markers, List.of(
                contribution("a3", FP, t0.plusSeconds(600), "net1")));
        assertThat(later.aggregate().reports()).isEqualTo(4);
        assertThat(later.aggregate().distinctReporters()).isEqualTo(3);
        assertThat(later.aggregate().networks()).isEqualTo(before.aggregate().networks()).isEqualTo(2);
        assertThat(later.aggregate().effectiveReporters(1)).isEqualTo(before.aggregate().effectiveReporters(1));
    }

    private static IndicatorContribution contribution(String reportId, String reporter, Instant at, String network) {
        return new IndicatorContribution(PHONE, reportId, reporter, at, Set.of("Microsoft"), "US", BigDecimal.ZERO,
                List.of(), "phone", network);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
