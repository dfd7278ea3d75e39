package io.scamsignal.ops;

import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code false-positive <type#value> <reason>}: marks an indicator a false positive; the alerting
 * function retracts every alert sent about it and never alerts on it again. Reads
 * {@code INDICATORS_TABLE} (default: the local runner's {@code <STACK_NAME>-IndicatorsTable}).
 */
public final class FalsePositive implements Ops.Command {

    @Override
    public String usage() {
        return "<type#value, e.g. phone#+18885550142> <reason>";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        if (args.size() != 2 || !args.get(0).contains("#") || args.get(1).isBlank()) {
            System.err.println("usage: false-positive " + usage());
            return 2;
        }
        boolean tableNamed = environment.get("INDICATORS_TABLE", null) != null;
        String table = environment.table("INDICATORS_TABLE", "IndicatorsTable");
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            boolean marked = mark(dynamoDb, table, args.get(0), args.get(1));
            System.out.println(marked ? "marked " + args.get(0) + " a false positive; its alerts are being retracted"
                    : "no indicator " + args.get(0) + " in " + table);
            return marked ? 0 : 1;
        }
    }

    public static boolean mark(DynamoDbClient dynamoDb, String table, String indicatorKey, String reason) {
        return new DynamoDbIndicatorRepository(dynamoDb, table).markFalsePositive(indicatorKey, reason);
    }
}
