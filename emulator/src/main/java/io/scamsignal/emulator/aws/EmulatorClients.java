package io.scamsignal.emulator.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The runner's own SDK clients (the control plane Lambda and API Gateway would be): the same
 * endpoint, region and credentials the functions get.
 */
public record EmulatorClients(String endpoint, String region, String accessKeyId, String secretAccessKey,
                              DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, SnsClient sns, SqsClient sqs,
                              SecretsManagerClient secretsManager)
        implements AutoCloseable {

    public static EmulatorClients create(String endpoint, String region, String accessKeyId, String secretAccessKey) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        Region r = Region.of(region);
        URI uri = URI.create(endpoint);
        return new EmulatorClients(endpoint, region, accessKeyId, secretAccessKey,
                DynamoDbClient.builder().endpointOverride(uri).region(r).credentialsProvider(credentials).httpClient(http).build(),
                DynamoDbStreamsClient.builder().endpointOverride(uri).region(r).credentialsProvider(credentials).httpClient(http).build(),
                SnsClient.builder().endpointOverride(uri).region(r).credentialsProvider(credentials).httpClient(http).build(),
                SqsClient.builder().endpointOverride(uri).region(r).credentialsProvider(credentials).httpClient(http).build(),
                SecretsManagerClient.builder().endpointOverride(uri).region(r).credentialsProvider(credentials)
                        .httpClient(http).build());
    }

    @Override
    public void close() {
        dynamoDb.close();
        streams.close();
        sns.close();
        sqs.close();
        secretsManager.close();
    }
}
