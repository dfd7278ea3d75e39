package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.lambda.LocalFunction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A SnapStart function restored from its snapshot has no keys in its environment: it takes the
 * execution role's credentials from the container endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI},
 * with its authorisation token). Here the enrichment function, from the jar Lambda runs (shrunk),
 * is built with such an environment against a local credentials endpoint and enriches a report.
 */
class ContainerCredentialsIT {

    private static final String TOKEN = "container-authorisation-token";

    @Test
    void aFunctionWithoutKeysTakesTheContainersCredentialsAndEnrichesAReport() throws Exception {
        List<String> authorisations = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/v1/credentials", exchange -> {
            authorisations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = ("{\"AccessKeyId\":\"ASIACONTAINERKEY\",\"SecretAccessKey\":\"container-secret\","
                    + "\"Token\":\"container-session-token\",\"Expiration\":\""
                    + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        LocalPipeline.Options options = LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(),
                "creds-" + UUID.randomUUID().toString().substring(0, 8));
        try (LocalPipeline pipeline = LocalPipeline.start(options)) {
            LocalFunction deployed = pipeline.functions().get("EnrichReportFunction");
            Map<String, String> restored = Map.of(
                    "AWS_REGION", options.region(),
                    "AWS_DEFAULT_REGION", options.region(),
                    "AWS_ENDPOINT_URL", options.endpoint(),
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/v1/credentials",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN", TOKEN);
            // the SDK reads the endpoint from the process environment, which a test cannot set: it reads
            // these system properties first
            System.setProperty("aws.containerCredentialsFullUri", restored.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
            System.setProperty("aws.containerAuthorizationToken", TOKEN);
            try (LocalFunction function = LocalFunction.load(deployed.spec(), restored, deployed.arn())) {
                assertThat(function.spec().code().getFileName().toString()).isEqualTo("enrichment-lambda.jar");
                function.invoke(Files.readString(TestEmulator.projectDir().resolve("events/dynamodb/report-inserted.json")));
            } finally {
                System.clearProperty("aws.containerCredentialsFullUri");
                System.clearProperty("aws.containerAuthorizationToken");
            }
            assertThat(authorisations).as("requests to the container credentials endpoint").isNotEmpty()
                    .allMatch(TOKEN::equals);
            List<Map<String, AttributeValue>> aggregates = pipeline.aws().dynamoDb()
                    .scanPaginator(b -> b.tableName(pipeline.ref("IndicatorsTable"))).items().stream()
                    .filter(item -> "AGG".equals(item.get("sk").s())).toList();
            assertThat(aggregates).as("indicators the function counted with the container's credentials").isNotEmpty();
        } finally {
            endpoint.stop(0);
        }
    }
}
