package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.emulator.aws.EmulatorClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@code make run} and {@code make bench} run moto through tools/moto_server.py, whose item-level
 * transaction snapshots replace moto's whole-table copies. This checks the patch keeps moto's
 * semantics: the same writes and transactions, on moto as released and on the patched launcher,
 * leave the same items and the same stream records — above all a cancelled two-item transaction,
 * which must leave neither item changed and nothing in the stream.
 */
class PatchedMotoIT {

    private static final Path PROJECT = TestEmulator.projectDir();

    @Test
    void aCancelledTwoItemTransactionLeavesTheSameItemsAndStreamAsMotoAsReleased() throws Exception {
        Outcome released;
        Outcome patched;
        try (EmulatorProcess moto = EmbeddedMoto.start(PROJECT.resolve(".venv"), 0,
                PROJECT.resolve("e2e/target/moto-released.log"))) {
            released = scenario(moto.endpoint());
        }
        try (EmulatorProcess moto = EmbeddedMoto.start(PROJECT.resolve(".venv"), 0,
                PROJECT.resolve("e2e/target/moto-patched.log"), PROJECT.resolve("tools/moto_server.py"))) {
            patched = scenario(moto.endpoint());
        }
        assertThat(Files.readString(PROJECT.resolve("e2e/target/moto-patched.log")))
                .as("the launcher applied its patch").contains("item-level snapshots");

        // the cancelled transaction changed nothing: A as first written, B never created, no stream record of either
        assertThat(released.itemsAfterCancel()).containsExactly(Map.of("pk", s("A"), "n", n("1")));
        assertThat(released.streamAfterCancel()).containsExactly("INSERT A {n=1, pk=A}");
        assertThat(patched.itemsAfterCancel()).isEqualTo(released.itemsAfterCancel());
        assertThat(patched.streamAfterCancel()).isEqualTo(released.streamAfterCancel());
        // and the transaction that then succeeds writes the same on both
        assertThat(patched.itemsAtEnd()).isEqualTo(released.itemsAtEnd()).hasSize(2);
        assertThat(patched.streamAtEnd()).isEqualTo(released.streamAtEnd()).hasSize(3);
    }

    private record Outcome(List<Map<String, AttributeValue>> itemsAfterCancel, List<String> streamAfterCancel,
                           List<Map<String, AttributeValue>> itemsAtEnd, List<String> streamAtEnd) {
    }

    private static Outcome scenario(String endpoint) {
        try (EmulatorClients aws = EmulatorClients.create(endpoint, "us-east-1", "test", "test")) {
            String table = "patched-moto";
            String streamArn = aws.dynamoDb().createTable(b -> b.tableName(table)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription().latestStreamArn();
            aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s("A"), "n", n("1"))));

            // two items: A's update would succeed, B's put fails its condition (n must already be 5): all cancelled
            assertThatThrownBy(() -> aws.dynamoDb().transactWriteItems(b -> b.transactItems(
                    update(table, "A"),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s("B"), "n", n("1")))
                            .conditionExpression("n = :five").expressionAttributeValues(Map.of(":five", n("5")))).build())))
                    .isInstanceOf(TransactionCanceledException.class);
            List<Map<String, AttributeValue>> itemsAfterCancel = items(aws, table);
            List<String> streamAfterCancel = stream(aws, streamArn);

            aws.dynamoDb().transactWriteItems(b -> b.transactItems(update(table, "A"),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s("B"), "n", n("1")))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return new Outcome(itemsAfterCancel, streamAfterCancel, items(aws, table), stream(aws, streamArn));
        }
    }

    private static TransactWriteItem update(String table, String key) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s(key)))
                .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", n("1")))).build();
    }

    private static List<Map<String, AttributeValue>> items(EmulatorClients aws, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(aws.dynamoDb().scan(b -> b.tableName(table)).items());
        items.sort(Comparator.comparing(item -> item.get("pk").s()));
        return items;
    }

    /** The stream's records without what differs by run (ids, sequence numbers, times): event, key, new image. */
    private static List<String> stream(EmulatorClients aws, String streamArn) {
        List<String> records = new ArrayList<>();
        for (Shard shard : aws.streams().describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            String current = iterator;
            for (Record record : aws.streams().getRecords(b -> b.shardIterator(current).limit(1000)).records()) {
                records.add(record.eventNameAsString() + " " + record.dynamodb().keys().get("pk").s() + " "
                        + new TreeMap<>(Map.of("pk", record.dynamodb().newImage().get("pk").s(),
                        "n", record.dynamodb().newImage().get("n").n())));
            }
        }
        return records;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
