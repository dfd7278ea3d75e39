package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.support.RingCorpus;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Through the deployed enrichment function on moto, the pipeline recovers exactly the true rings,
 * also with every batch delivered three times in shuffled order. A generated corpus is stored as
 * intake stores reports; the reports table's own stream records, cut into batches, go to the real
 * handler, each batch three times, all deliveries shuffled (a later batch before an earlier one's
 * redelivery, as parallel shards, retries and a re-created mapping allow). The truth is the
 * generator's own labels (campaigns, bridges joining two, noise alone), and each ring's aggregate
 * is computed from the raw corpus: the live rings must hold exactly those reports with exactly those
 * figures, the table must be consistent (member homes, aliases, no stray items), and one more
 * delivery of everything changes no item.
 *
 * <p>The shuffle's seed is printed; {@code -Dscamsignal.ringSeed=<seed>} repeats a run.
 */
class RingCorpusPipelineIT {

    @Test
    void theRingsAreExactlyTheTrueOnesWhateverTheDeliveryOrderAndRedelivery() throws Exception {
        // campaigns of 10 to 40 victims, noise, and two late reports bridging two small campaigns (5 and 6 victims)
        RingCorpus.Corpus corpus = RingCorpus.generate(15, List.of(10, 12, 25, 40, 5, 6), 30,
                List.of(new RingCorpus.Join(4, 5)));
        RingCorpusRun.Result result = RingCorpusRun.run("ringcorpus", corpus, 16, seed(), false);

        assertExactlyTheTrueRings(corpus, result);
    }

    /**
     * Two campaigns of 40 victims, then two reports (two networks) naming both: merging the two grown rings moves some
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
        assertThat(result.partition()).as("the live rings' reports against the generator's campaigns")
                .isEqualTo(result.truth());
        assertThat(result.observed()).as("each ring's aggregate against the raw corpus")
                .isEqualTo(result.expected());
        assertThat(result.problems()).isEmpty();
        assertThat(result.redeliveryChanges()).as("items a further delivery of every batch changed").isEmpty();
    }

    /** Each bridge's reports and its two campaigns' reports are one live ring. */
    private static void assertBridgesMerged(RingCorpus.Corpus corpus, RingCorpusRun.Result result) {
        assertThat(corpus.bridges()).isNotEmpty();
        for (RingCorpus.Bridge bridge : corpus.bridges()) {
            Set<String> union = new TreeSet<>(bridge.reportIds());
            union.addAll(corpus.campaigns().get(bridge.first()).reportIds());
            union.addAll(corpus.campaigns().get(bridge.second()).reportIds());
            assertThat(result.partition()).as("bridge " + bridge.reportIds() + " merged its two campaigns' rings")
                    .anySatisfy(ring -> assertThat(ring).containsAll(union));
        }
    }

    private static long seed() {
        return Long.getLong("scamsignal.ringSeed", System.nanoTime());
    }
}
