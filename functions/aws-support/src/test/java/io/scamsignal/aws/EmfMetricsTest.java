package io.scamsignal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    @Test
    void aCountIsOneEmbeddedMetricFormatLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new EmfMetrics("intake", new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .count("ReportsRejected", Map.of("ErrorCode", "invalid_phone"));

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(output.lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(output);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("ScamSignal");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions/0")).extracting(JsonNode::asText)
                .containsExactly("Function", "ErrorCode");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo("ReportsRejected");
        assertThat(line.get("ErrorCode").asText()).isEqualTo("invalid_phone");
        assertThat(line.get("ReportsRejected").asInt()).isEqualTo(1);
        assertThat(line.get("_aws").get("Timestamp").isNumber()).isTrue();
    }
}
