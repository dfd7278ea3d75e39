package io.scamsignal.ops;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Where the commands act: a deployed stack (the table names given, the SDK's own credentials and
 * endpoint), or by default the local runner's stack on its moto server.
 */
public record OpsEnvironment(Map<String, String> variables) {

    public static OpsEnvironment system() {
        return new OpsEnvironment(System.getenv());
    }

    public String get(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A table's name: {@code variable} when set, else the local runner's {@code <STACK_NAME>-<logicalId>}. */
    public String table(String variable, String logicalId) {
        return get(variable, get("STACK_NAME", "scamsignal-local") + "-" + logicalId);
    }

    /** Without AWS_ENDPOINT_URL and with no table named, the local runner's moto (test credentials). */
    public DynamoDbClient dynamoDb(boolean tableNamed) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(get("AWS_REGION", "us-east-1")))
                .httpClient(UrlConnectionHttpClient.builder().build());
        if (!tableNamed && get("AWS_ENDPOINT_URL", null) == null) {
            builder.endpointOverride(URI.create("http://127.0.0.1:" + get("MOTO_PORT", "4566")));
            builder.credentialsProvider(() -> AwsBasicCredentials.create("test", "test"));
        }
        return builder.build();
    }

    /** The reporter key's secret: REPORTER_KEY_SECRET_ARN when set, else the local runner's {@code <STACK_NAME>-ReporterKeySecret}. */
    public String reporterKeySecret() {
        return get("REPORTER_KEY_SECRET_ARN", get("STACK_NAME", "scamsignal-local") + "-ReporterKeySecret");
    }

    /** Secrets Manager where {@link #dynamoDb} goes: the local runner's moto unless a deployed stack is named. */
    public SecretsManagerClient secretsManager(boolean named) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(get("AWS_REGION", "us-east-1")))
                .httpClient(UrlConnectionHttpClient.builder().build());
        if (!named && get("AWS_ENDPOINT_URL", null) == null) {
            builder.endpointOverride(URI.create("http://127.0.0.1:" + get("MOTO_PORT", "4566")));
            builder.credentialsProvider(() -> AwsBasicCredentials.create("test", "test"));
        }
        return builder.build();
    }
}
