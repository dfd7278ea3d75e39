package io.scamsignal.intake.service;

import java.time.Duration;
import java.time.Instant;

/** Reports per source network and hour: each accepted report takes one unit of its network's quota. */
public interface RateLimiter {

    sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** The network's quota for this window is used up; it is free again after {@code retryAfter}. */
        record Limited(Duration retryAfter) implements Decision {
        }
    }

    /** Takes one unit of {@code network}'s quota for the window holding {@code now}, if one is left. */
    Decision acquire(String network, Instant now);

    static RateLimiter none() {
        return (network, now) -> new Decision.Allowed();
    }
}
