package io.scamsignal.domain.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.RingsTableKeys;
import io.scamsignal.domain.support.RingCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus check passes the reference fold's own items and finds what a wrong table gets wrong. */
class RingCorpusCheckTest {

    private static final RingCorpus.Corpus CORPUS = RingCorpus.generate(15, List.of(10, 12, 5, 6), 20,
            List.of(new RingCorpus.Join(2, 3)));
    private static final List<RingReport> REPORTS = CORPUS.reports().stream().map(RingCorpusCheck::toRingReport).toList();

    @Test
    void theReferencesOwnItemsPass() {
        assertThat(RingCorpusCheck.problems(new RingCorpusCheck.Snapshot(items(RingCorpusCheck.fold(REPORTS, 3))),
                REPORTS, 3)).isEmpty();
    }

    /** Two independent computations agree: the generator's labels with the raw corpus, and the planner's fold. */
    @Test
    void theLabelsTruthAndAggregatesAgreeWithTheReferenceFold() {
        InMemoryRingStore store = RingCorpusCheck.fold(REPORTS, 3);
        assertThat(CORPUS.trueRings()).hasSize(4 + 20 - 1);
        assertThat(RingCorpusCheck.observed(store, store.liveRings()))
                .isEqualTo(RingCorpusCheck.expectedFromLabels(CORPUS, 3));
    }

    @Test
    void aMissingReportItemIsFound() {
        List<RingCorpusCheck.Item> items = items(RingCorpusCheck.fold(REPORTS, 3));
        RingCorpusCheck.Item report = items.stream().filter(i -> i.sk().startsWith(RingsTableKeys.REPORT_PREFIX))
                .findFirst().orElseThrow();
        items.remove(report);

        assertThat(RingCorpusCheck.problems(new RingCorpusCheck.Snapshot(items), REPORTS, 3))
                .anyMatch(p -> p.contains("reportItems"))
                .anyMatch(p -> p.contains("is in no live ring"));
    }

    @Test
    void aRingNotMergedIsFound() {
        // the same corpus without its two bridge reports: the bridged campaigns stay two rings
        InMemoryRingStore unbridged = RingCorpusCheck.fold(REPORTS.subList(0, REPORTS.size() - 2), 3);

        assertThat(RingCorpusCheck.problems(new RingCorpusCheck.Snapshot(items(unbridged)), REPORTS, 3))
                .anyMatch(p -> p.startsWith("partition: " + (4 + 20 - 1) + " true rings, " + (4 + 20) + " live rings"));
    }

    /** The store's items as DynamoDbRingStore writes them (state JSON; a network's count beside it). */
    private static List<RingCorpusCheck.Item> items(InMemoryRingStore store) {
        List<RingCorpusCheck.Item> items = new ArrayList<>();
        for (RingReport r : REPORTS) {
            String id = RingIds.of(r.reportId());
            store.alias(id).ifPresent(a -> items.add(item(RingsTableKeys.aliasPk(id), RingsTableKeys.ALIAS, a)));
            store.head(id).ifPresent(h -> items.add(item(RingsTableKeys.ringPk(id), RingsTableKeys.HEAD, h)));
            for (RingReport.Member m : r.indicators()) {
                store.member(m.key()).ifPresent(member -> {
                    RingCorpusCheck.Item item = item(RingsTableKeys.memberPk(m.key()), RingsTableKeys.MEMBER, member);
                    if (!items.contains(item)) {
                        items.add(item);
                    }
                });
            }
        }
        for (RingItems.Head h : store.liveRings()) {
            String pk = RingsTableKeys.ringPk(h.home());
            store.memberKeys(h.home()).forEach(k -> items.add(new RingCorpusCheck.Item(pk, RingsTableKeys.LISTING_PREFIX + k,
                    null, null)));
            store.reports(h.home()).forEach(r -> items.add(item(pk, RingsTableKeys.REPORT_PREFIX + r.reportId(), r)));
            store.reporters(h.home()).forEach(r -> items.add(item(pk, RingsTableKeys.REPORTER_PREFIX + r.fingerprint(), r)));
            store.networks(h.home()).forEach(n -> items.add(new RingCorpusCheck.Item(pk,
                    RingsTableKeys.NETWORK_PREFIX + n.network(), null, n.reporters())));
        }
        return items;
    }

    private static RingCorpusCheck.Item item(String pk, String sk, Object state) {
        return new RingCorpusCheck.Item(pk, sk, Json.write(state), null);
    }
}
