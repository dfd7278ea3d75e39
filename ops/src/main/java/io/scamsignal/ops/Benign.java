package io.scamsignal.ops;

import io.scamsignal.aws.DynamoDbBenignOverrides;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code benign add <type#value> <list or reason>}, {@code benign not <type#value> <reason>},
 * {@code benign remove <type#value>}: the operators' benign entries (DynamoDbBenignOverrides). No
 * redeploy: enrichment and alerting read them again within BENIGN_OVERRIDES_CACHE_SECONDS. An
 * added indicator is still counted but never alerts, and alerting withdraws what was sent about it
 * at its next change; {@code not} lifts a list's verdict (a hijacked listed domain). Reads
 * {@code INDICATORS_TABLE} (default: the local runner's {@code <STACK_NAME>-IndicatorsTable}).
 */
public final class Benign implements Ops.Command {

    @Override
    public String usage() {
        return "add|not <type#value, e.g. domain#anydesk.com> <list or reason> | remove <type#value>";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        String action = args.isEmpty() ? "" : args.get(0);
        boolean valid = switch (action) {
            case "add", "not" -> args.size() == 3 && !args.get(2).isBlank();
            case "remove" -> args.size() == 2;
            default -> false;
        };
        if (!valid || !args.get(1).contains("#")) {
            System.err.println("usage: benign " + usage());
            return 2;
        }
        boolean tableNamed = environment.get("INDICATORS_TABLE", null) != null;
        String table = environment.table("INDICATORS_TABLE", "IndicatorsTable");
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            if (action.equals("remove")) {
                remove(dynamoDb, table, args.get(1));
                System.out.println("removed the benign entry of " + args.get(1));
            } else {
                put(dynamoDb, table, args.get(1), !action.equals("not"), args.get(2));
                System.out.println((action.equals("add") ? "benign: " : "not benign: ") + args.get(1)
                        + " (takes effect within the functions' BENIGN_OVERRIDES_CACHE_SECONDS)");
            }
            return 0;
        }
    }

    public static void put(DynamoDbClient dynamoDb, String table, String indicatorKey, boolean benign, String reason) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                IndicatorsTableKeys.PARTITION_KEY, AttributeValue.fromS(IndicatorsTableKeys.BENIGN_PARTITION),
                IndicatorsTableKeys.SORT_KEY, AttributeValue.fromS(indicatorKey),
                DynamoDbBenignOverrides.VERDICT, AttributeValue.fromS(benign
                        ? DynamoDbBenignOverrides.BENIGN : DynamoDbBenignOverrides.NOT_BENIGN),
                DynamoDbBenignOverrides.REASON, AttributeValue.fromS(reason.strip()),
                "updatedAt", AttributeValue.fromS(Instant.now().toString()))));
    }

    public static void remove(DynamoDbClient dynamoDb, String table, String indicatorKey) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of(
                IndicatorsTableKeys.PARTITION_KEY, AttributeValue.fromS(IndicatorsTableKeys.BENIGN_PARTITION),
                IndicatorsTableKeys.SORT_KEY, AttributeValue.fromS(indicatorKey))));
    }
}
