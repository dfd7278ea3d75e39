package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.scamsignal.emulator.aws.EmulatorClients;
import io.scamsignal.emulator.aws.StackDeployer.DeployedStack;
import io.scamsignal.emulator.template.Resolver.PhysicalResource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Looks for the reporters' personal data (e-mail addresses, names, source addresses) wherever a
 * deployed stack keeps or sends anything: every item of every table, every record of every shard
 * of every stream to the shard's end, every message in every queue (as many as the queue counts),
 * every delivery of every topic subscription, the secrets' values, every alert received and the
 * captured logs (what the handlers write to standard output, which CloudWatch Logs holds in AWS;
 * the emulator deploys no log groups). Only the reporter-data table may hold them. A value is looked for case-insensitively, as
 * typed and in the forms it takes when it travels inside something else: URL-encoded (form bodies,
 * query strings), JSON-escaped (a field of a JSON log line), JSON-escaped twice (a JSON document
 * stored as a string attribute and seen through a stream record or an SNS envelope), and with
 * non-ASCII escaped as {@code \\uXXXX}.
 */
final class PersonalDataScan {

    /** The only place personal data may be. */
    static final String REPORTER_DATA_TABLE = "ReporterDataTable";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    /**
     * Attributes of the reporter-data table that are no personal data: {@code reporterFingerprint},
     * the keyed pseudonym (HMAC of the e-mail) that every report, aggregate and ring holds by design,
     * kept beside the e-mail only as the ByReporter index's key so that erasure finds the items.
     */
    static final Set<String> PSEUDONYMS = Set.of("reporterFingerprint");
    /** Pages in a row without a record after which an open shard counts as read to its end. */
    private static final int OPEN_SHARD_EMPTY_PAGES = 3;
    private static final int MAX_PAGES = 100_000;
    /** How long a received message stays invisible while the scan reads the rest of its queue. */
    private static final int QUEUE_HOLD_SECONDS = 120;
    /** Shorter values (a country code, "on") would match everywhere without meaning anything. */
    private static final int SHORTEST = 5;

    record Finding(String where, String value, String form) {
        @Override
        public String toString() {
            return where + ": \"" + value + "\" (" + form + ")";
        }
    }

