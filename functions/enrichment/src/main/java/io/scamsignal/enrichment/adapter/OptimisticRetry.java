package io.scamsignal.enrichment.adapter;

import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The retry of a versioned read-modify-write transaction, shared by the indicator aggregates and the
 * rings: a cancellation because another writer got there first is read again after a short,
 * growing, random pause; any other cancellation is an error.
 */
final class OptimisticRetry {

    private OptimisticRetry() {
    }

    /** Another writer changed what was read (a failed version condition) or wrote at the same time. */
    static boolean retryable(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) {
            return false;
        }
        for (CancellationReason reason : e.cancellationReasons()) {
            if ("ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code())) {
                return true;
            }
        }
        return false;
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
