package io.scamsignal.referral.service;

import io.scamsignal.domain.referral.ReferralPacket;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingReads;
import io.scamsignal.domain.ring.RingView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ring's referral packet: the ring id resolved through its aliases (a merged ring's id answers
 * with its survivor's packet), the ring read whole, the reports' stored documents for the evidence
 * manifest, and the contacts of the reporters who agreed to be contacted by law enforcement.
 */
public final class ReferralService {

    /** Alias hops followed before giving up (merges chain; a loop would be corrupt storage). */
    private static final int MAX_HOPS = 1000;
    private final RingReads rings;
    private final ReportDocuments reports;
    private final Clock clock;

    public ReferralService(RingReads rings, ReportDocuments reports, Clock clock) {
        this.rings = rings;
        this.reports = reports;
        this.clock = clock;
    }

    /** The live ring a (possibly retired) ring id answers with; empty for an unknown id. */
    public Optional<RingItems.Head> resolve(String ringId) {
        Optional<RingItems.Alias> alias = rings.alias(ringId);
        for (int hops = 0; alias.isPresent() && alias.get().mergedInto() != null; hops++) {
            if (hops == MAX_HOPS) {
                throw new IllegalStateException("ring alias chain of " + ringId + " does not end");
            }
            alias = rings.alias(alias.get().mergedInto());
        }
        return alias.flatMap(a -> rings.head(a.home())).filter(RingItems.Head::live);
    }

    /**
     * The ring is being merged with another in steps (docs/rings.md): its items are half moved, so
     * no packet now; the enrichment finishes the merge with the next report touching either ring.
     */
    public static final class RingMergingException extends IllegalStateException {
        RingMergingException(String ringId) {
            super("ring " + ringId + " is being merged");
        }
    }

    public Optional<ReferralPacket> packet(String ringId) {
        return resolve(ringId).map(head -> {
            if (head.merging()) {
                throw new RingMergingException(ringId);
            }
            RingView view = RingView.of(rings, head);
            List<String> ids = view.reports().stream().map(RingItems.Report::reportId).toList();
            Map<String, String> feed = reports.feedIndicators(view.members().stream().map(RingItems.Member::key).toList());
            return ReferralPacket.build(view, reports.documents(ids), reports.consentingContacts(ids), feed,
                    clock.instant());
        });
    }
}
