package io.scamsignal.enrichment.adapter;

import static io.scamsignal.domain.storage.RingsTableKeys.PARTITION_KEY;
import static io.scamsignal.domain.storage.RingsTableKeys.SORT_KEY;
import static io.scamsignal.domain.storage.RingsTableKeys.STATE;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingLinker;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReads;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.ring.RingWrite;
import io.scamsignal.domain.storage.RingsTableKeys;
import io.scamsignal.enrichment.service.RingRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The rings on DynamoDB (docs/rings.md): {@link RingReads} by strongly consistent GetItem and Query,
 * and each {@link RingPlanner.Plan} applied as one TransactWriteItems with the plan's conditions
 * by the domain's {@link RingLinker}. When another writer changed a ring between the read and the
 * write, the transaction is cancelled and the report is read and planned again (bounded), as
 * {@link DynamoDbIndicatorRepository} does; a merge too big for one transaction goes in steps.
 */
public final class DynamoDbRingStore implements RingReads, RingRepository {

    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final RingLinker linker;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writtenItems = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();

    public DynamoDbRingStore(DynamoDbClient dynamoDb, String table, RingPlanner planner) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.linker = new RingLinker(planner, MAX_ATTEMPTS);
    }

    @Override
    public RingPlanner.Plan link(RingReport report) {
        return linker.link(report, this, new RingLinker.Transactions() {
            @Override
            public boolean apply(List<RingWrite> writes) {
                try {
                    dynamoDb.transactWriteItems(b -> b.transactItems(writes.stream().map(DynamoDbRingStore.this::write)
                            .toList()));
                } catch (TransactionCanceledException e) {
                    if (!OptimisticRetry.retryable(e)) {
                        throw e;
                    }
                    // another report changed one of these rings since the read: read and plan again
                    return false;
                }
                transactions.incrementAndGet();
                writtenItems.addAndGet(writes.size());
                return true;
            }

            @Override
            public void pause(int conflicts) {
                OptimisticRetry.pause(conflicts);
            }
        });
    }

    /**
     * Applies writes as one TransactWriteItems (an operator's ring split, RingSplit); false when a
     * condition failed because another writer changed the ring since the read.
     */
    public boolean applyOnce(List<RingWrite> writes) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes.stream().map(this::write).toList()));
        } catch (TransactionCanceledException e) {
            if (!OptimisticRetry.retryable(e)) {
                throw e;
            }
            return false;
        }
        transactions.incrementAndGet();
        writtenItems.addAndGet(writes.size());
        return true;
    }

    /** Requests so far: reads (GetItem and Query pages), transactions and the items they wrote. */
    public record Counters(long reads, long transactions, long writtenItems) {
    }

    public Counters counters() {
        return new Counters(reads.get(), transactions.get(), writtenItems.get());
    }

    private TransactWriteItem write(RingWrite w) {
        return switch (w) {
            case RingWrite.PutMember m -> {
                Map<String, AttributeValue> item = item(RingsTableKeys.memberPk(m.member().key()), RingsTableKeys.MEMBER,
                        m.member());
                item.put("home", s(m.member().home()));
                Put.Builder put = Put.builder().tableName(table).item(item);
                if (m.expectedHome() == null) {
                    put.conditionExpression("attribute_not_exists(pk)");
                } else {
                    put.conditionExpression("home = :home").expressionAttributeValues(Map.of(":home", s(m.expectedHome())));
                }
                yield put(put);
            }
            case RingWrite.PutListing l -> put(Put.builder().tableName(table)
                    .item(key(RingsTableKeys.ringPk(l.home()), RingsTableKeys.LISTING_PREFIX + l.key())));
            case RingWrite.DeleteListing l -> delete(RingsTableKeys.ringPk(l.home()), RingsTableKeys.LISTING_PREFIX + l.key());
            case RingWrite.PutHead h -> {
                RingItems.Head head = h.head();
                Map<String, AttributeValue> item = item(RingsTableKeys.ringPk(head.home()), RingsTableKeys.HEAD, head);
                item.put("version", n(head.version()));
                item.put("ringId", s(head.ringId()));
                if (head.mergedInto() != null) {
                    item.put("mergedInto", s(head.mergedInto()));
                }
                Put.Builder put = Put.builder().tableName(table).item(item);
                if (h.expectedVersion() == 0) {
                    put.conditionExpression("attribute_not_exists(pk)");
                } else {
                    put.conditionExpression("version = :expected")
                            .expressionAttributeValues(Map.of(":expected", n(h.expectedVersion())));
                }
                yield put(put);
            }
            case RingWrite.PutReport r -> put(Put.builder().tableName(table)
                    .item(item(RingsTableKeys.ringPk(r.home()), RingsTableKeys.REPORT_PREFIX + r.report().reportId(), r.report()))
                    .conditionExpression("attribute_not_exists(sk)"));
            case RingWrite.DeleteReport r -> delete(RingsTableKeys.ringPk(r.home()), RingsTableKeys.REPORT_PREFIX + r.reportId());
            case RingWrite.PutReporter r -> put(Put.builder().tableName(table).item(item(RingsTableKeys.ringPk(r.home()),
                    RingsTableKeys.REPORTER_PREFIX + r.reporter().fingerprint(), r.reporter())));
            case RingWrite.DeleteReporter r -> delete(RingsTableKeys.ringPk(r.home()), RingsTableKeys.REPORTER_PREFIX + r.fingerprint());
            case RingWrite.PutNetwork n -> {
                String sk = RingsTableKeys.NETWORK_PREFIX + n.network().network();
                if (n.network().reporters() == 0) {
                    yield delete(RingsTableKeys.ringPk(n.home()), sk);
                }
                Map<String, AttributeValue> item = key(RingsTableKeys.ringPk(n.home()), sk);
                item.put("reporters", n(n.network().reporters()));
                yield put(Put.builder().tableName(table).item(item));
            }
            case RingWrite.CheckHead h -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(table).key(key(RingsTableKeys.ringPk(h.home()), RingsTableKeys.HEAD))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(h.expectedVersion()))).build()).build();
            case RingWrite.PutLink l -> put(Put.builder().tableName(table)
                    .item(item(RingsTableKeys.linkPk(l.link().a(), l.link().b()), RingsTableKeys.LINK, l.link())));
            case RingWrite.PutUnlink u -> put(Put.builder().tableName(table)
                    .item(item(RingsTableKeys.unlinkPk(u.unlink().a(), u.unlink().b()), RingsTableKeys.UNLINK, u.unlink())));
            case RingWrite.PutAlias a -> {
                Map<String, AttributeValue> item = item(RingsTableKeys.aliasPk(a.alias().ringId()), RingsTableKeys.ALIAS, a.alias());
                item.put("home", s(a.alias().home()));
                yield put(Put.builder().tableName(table).item(item));
            }
        };
    }

    private static TransactWriteItem put(Put.Builder put) {
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem delete(String pk, String sk) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(pk, sk)).build()).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Object state) {
        Map<String, AttributeValue> item = key(pk, sk);
        item.put(STATE, s(Json.write(state)));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PARTITION_KEY, s(pk));
        key.put(SORT_KEY, s(sk));
        return key;
    }

    // --- reads -------------------------------------------------------------------------------------

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        reads.incrementAndGet();
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private <T> Optional<T> state(String pk, String sk, Class<T> type) {
        return get(pk, sk).map(item -> RingsTableKeys.read(item.get(STATE).s(), type));
    }

    private <T> List<T> query(String home, String prefix, Function<Map<String, AttributeValue>, T> decode) {
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            reads.incrementAndGet();
            var page = dynamoDb.query(b -> {
                b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(RingsTableKeys.ringPk(home)), ":prefix", s(prefix)));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            page.items().forEach(item -> out.add(decode.apply(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Optional<RingItems.Member> member(String indicatorKey) {
        return state(RingsTableKeys.memberPk(indicatorKey), RingsTableKeys.MEMBER, RingItems.Member.class);
    }

    /** BatchGetItem, 100 keys a request, strongly consistent. */
    @Override
    public Map<String, RingItems.Member> members(Collection<String> indicatorKeys) {
        Map<String, RingItems.Member> out = new LinkedHashMap<>();
        List<String> keys = List.copyOf(indicatorKeys);
        for (int i = 0; i < keys.size(); i += 100) {
            List<Map<String, AttributeValue>> batch = keys.subList(i, Math.min(keys.size(), i + 100)).stream()
                    .map(k -> key(RingsTableKeys.memberPk(k), RingsTableKeys.MEMBER)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(batch)
                    .consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                reads.incrementAndGet();
                var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    RingItems.Member m = RingsTableKeys.read(item.get(STATE).s(), RingItems.Member.class);
                    out.put(m.key(), m);
                });
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    @Override
    public Optional<RingItems.Head> head(String home) {
        return state(RingsTableKeys.ringPk(home), RingsTableKeys.HEAD, RingItems.Head.class);
    }

    @Override
    public Optional<RingItems.Report> report(String home, String reportId) {
        return state(RingsTableKeys.ringPk(home), RingsTableKeys.REPORT_PREFIX + reportId, RingItems.Report.class);
    }

    @Override
    public Optional<RingItems.Reporter> reporter(String home, String fingerprint) {
        return state(RingsTableKeys.ringPk(home), RingsTableKeys.REPORTER_PREFIX + fingerprint, RingItems.Reporter.class);
    }

    @Override
    public long networkReporters(String home, String network) {
        return get(RingsTableKeys.ringPk(home), RingsTableKeys.NETWORK_PREFIX + network)
                .map(item -> Long.parseLong(item.get("reporters").n())).orElse(0L);
    }

    @Override
    public Optional<RingItems.Alias> alias(String ringId) {
        return state(RingsTableKeys.aliasPk(ringId), RingsTableKeys.ALIAS, RingItems.Alias.class);
    }

    @Override
    public Optional<RingItems.Link> link(String x, String y) {
        RingItems.Link key = RingItems.Link.empty(x, y);
        return state(RingsTableKeys.linkPk(key.a(), key.b()), RingsTableKeys.LINK, RingItems.Link.class);
    }

    @Override
    public boolean unlinked(String x, String y) {
        RingItems.Link key = RingItems.Link.empty(x, y);
        return get(RingsTableKeys.unlinkPk(key.a(), key.b()), RingsTableKeys.UNLINK).isPresent();
    }

    @Override
    public Optional<RingItems.Unlink> unlink(String x, String y) {
        RingItems.Link key = RingItems.Link.empty(x, y);
        return state(RingsTableKeys.unlinkPk(key.a(), key.b()), RingsTableKeys.UNLINK, RingItems.Unlink.class);
    }

    @Override
    public List<String> memberKeys(String home) {
        return query(home, RingsTableKeys.LISTING_PREFIX,
                item -> item.get(SORT_KEY).s().substring(RingsTableKeys.LISTING_PREFIX.length()));
    }

    @Override
    public List<RingItems.Report> reports(String home) {
        return query(home, RingsTableKeys.REPORT_PREFIX, item -> RingsTableKeys.read(item.get(STATE).s(), RingItems.Report.class));
    }

    @Override
    public List<RingItems.Reporter> reporters(String home) {
        return query(home, RingsTableKeys.REPORTER_PREFIX,
                item -> RingsTableKeys.read(item.get(STATE).s(), RingItems.Reporter.class));
    }

    @Override
    public List<RingItems.Network> networks(String home) {
        return query(home, RingsTableKeys.NETWORK_PREFIX, item -> new RingItems.Network(
                item.get(SORT_KEY).s().substring(RingsTableKeys.NETWORK_PREFIX.length()),
                Long.parseLong(item.get("reporters").n())));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
