package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.e2e.TestEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * ReportContractConformanceTest's cases (every constraint of the contract's Report schema) sent
 * through HTTP to the deployed report API on the emulator: each case's report is posted to
 * {@code POST /reports}, and what the validator would answer is read from the response (202: no
 * error; 400: the {@code errors} listed, each with field, code and message). Each request comes from
 * a network of its own (the runner honours X-Forwarded-For from loopback), so the per-network limit
 * answers none of them.
 */
class ReportContractConformanceHttpIT extends ReportContractConformanceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger NETWORKS = new AtomicInteger();
    private static LocalPipeline pipeline;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void deploy() throws Exception {
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(TestEmulator.projectDir().resolve("infra/template.yaml"),
                TestEmulator.endpoint(), "conform-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @AfterAll
    static void close() {
        System.out.println("[figure] contract conformance over HTTP: " + REQUESTS.get() + " requests");
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Override
    List<FieldError> errors(ObjectNode report) {
        try {
            int n = NETWORKS.incrementAndGet();
            REQUESTS.incrementAndGet();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(report))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return List.of();
            }
            assertThat(response.statusCode()).as("%s answered %s", report, response.body()).isEqualTo(400);
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode e : Json.mapper().readTree(response.body()).path("errors")) {
                errors.add(new FieldError(e.get("field").asText(), e.get("code").asText(), e.get("message").asText()));
            }
            return errors;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
