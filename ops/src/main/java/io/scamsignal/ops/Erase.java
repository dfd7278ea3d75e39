package io.scamsignal.ops;

import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.storage.ReportsTableKeys;
import io.scamsignal.intake.adapter.SecretsManagerKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code erase}: erases a reporter's personal data on request (GDPR Art. 17, UK GDPR). The e-mail
 * address comes from the environment variable {@code ERASE_EMAIL}, never from the command line
 * (which process lists show); it is printed, logged and stored nowhere. The command computes the
 * reporter fingerprint with the stack's reporter key (as the intake does), finds the reporter's
 * items in the reporter-data table through its ByReporter index, and deletes them: e-mail, name,
 * consent, IP address and user agent. Reports and aggregates hold only the keyed fingerprint, never
 * the address, and stay: counts are unchanged. Reads {@code REPORTER_DATA_TABLE} and
 * {@code REPORTER_KEY_SECRET_ARN} (defaults: the local runner's stack).
 */
public final class Erase implements Ops.Command {

    public static final String INDEX = "ByReporter";

    @Override
    public String usage() {
        return "(the address in the environment variable ERASE_EMAIL)";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        String email = environment.get("ERASE_EMAIL", null);
        if (!args.isEmpty() || email == null || !email.contains("@")) {
            System.err.println("usage: ERASE_EMAIL=<address> erase");
            return 2;
        }
        boolean named = environment.get("REPORTER_DATA_TABLE", null) != null;
        String table = environment.table("REPORTER_DATA_TABLE", "ReporterDataTable");
        try (DynamoDbClient dynamoDb = environment.dynamoDb(named);
             SecretsManagerClient secrets = environment.secretsManager(named)) {
            String key = new SecretsManagerKey(secrets, environment.reporterKeySecret()).get();
            int erased = erase(dynamoDb, table, new ReporterFingerprint(key), email);
            System.out.println("erased the personal data of " + erased + " report(s); counts are unchanged");
            return 0;
        }
    }

    /** @return how many reporter-data items were deleted */
    public static int erase(DynamoDbClient dynamoDb, String table, ReporterFingerprint fingerprints, String email) {
        String fingerprint = fingerprints.of(email, null, null);
        List<String> reportIds = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(INDEX)
                        .keyConditionExpression("reporterFingerprint = :fp")
                        .expressionAttributeValues(Map.of(":fp", AttributeValue.fromS(fingerprint))))
                .items().forEach(item -> reportIds.add(item.get(ReportsTableKeys.REPORT_ID).s()));
        for (String reportId : reportIds) {
            dynamoDb.deleteItem(b -> b.tableName(table)
                    .key(Map.of(ReportsTableKeys.REPORT_ID, AttributeValue.fromS(reportId))));
        }
        return reportIds.size();
    }
}
