package io.scamsignal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void computesNothingUntilTheFirstGetAndThenOnlyOnce() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "value-" + calls.incrementAndGet());

        assertThat(calls).hasValue(0);
        assertThat(lazy.get()).isEqualTo("value-1");
        assertThat(lazy.get()).isEqualTo("value-1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailureIsNotKeptAndTheNextGetTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not reachable yet");
            }
            return "value";
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class);
        assertThat(lazy.get()).isEqualTo("value");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aNullIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> calls.incrementAndGet() == 1 ? null : "value");

        assertThat(lazy.get()).isNull();
        assertThat(lazy.get()).isEqualTo("value");
        assertThat(calls).hasValue(2);
    }

    @Test
    void threadsThatAskTogetherGetTheOneValueComputedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Lazy<Object> lazy = Lazy.of(() -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(50); // long enough for the other threads to arrive while it computes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        });
        List<Future<Object>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            Object first = answers.getFirst().get();
            for (Future<Object> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void toStringNeverShowsTheValue() {
        Lazy<String> lazy = Lazy.of(() -> "secret-key-material");
        lazy.get();

        assertThat(lazy.toString()).doesNotContain("secret");
    }
}
