package io.scamsignal.e2e;

import io.scamsignal.domain.support.DynamoDbExpressions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every DynamoDB request of the test JVM (the handlers run in it) is refused before it is sent when
 * one of its expressions names a reserved word without an {@code #alias}, as DynamoDB refuses it:
 * moto lets such a key condition through. Registered for every SDK client through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; what it refused is kept
 * for the tests to assert on, since a refused stream record may end quietly in an on-failure queue.
 */
public final class ReservedWordGuard implements ExecutionInterceptor {

    private static final List<String> REFUSED = new CopyOnWriteArrayList<>();

    /** The requests refused so far in this JVM, each with its expression and the names it left bare. */
    static List<String> refused() {
        return List.copyOf(REFUSED);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        List<String> problems = problems(context.request());
        if (!problems.isEmpty()) {
            REFUSED.addAll(problems);
            throw new IllegalArgumentException("DynamoDB would reject this request (ValidationException): " + problems);
        }
    }

    static List<String> problems(SdkRequest request) {
        List<String> expressions = new ArrayList<>();
        switch (request) {
            case QueryRequest q -> expressions.addAll(List.of(nz(q.keyConditionExpression()), nz(q.filterExpression()),
                    nz(q.projectionExpression())));
            case ScanRequest s -> expressions.addAll(List.of(nz(s.filterExpression()), nz(s.projectionExpression())));
            case GetItemRequest g -> expressions.add(nz(g.projectionExpression()));
            case PutItemRequest p -> expressions.add(nz(p.conditionExpression()));
            case UpdateItemRequest u -> expressions.addAll(List.of(nz(u.updateExpression()), nz(u.conditionExpression())));
            case DeleteItemRequest d -> expressions.add(nz(d.conditionExpression()));
            case BatchGetItemRequest b -> b.requestItems().values().forEach(k -> expressions.add(nz(k.projectionExpression())));
            case TransactGetItemsRequest t -> t.transactItems().forEach(i -> expressions.add(nz(i.get().projectionExpression())));
            case TransactWriteItemsRequest t -> t.transactItems().forEach(i -> expressions.addAll(expressions(i)));
            default -> {
            }
        }
        List<String> problems = new ArrayList<>();
        for (String expression : expressions) {
            List<String> bare = DynamoDbExpressions.unaliasedReservedNames(expression);
            if (!bare.isEmpty()) {
                problems.add(request.getClass().getSimpleName() + " \"" + expression + "\" names " + bare);
            }
        }
        return problems;
    }

    private static List<String> expressions(TransactWriteItem item) {
        List<String> list = new ArrayList<>();
        if (item.put() != null) {
            list.add(nz(item.put().conditionExpression()));
        }
        if (item.update() != null) {
            list.add(nz(item.update().updateExpression()));
            list.add(nz(item.update().conditionExpression()));
        }
        if (item.delete() != null) {
            list.add(nz(item.delete().conditionExpression()));
        }
        if (item.conditionCheck() != null) {
            list.add(nz(item.conditionCheck().conditionExpression()));
        }
        return list;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
