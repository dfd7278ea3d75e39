package io.scamsignal.partnerapi;

import io.scamsignal.domain.feed.FeedEntry;
import io.scamsignal.domain.feed.TaxiiQuery;
import io.scamsignal.domain.feed.VersionIndex;
import io.scamsignal.domain.stix.StixTime;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a collection's entries after a query's start key, lazily and no more than a page needs:
 * each DynamoDB Query asks for the page's size plus one (the one that tells whether there is more),
 * continues with LastEvaluatedKey only when filters rejected entries. A query for one object id
 * reads the ByObject index instead of the collection. The entries' {@code first}/{@code last}
 * attributes answer the version index, so match[version] costs no extra read.
 */
final class DynamoDbFeedReader {

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** Read capacity consumed by this reader's queries, for the bench and the logs. */
    private double capacityUnits;

    DynamoDbFeedReader(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    double capacityUnits() {
        return capacityUnits;
    }

    /** The candidates of a query, and the version spans of those read so far. */
    final class Scan implements Iterator<FeedEntry>, VersionIndex {
        private final TaxiiQuery query;
        private final Map<String, Span> spans = new HashMap<>();
        private final QueryPages<FeedEntry> pages = new QueryPages<>(this::page, this::candidate);

        Scan(TaxiiQuery query) {
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            return pages.hasNext();
        }

        @Override
        public FeedEntry next() {
            return pages.next();
        }

        @Override
        public Optional<Span> span(String objectId) {
            return Optional.ofNullable(spans.get(objectId));
        }

        private QueryResponse page(Map<String, AttributeValue> lastKey) {
            String start = query.exclusiveStartKey();
            boolean byObject = query.ids().size() == 1;
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            String condition;
            if (byObject) {
                names.put("#id", FeedTableKeys.OBJECT_ID);
                values.put(":id", AttributeValue.fromS(query.ids().iterator().next()));
                condition = "#id = :id";
            } else {
                names.put("#pk", FeedTableKeys.PARTITION_KEY);
                values.put(":pk", AttributeValue.fromS(query.collection()));
                condition = "#pk = :pk";
            }
            if (start != null) {
                values.put(":start", AttributeValue.fromS(start));
                names.put("#sk", FeedTableKeys.SORT_KEY);
                condition += " AND #sk > :start";
            }
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).keyConditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .limit(query.limit() + 1).returnConsumedCapacity("TOTAL");
            if (byObject) {
                request.indexName(FeedTableKeys.BY_OBJECT_INDEX);
            }
            if (lastKey != null) {
                request.exclusiveStartKey(lastKey);
            }
            QueryResponse response = dynamoDb.query(request.build());
            if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
                capacityUnits += response.consumedCapacity().capacityUnits();
            }
            return response;
        }

        /** An entry of the query's collection, its version span kept; null for another collection's. */
        private FeedEntry candidate(Map<String, AttributeValue> item) {
            FeedEntry e = entry(item);
            if (!e.collection().equals(query.collection())) {
                return null;
            }
            spans.put(e.objectId(), new Span(StixTime.parse(item.get("first").s()), StixTime.parse(item.get("last").s())));
            return e;
        }
    }

    Scan scan(TaxiiQuery query) {
        return new Scan(query);
    }

    static FeedEntry entry(Map<String, AttributeValue> item) {
        FeedEntry.FeedPosition position = FeedEntry.FeedPosition.parse(item.get(FeedTableKeys.SORT_KEY).s());
        return new FeedEntry(item.get(FeedTableKeys.PARTITION_KEY).s(), position.dateAdded(), position.seq(),
                item.get(FeedTableKeys.OBJECT_ID).s(), item.get("type").s(), StixTime.parse(item.get("version").s()),
                item.get("object").s());
    }
}