    /**
     * In these tests every reporter's source address is the loopback, which also names every local
     * endpoint the runner and the tests print ("moto at http://127.0.0.1:…"): in logs it cannot be
     * told apart, so logs are searched for the other values only. Tables, streams, queues and alerts
     * are searched for it too.
     */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "localhost");

    private final Map<String, Finding> needles = new LinkedHashMap<>();

    private PersonalDataScan(Collection<String> personalValues) {
        for (String value : personalValues) {
            if (value == null || value.strip().length() < SHORTEST) {
                continue;
            }
            forms(value).forEach((form, text) -> needles.putIfAbsent(text.toLowerCase(Locale.ROOT), new Finding(null, value, form)));
        }
    }

    static PersonalDataScan of(Collection<String> personalValues) {
        return new PersonalDataScan(personalValues);
    }

    /** This scan without the loopback address, for logs. */
    PersonalDataScan forLogs() {
        return of(values().stream().filter(v -> !LOOPBACK.contains(v)).toList());
    }

    /** The personal values this scan looks for (each in all its forms). */
    Set<String> values() {
        Set<String> values = new TreeSet<>();
        needles.values().forEach(f -> values.add(f.value()));
        return values;
    }

    static Map<String, String> forms(String value) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("as typed", value);
        forms.put("URL-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.put("URL-encoded, %20 for space", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        String escaped = jsonEscaped(JSON, value);
        forms.put("JSON-escaped", escaped);
        forms.put("JSON-escaped, non-ASCII as \\u", jsonEscaped(ASCII_JSON, value));
        forms.put("JSON-escaped twice", jsonEscaped(JSON, escaped));
        forms.put("JSON-escaped twice, non-ASCII as \\u", jsonEscaped(ASCII_JSON, jsonEscaped(ASCII_JSON, value)));
        return forms;
    }

    private static String jsonEscaped(ObjectMapper mapper, String value) {
        try {
            String quoted = mapper.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every personal value (in any of its forms) in {@code text}. */
    List<Finding> findIn(String where, String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        needles.forEach((needle, f) -> {
            if (lower.contains(needle)) {
                found.add(new Finding(where, f.value(), f.form()));
            }
        });
        return found;
    }

    /**
     * The values the stack's reporter-data table holds: every string attribute but the key (the
     * report id) and the {@link #PSEUDONYMS}, i.e. what the reporters gave (e-mail, name) and what intake took from their
     * request (source address, user agent).
     */
    static Set<String> reporterValues(EmulatorClients aws, DeployedStack stack) {
        String table = stack.resolver().resource(REPORTER_DATA_TABLE).ref();
        Set<String> keys = new LinkedHashSet<>();
        aws.dynamoDb().describeTable(b -> b.tableName(table)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName).forEach(keys::add);
        Set<String> values = new LinkedHashSet<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item ->
                item.forEach((name, value) -> {
                    if (!keys.contains(name) && !PSEUDONYMS.contains(name) && value.s() != null) {
                        values.add(value.s());
                    }
                }));
        return values;
    }

    /** Everything the stack keeps or sends, but the reporter-data table, searched for the personal values. */
    List<Finding> scanStack(EmulatorClients aws, DeployedStack stack, Collection<JsonNode> alerts, String logs) {
        List<Finding> found = new ArrayList<>();
        Set<String> scannedQueues = new LinkedHashSet<>();
        for (Map.Entry<String, PhysicalResource> resource : stack.resolver().resources().entrySet()) {
            String logicalId = resource.getKey();
            PhysicalResource physical = resource.getValue();
            if (logicalId.equals(REPORTER_DATA_TABLE)) {
                continue;
            }
            switch (physical.type()) {
                case "AWS::DynamoDB::Table" -> {
                    found.addAll(scanTable(aws, logicalId, physical.ref()));
                    String streamArn = physical.attributes().get("StreamArn");
                    if (streamArn != null && !streamArn.isBlank()) {
                        found.addAll(scanStream(aws, logicalId, streamArn));
                    }
                }
                case "AWS::SQS::Queue" -> {
                    if (scannedQueues.add(physical.ref())) {
                        found.addAll(scanQueue(aws, logicalId, physical.ref()));
                    }
                }
                case "AWS::SecretsManager::Secret" -> found.addAll(findIn(logicalId + " secret value",
                        aws.secretsManager().getSecretValue(b -> b.secretId(physical.ref())).secretString()));
                default -> {
                    // topics: their subscriptions' deliveries below; roles and the API keep nothing
                }
            }
        }
        for (Map.Entry<String, PhysicalResource> resource : stack.resolver().resources().entrySet()) {
            if (resource.getValue().type().equals("AWS::SNS::Topic")) {
                found.addAll(scanDeliveries(aws, resource.getKey(), resource.getValue().ref(), scannedQueues));
            }
        }
        int i = 0;
        for (JsonNode alert : alerts) {
            found.addAll(findIn("alert " + i++ + " " + alert.path("alertId").asText(), alert.toString()));
        }
        found.addAll(forLogs().findIn("captured logs", logs));
        return found;
    }

    /** Fails, listing every place found, when anything but the reporter-data table holds personal data. */
    void assertClean(EmulatorClients aws, DeployedStack stack, Collection<JsonNode> alerts, String logs) {
        assertThat(scanStack(aws, stack, alerts, logs))
                .as("personal data of reporters outside %s (looked for %s)", REPORTER_DATA_TABLE, values())
                .isEmpty();
    }

    /** For the stack's own pipeline: the values its reporter-data table holds plus {@code extra}, everywhere else. */
    static void assertNoPersonalDataOutsideReporterData(LocalPipeline pipeline, Collection<String> extra, String logs) {
        Set<String> values = new LinkedHashSet<>(reporterValues(pipeline.aws(), pipeline.stack()));
        values.addAll(extra);
        List<JsonNode> alerts = pipeline.inboxes().stream().flatMap(i -> i.received().stream()).toList();
        of(values).assertClean(pipeline.aws(), pipeline.stack(), alerts, logs);
    }

    /**
     * Every stack on the emulator whose name starts with {@code stackPrefix}, found by listing the
     * emulator's tables and queues (stacks whose pipelines are closed included): the values all
     * their reporter-data tables hold plus {@code extra}, looked for in every other table, stream
     * and queue of those stacks and in {@code logs}. Returns how many tables were read.
     */
    static int assertNoPersonalDataInStacks(EmulatorClients aws, String stackPrefix, Collection<String> extra, String logs) {
        List<String> tables = new ArrayList<>();
        aws.dynamoDb().listTablesPaginator(b -> { }).tableNames().forEach(name -> {
            if (name.startsWith(stackPrefix)) {
                tables.add(name);
            }
        });
        Set<String> values = new LinkedHashSet<>(extra);
        List<String> reporterTables = tables.stream().filter(t -> t.endsWith("-" + REPORTER_DATA_TABLE)).toList();
        for (String table : reporterTables) {
            Set<String> keys = new LinkedHashSet<>();
            aws.dynamoDb().describeTable(b -> b.tableName(table)).table().keySchema().stream()
                    .map(KeySchemaElement::attributeName).forEach(keys::add);
            aws.dynamoDb().scanPaginator(b -> b.tableName(table)).items().forEach(item -> item.forEach((name, value) -> {
                if (!keys.contains(name) && !PSEUDONYMS.contains(name) && value.s() != null) {
                    values.add(value.s());
                }
            }));
        }
        PersonalDataScan scan = of(values);
        List<Finding> found = new ArrayList<>();
        for (String table : tables) {
            if (reporterTables.contains(table)) {
                continue;
            }
            found.addAll(scan.scanTable(aws, table, table));
            String streamArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
            if (streamArn != null) {
                found.addAll(scan.scanStream(aws, table, streamArn));
            }
        }
        for (String url : aws.sqs().listQueues(b -> b.queueNamePrefix(stackPrefix)).queueUrls()) {
            found.addAll(scan.scanQueue(aws, url.substring(url.lastIndexOf('/') + 1), url));
        }
        found.addAll(scan.forLogs().findIn("captured logs", logs));
        assertThat(reporterTables).as("stacks named %s* with a reporter-data table", stackPrefix).isNotEmpty();
        assertThat(found).as("personal data of reporters outside the reporter-data tables of %s* (looked for %s)",
                stackPrefix, scan.values()).isEmpty();
        return tables.size();
    }

    private List<Finding> scanTable(EmulatorClients aws, String logicalId, String table) {
        List<Finding> found = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item ->
                found.addAll(findIn(logicalId + " item " + keyOf(item), render(item))));
        return found;
    }

    /**
     * What a topic delivered: every subscription's queue read like the stack's own queues (an inbox's
     * queue too; the alerts it took are scanned as received). A subscription of a protocol this scan
     * cannot read is a finding: its deliveries would go unchecked.
     */
    private List<Finding> scanDeliveries(EmulatorClients aws, String logicalId, String topicArn, Set<String> scannedQueues) {
        List<Finding> found = new ArrayList<>();
        for (Subscription subscription : aws.sns().listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn))
                .subscriptions()) {
            if (!subscription.protocol().equals("sqs")) {
                found.add(new Finding(logicalId + " subscription " + subscription.subscriptionArn(),
                        subscription.protocol() + " " + subscription.endpoint(), "deliveries not scanned"));
                continue;
            }
            String queueName = subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1);
            String url = aws.sqs().getQueueUrl(b -> b.queueName(queueName)).queueUrl();
            if (scannedQueues.add(url)) {
                found.addAll(scanQueue(aws, logicalId + " delivery to " + queueName, url));
            }
        }
        return found;
    }

    /**
     * Every record of every shard, to the shard's end: a closed shard until it hands out no further
     * iterator, an open one (whose iterator never ends) until several pages in a row come back empty.
     */
    private List<Finding> scanStream(EmulatorClients aws, String logicalId, String streamArn) {
        List<Finding> found = new ArrayList<>();
        List<Shard> shards = new ArrayList<>();
        String lastShard = null;
        do {
            String from = lastShard;
            StreamDescription stream = aws.streams().describeStream(b -> b.streamArn(streamArn)
                    .exclusiveStartShardId(from)).streamDescription();
            shards.addAll(stream.shards());
            lastShard = stream.lastEvaluatedShardId();
        } while (lastShard != null);
        for (Shard shard : shards) {
            boolean open = shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null;
            String iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            int emptyInARow = 0;
            int pages = 0;
            while (iterator != null && !(open && emptyInARow >= OPEN_SHARD_EMPTY_PAGES)) {
                if (++pages > MAX_PAGES) {
                    found.add(new Finding(logicalId + " stream shard " + shard.shardId(), MAX_PAGES + " pages",
                            "not read to its end"));
                    break;
                }
                String current = iterator;
                GetRecordsResponse records = aws.streams().getRecords(b -> b.shardIterator(current).limit(1000));
                for (var record : records.records()) {
                    var change = record.dynamodb();
                    String text = render(change.keys()) + " " + render(change.newImage()) + " " + render(change.oldImage());
                    found.addAll(findIn(logicalId + " stream record " + record.eventID(), text));
                }
                emptyInARow = records.records().isEmpty() ? emptyInARow + 1 : 0;
                iterator = records.nextShardIterator();
            }
        }
        return found;
    }

    /**
     * Every message in the queue: each received once and held invisible while the rest are read,
     * until the queue counts no visible message (ApproximateNumberOfMessages), then all made visible
     * again for their consumers. A queue that still counts visible messages is a finding. (A FIFO
     * queue hands out nothing behind a message group's held messages, so more than ten messages of
     * one group cannot be read without deleting: such a queue shows as not drained.)
     */
    private List<Finding> scanQueue(EmulatorClients aws, String logicalId, String url) {
        List<Finding> found = new ArrayList<>();
        int count = visibleMessages(aws, url);
        Set<String> seen = new LinkedHashSet<>();
        List<String> receipts = new ArrayList<>();
        int remaining = count;
        try {
            for (int rounds = 0, empty = 0; remaining > 0 && empty < 3 && rounds < count + 10; rounds++) {
                List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(QUEUE_HOLD_SECONDS).messageAttributeNames("All")).messages();
                for (Message m : messages) {
                    receipts.add(m.receiptHandle());
                    if (seen.add(m.messageId())) {
                        found.addAll(findIn(logicalId + " message " + m.messageId(), m.body() + " " + m.messageAttributes()));
                    }
                }
                empty = messages.isEmpty() ? empty + 1 : 0;
                remaining = visibleMessages(aws, url);
            }
        } finally {
            for (String receipt : receipts) {
                aws.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(receipt).visibilityTimeout(0));
            }
        }
        if (remaining > 0) {
            found.add(new Finding(logicalId + " queue", "read " + seen.size() + " of " + count + " messages, "
                    + remaining + " still visible", "not drained"));
        }
        return found;
    }

    private static int visibleMessages(EmulatorClients aws, String url) {
        return Integer.parseInt(aws.sqs().getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static String keyOf(Map<String, AttributeValue> item) {
        for (String key : List.of("reportId", "pk", "alertId", "idempotencyKey")) {
            if (item.containsKey(key)) {
                return key + "=" + render(item.get(key)) + (item.containsKey("sk") ? "/" + render(item.get("sk")) : "");
            }
        }
        return item.keySet().toString();
    }

    static String render(Map<String, AttributeValue> item) {
        if (item == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        item.forEach((name, value) -> out.append(name).append('=').append(render(value)).append('\n'));
        return out.toString();
    }

    /** Every string, number and byte of an attribute value; binary read as UTF-8 (a compressed value would hide, and is not used). */
    static String render(AttributeValue value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (value.s() != null) {
            out.append(value.s());
        }
        if (value.n() != null) {
            out.append(value.n());
        }
        if (value.b() != null) {
            out.append(value.b().asUtf8String());
        }
        if (value.hasSs()) {
            out.append(String.join(" ", value.ss()));
        }
        if (value.hasNs()) {
            out.append(String.join(" ", value.ns()));
        }
        if (value.hasBs()) {
            value.bs().forEach(b -> out.append(b.asUtf8String()).append(' '));
        }
        if (value.hasL()) {
            value.l().forEach(v -> out.append(render(v)).append(' '));
        }
        if (value.hasM()) {
            out.append(render(value.m()));
        }
        return out.toString();
    }
}
