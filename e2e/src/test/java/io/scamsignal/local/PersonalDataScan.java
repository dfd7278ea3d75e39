package io.scamsignal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.scamsignal.local.emulator.EmulatorClients;
import io.scamsignal.local.emulator.StackDeployer.DeployedStack;
import io.scamsignal.local.template.Resolver.PhysicalResource;
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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Looks for the reporters' personal data (e-mail addresses, names, source addresses) wherever a
 * deployed stack keeps or sends anything: every item of every table, every record of every
 * stream, every message waiting in every queue, every alert its topics published and the captured
 * logs. Only the reporter-data table may hold them. A value is looked for case-insensitively, as
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
                case "AWS::SQS::Queue" -> found.addAll(scanQueue(aws, logicalId, physical.ref()));
                default -> {
                    // topics publish (the alerts are scanned as received), roles and the API keep nothing
                }
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

    private List<Finding> scanStream(EmulatorClients aws, String logicalId, String streamArn) {
        List<Finding> found = new ArrayList<>();
        StreamDescription stream = aws.streams().describeStream(b -> b.streamArn(streamArn)).streamDescription();
        for (Shard shard : stream.shards()) {
            String iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            // an open shard hands out an iterator forever: stop at the first empty page
            for (int page = 0; iterator != null && page < 1000; page++) {
                String current = iterator;
                GetRecordsResponse records = aws.streams().getRecords(b -> b.shardIterator(current).limit(1000));
                for (var record : records.records()) {
                    var change = record.dynamodb();
                    String text = render(change.keys()) + " " + render(change.newImage()) + " " + render(change.oldImage());
                    found.addAll(findIn(logicalId + " stream record " + record.eventID(), text));
                }
                iterator = records.records().isEmpty() ? null : records.nextShardIterator();
            }
        }
        return found;
    }

    private List<Finding> scanQueue(EmulatorClients aws, String logicalId, String url) {
        List<Finding> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // visibility timeout 0: the messages stay for their consumers; a few rounds see past SQS's sampling
        for (int round = 0; round < 3; round++) {
            for (Message m : aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                    .messageAttributeNames("All")).messages()) {
                if (seen.add(m.messageId())) {
                    found.addAll(findIn(logicalId + " message " + m.messageId(), m.body() + " " + m.messageAttributes()));
                }
            }
        }
        return found;
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
