package io.scamsignal.domain.storage;

/** IdempotencyTable: one item per Idempotency-Key a client sent, kept for the idempotency window. */
public final class IdempotencyTableKeys {

    /** The partition key: the client's Idempotency-Key header as sent. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private IdempotencyTableKeys() {
    }
}
