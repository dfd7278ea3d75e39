package io.scamsignal.partnerapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The items of one DynamoDB Query, read lazily, a page only when the previous one is used up:
 * {@code page} runs the Query from an exclusive start key (null for the first page), {@code item}
 * turns an item into an element, or into null to skip it.
 */
final class QueryPages<T> implements Iterator<T> {

    private final Function<Map<String, AttributeValue>, QueryResponse> page;
    private final Function<Map<String, AttributeValue>, T> item;
    private final Deque<T> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> lastKey;
    private boolean exhausted;

    QueryPages(Function<Map<String, AttributeValue>, QueryResponse> page, Function<Map<String, AttributeValue>, T> item) {
        this.page = page;
        this.item = item;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !exhausted) {
            fetch();
        }
        return !buffer.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.removeFirst();
    }

    private void fetch() {
        QueryResponse response = page.apply(lastKey);
        for (Map<String, AttributeValue> read : response.items()) {
            T element = item.apply(read);
            if (element != null) {
                buffer.addLast(element);
            }
        }
        lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        exhausted = lastKey == null;
    }
}
