package io.scamsignal.domain.benign;

import java.util.Optional;

/**
 * Operators' corrections to the benign lists, consulted before them and read at run time (a
 * DynamoDB item in the stack), so adding or removing an entry needs no redeploy: like the
 * false-positive mark, but for an indicator that should never have been one ({@link Benign}) or a
 * listed one that scammers now use ({@link NotBenign}, e.g. a hijacked domain of a top-10k list).
 * Keyed by {@code Indicator.key()} ({@code domain#example.com}, {@code phone#+18773824357}); a
 * URL is also covered by its domain's entry.
 */
public interface BenignOverrides {

    sealed interface Entry permits Benign, NotBenign {
        String reason();
    }

    /** Treat as benign, whatever the lists say. */
    record Benign(String reason) implements Entry {
    }

    /** Treat as a possible scam indicator, whatever the lists say. */
    record NotBenign(String reason) implements Entry {
    }

    Optional<Entry> find(String indicatorKey);

    static BenignOverrides none() {
        return key -> Optional.empty();
    }
}
