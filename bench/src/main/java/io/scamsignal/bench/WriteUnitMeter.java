package io.scamsignal.bench;

import io.scamsignal.domain.storage.IndicatorsTableKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Counts DynamoDB write capacity units the way AWS bills on-demand writes: per item written,
 * its size rounded up to 1 KB, doubled inside a transaction. Sizes follow DynamoDB's rules
 * (attribute names plus values; numbers about one byte per two digits plus one).
 */
final class WriteUnitMeter implements ExecutionInterceptor {

    final DoubleAdder aggregateUnits = new DoubleAdder();
    final DoubleAdder reporterUnits = new DoubleAdder();
    final LongAdder aggregateWrites = new LongAdder();
    final LongAdder reporterWrites = new LongAdder();
    final LongAdder aggregateBytes = new LongAdder();
    final LongAdder reporterBytes = new LongAdder();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest tx) {
            for (TransactWriteItem item : tx.transactItems()) {
                if (item.put() != null) {
                    count(item.put().item(), 2);
                }
            }
        } else if (context.request() instanceof PutItemRequest put) {
            count(put.item(), 1);
        }
    }

    private void count(Map<String, AttributeValue> item, int factor) {
        long bytes = size(item);
        double units = Math.ceil(bytes / 1024.0) * factor;
        if (IndicatorsTableKeys.isAggregate(item.get(IndicatorsTableKeys.SORT_KEY).s())) {
            aggregateUnits.add(units);
            aggregateWrites.increment();
            aggregateBytes.add(bytes);
        } else {
            reporterUnits.add(units);
            reporterWrites.increment();
            reporterBytes.add(bytes);
        }
    }

    void reset() {
        aggregateUnits.reset();
        reporterUnits.reset();
        aggregateWrites.reset();
        reporterWrites.reset();
        aggregateBytes.reset();
        reporterBytes.reset();
    }

    static long size(Map<String, AttributeValue> item) {
        long total = 0;
        for (var e : item.entrySet()) {
            total += e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return total;
    }

    private static long size(AttributeValue v) {
        return switch (v.type()) {
            case S -> v.s().getBytes(StandardCharsets.UTF_8).length;
            case N -> v.n().replaceAll("[^0-9]", "").length() / 2 + 1;
            case SS -> v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            case BOOL, NUL -> 1;
            case M -> 3 + size(v.m());
            case L -> 3 + v.l().stream().mapToLong(WriteUnitMeter::size).sum();
            default -> 8;
        };
    }
}
