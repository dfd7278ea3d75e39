package io.scamsignal.domain;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supplier's value, computed at the first {@link #get()} and kept: at most one thread computes
 * it at a time, and later calls return it without locking. A failure (an exception, or null) is
 * not kept: the next call tries again. {@link #toString()} never shows the value, which may be a
 * key.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private volatile T value;

    private Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make);
    }

    public static <T> Lazy<T> of(Supplier<? extends T> make) {
        return new Lazy<>(make);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return value == null ? "Lazy[not yet computed]" : "Lazy[computed]";
    }
}
