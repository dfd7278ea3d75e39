package io.scamsignal.local;

import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Operator commands. {@code false-positive <type#value> <reason>} marks an indicator a false
 * positive: the alerting function retracts every alert sent about it and never alerts on it again.
 *
 * <p>Environment: {@code INDICATORS_TABLE} (default: the local runner's, {@code <STACK_NAME>-IndicatorsTable}),
 * {@code AWS_ENDPOINT_URL} (default for the local runner: http://127.0.0.1:4566), {@code AWS_REGION}.
 */
public final class Admin {

    private Admin() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || !args[0].equals("false-positive") || !args[1].contains("#") || args[2].isBlank()) {
            System.err.println("usage: false-positive <type#value, e.g. phone#+18885550142> <reason>");
            System.exit(2);
        }
        String table = System.getenv("INDICATORS_TABLE");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(env("AWS_REGION", "us-east-1")))
                .httpClient(UrlConnectionHttpClient.builder().build());
        if (table == null) {
            table = env("STACK_NAME", "scamsignal-local") + "-IndicatorsTable";
            if (System.getenv("AWS_ENDPOINT_URL") == null) {
                builder.endpointOverride(URI.create("http://127.0.0.1:" + env("MOTO_PORT", "4566")));
                builder.credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"));
            }
        }
        try (DynamoDbClient dynamoDb = builder.build()) {
            boolean marked = markFalsePositive(dynamoDb, table, args[1], args[2]);
            System.out.println(marked ? "marked " + args[1] + " a false positive; its alerts are being retracted"
                    : "no indicator " + args[1] + " in " + table);
            System.exit(marked ? 0 : 1);
        }
    }

    public static boolean markFalsePositive(DynamoDbClient dynamoDb, String table, String indicatorKey, String reason) {
        return new DynamoDbIndicatorRepository(dynamoDb, table).markFalsePositive(indicatorKey, reason);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
