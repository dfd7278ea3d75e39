package io.scamsignal.intake.service;

/**
 * A partner key's own allowance for bulk reports. A partner's reports come from its servers, not
 * from the victims' networks, so the public per-network limit does not fit them; each key has its
 * own, counted in reports per minute.
 */
@FunctionalInterface
public interface PartnerRateLimit {

    /** Takes {@code reports} from the key's allowance for the current minute; false when that would exceed it. */
    boolean take(String keyId, int reports);
}
