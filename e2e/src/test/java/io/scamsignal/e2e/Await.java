package io.scamsignal.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting on a condition instead of sleeping for a guessed time: polls until the condition holds
 * and fails with what it last saw when the timeout passes first.
 */
final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {
    }

    /** Polls {@code value} until {@code condition} holds; returns the value that met it. */
    static <T> T until(Callable<T> value, Predicate<? super T> condition, Duration timeout, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = value.call();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what + " (last seen: " + last + ")");
            }
            Thread.sleep(POLL.toMillis());
            last = value.call();
        }
        return last;
    }

    static void until(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        until(condition, Boolean.TRUE::equals, timeout, what);
    }

    /**
     * Polls {@code value} until it has not changed for {@code quiet}: for "and nothing more
     * arrives", after the work that could still send something has finished.
     */
    static <T> T stable(Callable<T> value, Duration quiet, Duration timeout, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = value.call();
        Instant since = Instant.now();
        while (Duration.between(since, Instant.now()).compareTo(quiet) < 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not stable for " + quiet + " within " + timeout + ": " + what + " (last seen: " + last + ")");
            }
            Thread.sleep(POLL.toMillis());
            T now = value.call();
            if (!Objects.equals(now, last)) {
                last = now;
                since = Instant.now();
            }
        }
        return last;
    }
}
