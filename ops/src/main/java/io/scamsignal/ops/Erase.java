package io.scamsignal.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.domain.storage.ReportsTableKeys;
import io.scamsignal.domain.storage.RingsTableKeys;
import io.scamsignal.intake.adapter.SecretsManagerKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code erase}: erases a reporter on request (GDPR Art. 17, UK GDPR), found by their e-mail address
 * (the environment variable {@code ERASE_EMAIL}, never the command line, which process lists show;
 * printed, logged and stored nowhere) or by the reference number of one of their reports
 * ({@code erase <reportId>}, which also finds a reporter who gave no e-mail address).
 *
 * <p>The reporter's keyed fingerprint is computed with the stack's reporter key as the intake does
 * (or read from the named report). Their reporter data (e-mail, name, consent, IP address, user
 * agent) is deleted; every other item naming the fingerprint is moved to one random id
 * ({@link ReporterRekey}): the reports' payloads, the indicators' per-reporter items
 * ({@code R#<fingerprint>}) and the rings' reporter and report items. Counts stay exact: the moved
 * items still count as one reporter, in the same places. What it costs: the person's later reports
 * are a new reporter, so the distinct-reporter count of an indicator or ring they report again
 * after the erasure is one higher (never their network's: network fingerprints stay, and the rules'
 * per-network cap is what keeps one person from raising an alert). Running it again finds nothing and
 * changes nothing. The reports, indicators and rings tables are scanned once each, filtered on the
 * fingerprint. Reads {@code REPORTS_TABLE}, {@code REPORTER_DATA_TABLE}, {@code INDICATORS_TABLE},
 * {@code RINGS_TABLE} and {@code REPORTER_KEY_SECRET_ARN} (defaults: the local runner's stack).
 */
public final class Erase implements Ops.Command {

    public static final String INDEX = "ByReporter";
    /** Report ids as the intake makes them (UUIDs); anything else is refused before a request. */
    private static final Pattern REPORT_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    /** Items per transaction, within DynamoDB's 100 (one is the ring head's check). */
    private static final int CHUNK = 90;

    /** Where the reporter's items are. */
    public record Tables(String reports, String reporterData, String indicators, String rings) {
    }

    /** What an erasure did; all zero when there was nothing (left) to erase. */
    public record Result(int reporterData, int reports, int indicatorItems, int ringItems) {
        public boolean nothing() {
            return reporterData + reports + indicatorItems + ringItems == 0;
        }
    }

    /** A report reference that names no stored report (unknown, mistyped, or past its retention). */
    public static final class UnknownReport extends RuntimeException {
        UnknownReport(String reportId) {
            super("no report " + reportId + ": unknown, mistyped, or deleted after its retention period");
        }
    }

    /** An item changed between the command's read and its write: running it again moves what is left. */
    public static final class Changed extends RuntimeException {
        Changed(String what, Throwable cause) {
            super(what + " changed during the erasure; run the command again (it moves what is left)", cause);
        }
    }

    @Override
    public String usage() {
        return "[<reportId>]   (or the address in the environment variable ERASE_EMAIL)";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        String email = environment.get("ERASE_EMAIL", null);
        String reportId = args.size() == 1 ? args.get(0).strip() : null;
        boolean byEmail = email != null && email.contains("@") && args.isEmpty();
        boolean byReport = email == null && reportId != null && REPORT_ID.matcher(reportId).matches();
        if (!byEmail && !byReport) {
            System.err.println("usage: ERASE_EMAIL=<address> erase   or   erase <reportId>"
                    + " (one of them; the address never on the command line)");
            return 2;
        }
        boolean named = environment.get("REPORTER_DATA_TABLE", null) != null;
        Tables tables = new Tables(environment.table("REPORTS_TABLE", "ReportsTable"),
                environment.table("REPORTER_DATA_TABLE", "ReporterDataTable"),
                environment.table("INDICATORS_TABLE", "IndicatorsTable"), environment.table("RINGS_TABLE", "RingsTable"));
        try (DynamoDbClient dynamoDb = environment.dynamoDb(named)) {
            Result result;
            if (byEmail) {
                try (SecretsManagerClient secrets = environment.secretsManager(named)) {
                    String key = new SecretsManagerKey(secrets, environment.reporterKeySecret()).get();
                    result = eraseByEmail(dynamoDb, tables, new ReporterFingerprint(key), email);
                }
            } else {
                result = eraseByReport(dynamoDb, tables, reportId);
            }
            System.out.println(result.nothing() ? "nothing to erase: no personal data or fingerprint of this reporter is stored"
                    : "erased: " + result.reporterData() + " reporter-data item(s) deleted; " + result.reports()
                    + " report(s), " + result.indicatorItems() + " indicator item(s) and " + result.ringItems()
                    + " ring item(s) moved to a random id; counts are unchanged");
            return 0;
        } catch (UnknownReport | Changed e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** The reporter of an e-mail address, erased; nothing found is a no-op. */
    public static Result eraseByEmail(DynamoDbClient dynamoDb, Tables tables, ReporterFingerprint fingerprints,
                                      String email) {
        return erase(dynamoDb, tables, fingerprints.of(email, null, null), Set.of());
    }

    /**
     * The reporter of a report, erased. A report whose reporter was erased already is a no-op (its
     * reporter data is deleted if any is left).
     *
     * @throws UnknownReport when no report and no reporter data have this id
     */
    public static Result eraseByReport(DynamoDbClient dynamoDb, Tables tables, String reportId) {
        Map<String, AttributeValue> key = Map.of(ReportsTableKeys.REPORT_ID, AttributeValue.fromS(reportId));
        Map<String, AttributeValue> report = dynamoDb.getItem(b -> b.tableName(tables.reports()).key(key)
                .consistentRead(true)).item();
        Map<String, AttributeValue> data = dynamoDb.getItem(b -> b.tableName(tables.reporterData()).key(key)
                .consistentRead(true)).item();
        boolean hasReport = report != null && !report.isEmpty();
        boolean hasData = data != null && !data.isEmpty();
        if (!hasReport && !hasData) {
            throw new UnknownReport(reportId);
        }
        String fingerprint = null;
        if (hasReport) {
            try {
                fingerprint = StoredReportJson.read(report.get("payload").s()).reporterFingerprint();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored report " + reportId + " cannot be read", e);
            }
        } else if (data.containsKey("reporterFingerprint")) {
            fingerprint = data.get("reporterFingerprint").s();
        }
        if (fingerprint == null || ReporterRekey.isErased(fingerprint)) {
            int deleted = hasData ? deleteReporterData(dynamoDb, tables, Set.of(reportId)) : 0;
            return new Result(deleted, 0, 0, 0);
        }
        return erase(dynamoDb, tables, fingerprint, Set.of(reportId));
    }

    /**
     * Deletes the reporter data of the fingerprint's reports and moves every item naming it to one
     * new random id.
     */
    static Result erase(DynamoDbClient dynamoDb, Tables tables, String fingerprint, Set<String> knownReports) {
        ReporterRekey rekey = new ReporterRekey(fingerprint, ReporterRekey.newErasedId());
        Set<String> reportIds = new LinkedHashSet<>(knownReports);
        // reporters who gave an e-mail address: their reporter data carries the fingerprint (ByReporter)
        dynamoDb.queryPaginator(b -> b.tableName(tables.reporterData()).indexName(INDEX)
                        .keyConditionExpression("reporterFingerprint = :fp")
                        .expressionAttributeValues(Map.of(":fp", AttributeValue.fromS(fingerprint))))
                .items().forEach(item -> reportIds.add(item.get(ReportsTableKeys.REPORT_ID).s()));
        // every report of the fingerprint (the only way to those of a reporter without an e-mail address)
        List<Map<String, AttributeValue>> reports = scan(dynamoDb, tables.reports(), "contains(payload, :fp)",
                Map.of(), Map.of(":fp", AttributeValue.fromS(fingerprint)));
        reports.forEach(item -> reportIds.add(item.get(ReportsTableKeys.REPORT_ID).s()));

        int data = deleteReporterData(dynamoDb, tables, reportIds);
        int movedReports = 0;
        for (Map<String, AttributeValue> report : reports) {
            movedReports += rekeyReport(dynamoDb, tables.reports(), report, rekey) ? 1 : 0;
        }
        int indicatorItems = 0;
        for (Map<String, AttributeValue> item : scan(dynamoDb, tables.indicators(), "sk = :sk OR contains(#state, :fp)",
                Map.of("#state", "state"), Map.of(":sk", AttributeValue.fromS(IndicatorsTableKeys.reporterSortKey(fingerprint)),
                        ":fp", AttributeValue.fromS(fingerprint)))) {
            indicatorItems += IndicatorsTableKeys.isAggregate(item.get(IndicatorsTableKeys.SORT_KEY).s())
                    ? (rekeyAggregate(dynamoDb, tables.indicators(), item, rekey) ? 1 : 0)
                    : (rekeyIndicatorItem(dynamoDb, tables.indicators(), item, rekey) ? 1 : 0);
        }
        Map<String, List<Map<String, AttributeValue>>> byRing = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : scan(dynamoDb, tables.rings(), "sk = :sk OR contains(#state, :fp)",
                Map.of("#state", RingsTableKeys.STATE),
                Map.of(":sk", AttributeValue.fromS(RingsTableKeys.REPORTER_PREFIX + fingerprint),
                        ":fp", AttributeValue.fromS(fingerprint)))) {
            byRing.computeIfAbsent(item.get(RingsTableKeys.PARTITION_KEY).s(), pk -> new ArrayList<>()).add(item);
        }
        int ringItems = 0;
        for (Map.Entry<String, List<Map<String, AttributeValue>>> ring : byRing.entrySet()) {
            ringItems += rekeyRingItems(dynamoDb, tables.rings(), ring.getKey(), ring.getValue(), rekey);
        }
        return new Result(data, movedReports, indicatorItems, ringItems);
    }

    private static int deleteReporterData(DynamoDbClient dynamoDb, Tables tables, Set<String> reportIds) {
        int deleted = 0;
        for (String reportId : reportIds) {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(b -> b.tableName(tables.reporterData())
                    .key(Map.of(ReportsTableKeys.REPORT_ID, AttributeValue.fromS(reportId)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            deleted += old != null && !old.isEmpty() ? 1 : 0;
        }
        return deleted;
    }

    /** The report's payload naming the erased id; only if it is as read (the table's stream passes inserts only). */
    private static boolean rekeyReport(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> report,
                                       ReporterRekey rekey) {
        String payload = report.get("payload").s();
        String moved = rekey.json(payload);
        if (moved.equals(payload)) {
            return false;
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of(ReportsTableKeys.REPORT_ID, report.get(ReportsTableKeys.REPORT_ID)))
                    .updateExpression("SET payload = :moved").conditionExpression("payload = :read")
                    .expressionAttributeValues(Map.of(":moved", AttributeValue.fromS(moved), ":read", AttributeValue.fromS(payload))));
        } catch (ConditionalCheckFailedException e) {
            throw new Changed("report " + report.get(ReportsTableKeys.REPORT_ID).s(), e);
        }
        return true;
    }

    /**
     * {@code R#<fingerprint>} becomes {@code R#<erased id>} in one transaction, conditional on the item
     * being as read: enrichment, counting a report of the same person meanwhile, then finds no item
     * at its version, re-reads, and counts them as a reporter it has not seen (what any later report
     * of theirs does).
     */
    private static boolean rekeyIndicatorItem(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item,
                                              ReporterRekey rekey) {
        Map<String, AttributeValue> key = Map.of(IndicatorsTableKeys.PARTITION_KEY, item.get(IndicatorsTableKeys.PARTITION_KEY),
                IndicatorsTableKeys.SORT_KEY, item.get(IndicatorsTableKeys.SORT_KEY));
        Delete.Builder delete = Delete.builder().tableName(table).key(key);
        if (item.containsKey("version")) {
            delete.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", item.get("version")));
        } else {
            delete.conditionExpression("attribute_exists(sk)");
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(rekey.indicatorReporterItem(item))
                            .conditionExpression("attribute_not_exists(sk)").build()).build(),
                    TransactWriteItem.builder().delete(delete.build()).build()));
        } catch (TransactionCanceledException e) {
            throw new Changed("indicator " + item.get(IndicatorsTableKeys.PARTITION_KEY).s(), e);
        }
        return true;
    }

    /**
     * An aggregate that counts the reporter on a network of its own ({@code r:<fingerprint>}: a report
     * stored without a network), renamed at the next version, conditional on the version read.
     */
    private static boolean rekeyAggregate(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item,
                                          ReporterRekey rekey) {
        String state = item.get("state").s();
        String moved = rekey.json(state);
        if (moved.equals(state)) {
            return false;
        }
        long version = Long.parseLong(item.get("version").n());
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(IndicatorsTableKeys.PARTITION_KEY, item.get(IndicatorsTableKeys.PARTITION_KEY),
                            IndicatorsTableKeys.SORT_KEY, item.get(IndicatorsTableKeys.SORT_KEY)))
                    .updateExpression("SET #state = :moved, version = :next").conditionExpression("version = :v")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":moved", AttributeValue.fromS(moved),
                            ":next", AttributeValue.fromN(Long.toString(version + 1)), ":v", item.get("version"))));
        } catch (ConditionalCheckFailedException e) {
            throw new Changed("indicator " + item.get(IndicatorsTableKeys.PARTITION_KEY).s(), e);
        }
        return true;
    }

    /**
     * A ring's items naming the fingerprint (its reporter item, its report items), moved in one
     * transaction with the ring's head checked at the version read, so that the ring's items are
     * moved as one ring or not at all.
     */
    private static int rekeyRingItems(DynamoDbClient dynamoDb, String table, String pk,
                                      List<Map<String, AttributeValue>> items, ReporterRekey rekey) {
        Map<String, AttributeValue> head = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(RingsTableKeys.PARTITION_KEY, AttributeValue.fromS(pk),
                        RingsTableKeys.SORT_KEY, AttributeValue.fromS(RingsTableKeys.HEAD)))).item();
        int moved = 0;
        for (int from = 0; from < items.size(); from += CHUNK) {
            List<TransactWriteItem> writes = new ArrayList<>();
            if (head != null && head.containsKey("version")) {
                writes.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                        .key(Map.of(RingsTableKeys.PARTITION_KEY, AttributeValue.fromS(pk),
                                RingsTableKeys.SORT_KEY, AttributeValue.fromS(RingsTableKeys.HEAD)))
                        .conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", head.get("version"))).build()).build());
            }
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                Map<String, AttributeValue> key = Map.of(RingsTableKeys.PARTITION_KEY, item.get(RingsTableKeys.PARTITION_KEY),
                        RingsTableKeys.SORT_KEY, item.get(RingsTableKeys.SORT_KEY));
                Map<String, AttributeValue> state = Map.of(":state", item.get(RingsTableKeys.STATE));
                if (rekey.rekeysRingItem(item)) {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rekey.ringItem(item))
                            .conditionExpression("attribute_not_exists(sk)").build()).build());
                    writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                            .conditionExpression("#state = :state").expressionAttributeNames(Map.of("#state", RingsTableKeys.STATE))
                            .expressionAttributeValues(state).build()).build());
                } else {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rekey.ringItem(item))
                            .conditionExpression("#state = :state").expressionAttributeNames(Map.of("#state", RingsTableKeys.STATE))
                            .expressionAttributeValues(state).build()).build());
                }
                moved++;
            }
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(writes));
            } catch (TransactionCanceledException e) {
                throw new Changed("ring item " + pk, e);
            }
        }
        return moved;
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table, String filter,
                                                          Map<String, String> names, Map<String, AttributeValue> values) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> {
            b.tableName(table).consistentRead(true).filterExpression(filter).expressionAttributeValues(values);
            if (!names.isEmpty()) {
                b.expressionAttributeNames(names);
            }
        }).items().forEach(items::add);
        return items;
    }
}
