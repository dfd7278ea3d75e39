package io.scamsignal.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same end-to-end scenarios against LocalStack in a container. LocalStack's image needs a
 * Docker engine and an auth token; where either is missing the class is skipped, and says why.
 */
class LocalStackPipelineIT extends PipelineScenarios {

    private static final String IMAGE = "localstack/localstack-pro:4.10";
    private static LocalStackContainer localstack;

    @BeforeAll
    static void startLocalStack() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        String reason = null;
        if (token == null || token.isBlank()) {
            reason = "LOCALSTACK_AUTH_TOKEN is not set";
        } else if (!DockerClientFactory.instance().isDockerAvailable()) {
            reason = "no Docker engine is reachable";
        }
        if (reason != null) {
            System.out.println("[skipped] LocalStackPipelineIT: " + reason
                    + "; the same scenarios ran against moto in MotoPipelineIT");
            Assumptions.abort(reason);
        }
        localstack = new LocalStackContainer(DockerImageName.parse(IMAGE)
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        localstack.start();
    }

    @AfterAll
    static void stopLocalStack() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    protected String endpoint() {
        return localstack.getEndpoint().toString();
    }
}
