package io.scamsignal.emulator.aws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emulator refuses every event-source-mapping setting AWS refuses, at the documented bounds,
 * and accepts the bounds themselves.
 */
class EventSourceMappingLimitsTest {

    private static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("Stream", "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1");
        p.put("StartingPosition", "TRIM_HORIZON");
        p.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        p.put("DestinationConfig", Map.of("OnFailure", Map.of("Type", "SQS", "Destination", "arn:aws:sqs:q")));
        return p;
    }

    @ParameterizedTest(name = "{0} = {1} refused")
    @DisplayName("Lambda parameters for DynamoDB event source mappings: values outside the documented ranges are"
            + " refused (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html,"
            + " https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html)")
    @CsvSource({
            "BatchSize, 0", "BatchSize, 10001",
            "MaximumBatchingWindowInSeconds, -1", "MaximumBatchingWindowInSeconds, 301",
            "MaximumRetryAttempts, -2", "MaximumRetryAttempts, 10001",
            "MaximumRecordAgeInSeconds, -2", "MaximumRecordAgeInSeconds, 0", "MaximumRecordAgeInSeconds, 1",
            "MaximumRecordAgeInSeconds, 59", "MaximumRecordAgeInSeconds, 604801",
            "ParallelizationFactor, 0", "ParallelizationFactor, 11",
            "TumblingWindowInSeconds, -1", "TumblingWindowInSeconds, 901",
            "StartingPosition, AT_TIMESTAMP", "StartingPosition, EARLIEST",
            "BatchSize, ten", "BatchSize, 1.5"})
    void outOfRangeValuesAreRefused(String property, String value) {
        Map<String, Object> p = valid();
        p.put(property, value.matches("-?\\d+") ? Integer.valueOf(value) : value);

        assertThatThrownBy(() -> EventSourceMappingLimits.check("Stream", p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(property);
    }

    @ParameterizedTest(name = "{0} = {1} accepted")
    @DisplayName("Lambda parameters for DynamoDB event source mappings: the documented bounds themselves are"
            + " accepted, -1 (infinite) for the record age and the retries included"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html)")
    @CsvSource({
            "BatchSize, 1", "BatchSize, 10000",
            "MaximumBatchingWindowInSeconds, 0", "MaximumBatchingWindowInSeconds, 300",
            "MaximumRetryAttempts, -1", "MaximumRetryAttempts, 0", "MaximumRetryAttempts, 10000",
            "MaximumRecordAgeInSeconds, -1", "MaximumRecordAgeInSeconds, 60", "MaximumRecordAgeInSeconds, 604800",
            "ParallelizationFactor, 1", "TumblingWindowInSeconds, 0", "StartingPosition, LATEST"})
    void theBoundsAreAccepted(String property, String value) {
        Map<String, Object> p = valid();
        p.put(property, value.matches("-?\\d+") ? Integer.valueOf(value) : value);

        assertThatCode(() -> EventSourceMappingLimits.check("Stream", p)).doesNotThrowAnyException();
        assertThatCode(() -> new StackDeployer.StreamMapping("Stream", "arn", "LATEST",
                property.equals("BatchSize") ? Integer.parseInt(value) : 100,
                property.equals("MaximumBatchingWindowInSeconds") ? Integer.parseInt(value) : 0, true,
                property.equals("MaximumRetryAttempts") ? Integer.parseInt(value) : -1,
                property.equals("MaximumRecordAgeInSeconds") ? Integer.parseInt(value) : -1, true, List.of(), null))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "MaximumRecordAgeInSeconds = {0} refused by the mapping itself")
    @DisplayName("Lambda: the minimum valid maximum record age is 60 seconds (-1: infinite); the emulator's mapping"
            + " refuses less however it is built (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html)")
    @CsvSource({"0", "1", "59", "604801", "-2"})
    void theMappingRefusesARecordAgeAwsRefuses(int seconds) {
        assertThatThrownBy(() -> new StackDeployer.StreamMapping("Stream", "arn", "LATEST", 100, 0, true, -1, seconds,
                true, List.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MaximumRecordAgeInSeconds");
    }

    @ParameterizedTest(name = "{0} refused")
    @DisplayName("Lambda: FunctionResponseTypes holds ReportBatchItemFailures only; a DynamoDB event has no other"
            + " properties (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html)")
    @CsvSource({"FunctionResponseTypes", "Unknown"})
    void otherPropertiesAreRefused(String property) {
        Map<String, Object> p = valid();
        p.put(property, List.of("BatchItemFailures"));

        assertThatThrownBy(() -> EventSourceMappingLimits.check("Stream", p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(property);
    }
}
