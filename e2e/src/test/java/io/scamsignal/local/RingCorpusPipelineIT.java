package io.scamsignal.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.ring.RingCorpusCheck;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.support.RingCorpus;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Ring recovery through the deployed enrichment function on moto: the pipeline recovers exactly
 * the true rings, also with every batch delivered three times in shuffled order. A generated corpus
 * is stored as intake stores reports; the reports table's own stream records, cut into batches, go
 * to the real handler, each batch three times, all deliveries shuffled (a later batch before an
 * earlier one's redelivery, as parallel shards, retries and a re-created mapping allow). The rings
 * table is then checked against the truth (connected components of linkable indicators) and against
 * the same reports folded once, in receivedAt order, into the in-memory store: every live ring's
 * head and items, every alias. One more delivery of everything changes no item.
 *
 * <p>The shuffle's seed is printed; {@code -Dscamsignal.ringSeed=<seed>} repeats a run.
 */
class RingCorpusPipelineIT {

    @Test
    void theRingsAreExactlyTheTrueOnesWhateverTheDeliveryOrderAndRedelivery() throws Exception {
        // campaigns of 10 to 40 victims, noise, and a late report bridging two small campaigns (5 and 6 victims)
        RingCorpus.Corpus corpus = RingCorpus.generate(15, List.of(10, 12, 25, 40, 5, 6), 30,
                List.of(new RingCorpus.Join(4, 5)));
        RingCorpusRun.Result result = RingCorpusRun.run("ringcorpus", corpus, 16, seed(), false);

        assertExactlyTheTrueRings(corpus, result);
    }

    /**
     * Two campaigns of 40 victims, then a report naming both: merging the two grown rings moves some
     * 250 items, more than one DynamoDB transaction takes (100).
     */
    @Test
    void aBridgeBetweenTwoBigRingsMergesThemIntoTheirUnion() throws Exception {
        RingCorpus.Corpus corpus = RingCorpus.generate(16, List.of(40, 40), 10, List.of(new RingCorpus.Join(0, 1)));
        RingCorpusRun.Result result = RingCorpusRun.run("ringbridge", corpus, 16, seed(), true);

        assertExactlyTheTrueRings(corpus, result);
    }

    private static void assertExactlyTheTrueRings(RingCorpus.Corpus corpus, RingCorpusRun.Result result) {
        assertThat(result.failures()).as("deliveries that reported a failure, with the errors the function logged")
                .isEmpty();
        assertBridgesMerged(corpus, result);
        assertThat(result.partition()).isEqualTo(result.truth());
        assertThat(result.problems()).isEmpty();
        assertThat(result.redeliveryChanges()).as("items a further delivery of every batch changed").isEmpty();
    }

    /** Each bridge's true ring is the union of its two campaigns' indicators (and its own). */
    private static void assertBridgesMerged(RingCorpus.Corpus corpus, RingCorpusRun.Result result) {
        List<RingReport> reports = corpus.reports().stream()
                .map(RingCorpusCheck::toRingReport).toList();
        for (RingCorpus.Bridge bridge : corpus.bridges()) {
            Set<String> union = new TreeSet<>();
            reports.stream().filter(r -> r.reportId().equals(bridge.reportId())
                            || corpus.campaigns().get(bridge.first()).reportIds().contains(r.reportId())
                            || corpus.campaigns().get(bridge.second()).reportIds().contains(r.reportId()))
                    .forEach(r -> r.indicators().forEach(m -> union.add(m.key())));
            assertThat(result.truth()).as("the truth joins the bridged campaigns").contains(union);
            assertThat(result.partition()).as("bridge " + bridge.reportId() + " merged its two campaigns' rings")
                    .contains(union);
        }
        assertThat(RingCorpusCheck.truth(reports)).isEqualTo(result.truth());
    }

    private static long seed() {
        return Long.getLong("scamsignal.ringSeed", System.nanoTime());
    }
}
