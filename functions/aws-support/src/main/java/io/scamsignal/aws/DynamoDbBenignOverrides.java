package io.scamsignal.aws;

import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operators' benign entries (make benign add|remove), kept in the indicators table under
 * {@code pk = BENIGN}, {@code sk = <indicator key>}, with {@code verdict} (benign or not_benign) and
 * {@code reason}. Read whole with one Query and cached for {@code ttl}: an entry takes effect
 * within that time in every container, without a redeploy. The entries are few (operators type
 * them), so reading all of them costs less than one read per indicator.
 */
public final class DynamoDbBenignOverrides implements BenignOverrides {

    public static final String VERDICT = "verdict";
    public static final String REASON = "reason";
    public static final String BENIGN = "benign";
    public static final String NOT_BENIGN = "not_benign";

    private record Snapshot(Map<String, Entry> entries, Instant readAt) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public DynamoDbBenignOverrides(DynamoDbClient dynamoDb, String table, Duration ttl, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    public static DynamoDbBenignOverrides fromEnvironment(DynamoDbClient dynamoDb, FunctionEnvironment env) {
        return new DynamoDbBenignOverrides(dynamoDb, env.require("INDICATORS_TABLE"),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENIGN_OVERRIDES_CACHE_SECONDS", "60"))),
                Clock.systemUTC());
    }

    @Override
    public Optional<Entry> find(String indicatorKey) {
        return Optional.ofNullable(entries().get(indicatorKey));
    }

    private Map<String, Entry> entries() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(ttl))) {
            current = new Snapshot(read(), now);
            snapshot = current;
        }
        return current.entries();
    }

    private Map<String, Entry> read() {
        Map<String, Entry> entries = new HashMap<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(false)
                        .keyConditionExpression("#pk = :benign")
                        .expressionAttributeNames(Map.of("#pk", IndicatorsTableKeys.PARTITION_KEY))
                        .expressionAttributeValues(Map.of(":benign", AttributeValue.fromS(IndicatorsTableKeys.BENIGN_PARTITION))))
                .items().forEach(item -> {
                    String reason = item.containsKey(REASON) ? item.get(REASON).s() : "";
                    String key = item.get(IndicatorsTableKeys.SORT_KEY).s();
                    entries.put(key, item.containsKey(VERDICT) && NOT_BENIGN.equals(item.get(VERDICT).s())
                            ? new NotBenign(reason) : new Benign(reason));
                });
        return Map.copyOf(entries);
    }
}
