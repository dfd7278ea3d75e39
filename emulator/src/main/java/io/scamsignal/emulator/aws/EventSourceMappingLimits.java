package io.scamsignal.emulator.aws;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranges AWS documents for a DynamoDB stream's event-source mapping (Lambda API reference,
 * CreateEventSourceMapping, https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html;
 * the SAM {@code DynamoDB} event's properties), checked when the emulator reads the template, so a
 * value AWS would refuse is refused here too instead of being emulated. Settings the emulator does
 * not emulate (several batches per shard, tumbling windows, a disabled mapping) are refused with a
 * message that says so.
 */
public final class EventSourceMappingLimits {

    /** The SAM DynamoDB event's properties; any other name is a template error. */
    static final Set<String> PROPERTIES = Set.of("Stream", "StartingPosition", "StartingPositionTimestamp",
            "BatchSize", "MaximumBatchingWindowInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
            "MaximumRecordAgeInSeconds", "FunctionResponseTypes", "FilterCriteria", "DestinationConfig",
            "ParallelizationFactor", "TumblingWindowInSeconds", "Enabled", "KmsKeyArn", "MetricsConfig");

    /** A filter pattern's documented maximum length. */
    static final int MAX_PATTERN_LENGTH = 4096;

    private EventSourceMappingLimits() {
    }

    /** Throws IllegalArgumentException naming the event, the property and its documented range. */
    public static void checkNumbers(String event, int batchSize, int batchingWindowSeconds, int maximumRetryAttempts,
                                    int maximumRecordAgeSeconds) {
        range(event, "BatchSize", batchSize, 1, 10_000);
        range(event, "MaximumBatchingWindowInSeconds", batchingWindowSeconds, 0, 300);
        range(event, "MaximumRetryAttempts", maximumRetryAttempts, -1, 10_000);
        if (maximumRecordAgeSeconds != -1) {
            // -1 is infinite; values from 0 to 59 are inside the parameter's absolute range but not allowed
            range(event, "MaximumRecordAgeInSeconds (-1, or)", maximumRecordAgeSeconds, 60, 604_800);
        }
    }

    /** Every property of a template's DynamoDB event, as written. */
    @SuppressWarnings("unchecked")
    public static void check(String event, Map<String, Object> properties) {
        for (String name : properties.keySet()) {
            if (!PROPERTIES.contains(name)) {
                throw new IllegalArgumentException(event + ": " + name + " is not a property of a DynamoDB event");
            }
        }
        if (properties.get("Stream") == null) {
            throw new IllegalArgumentException(event + ": Stream is required");
        }
        Object position = properties.get("StartingPosition");
        if (!"TRIM_HORIZON".equals(position) && !"LATEST".equals(position)) {
            throw new IllegalArgumentException(event + ": StartingPosition must be TRIM_HORIZON or LATEST for a"
                    + " DynamoDB stream (AT_TIMESTAMP is for Kinesis), not " + position);
        }
        if (properties.containsKey("StartingPositionTimestamp")) {
            throw new IllegalArgumentException(event + ": StartingPositionTimestamp applies to AT_TIMESTAMP only");
        }
        integer(event, properties, "BatchSize", 1, 10_000);
        integer(event, properties, "MaximumBatchingWindowInSeconds", 0, 300);
        integer(event, properties, "MaximumRetryAttempts", -1, 10_000);
        Integer age = integer(event, properties, "MaximumRecordAgeInSeconds", -1, 604_800);
        if (age != null && age != -1 && age < 60) {
            throw new IllegalArgumentException(event + ": MaximumRecordAgeInSeconds must be -1 or from 60 to 604800,"
                    + " not " + age);
        }
        Integer parallelization = integer(event, properties, "ParallelizationFactor", 1, 10);
        Integer tumbling = integer(event, properties, "TumblingWindowInSeconds", 0, 900);
        for (String flag : List.of("BisectBatchOnFunctionError", "Enabled")) {
            Object value = properties.get(flag);
            if (value != null && !(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
                throw new IllegalArgumentException(event + ": " + flag + " must be true or false, not " + value);
            }
        }
        Object types = properties.get("FunctionResponseTypes");
        if (types != null && (!(types instanceof List<?> list) || list.size() > 1
                || list.stream().anyMatch(t -> !"ReportBatchItemFailures".equals(t)))) {
            throw new IllegalArgumentException(event + ": FunctionResponseTypes may hold ReportBatchItemFailures only,"
                    + " not " + types);
        }
        Object criteria = properties.get("FilterCriteria");
        if (criteria != null) {
            for (Object filter : (List<Object>) ((Map<String, Object>) criteria).getOrDefault("Filters", List.of())) {
                Object pattern = ((Map<String, Object>) filter).get("Pattern");
                if (pattern instanceof String s && s.length() > MAX_PATTERN_LENGTH) {
                    throw new IllegalArgumentException(event + ": a filter Pattern is at most " + MAX_PATTERN_LENGTH
                            + " characters, not " + s.length());
                }
            }
        }
        Object destination = properties.get("DestinationConfig");
        if (destination != null) {
            Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) destination).get("OnFailure");
            if (onFailure == null || onFailure.get("Destination") == null) {
                throw new IllegalArgumentException(event + ": DestinationConfig needs OnFailure.Destination");
            }
            Object type = onFailure.get("Type");
            if (type != null && !"SQS".equals(type) && !"SNS".equals(type)) {
                throw new IllegalArgumentException(event + ": OnFailure Type must be SQS or SNS, not " + type);
            }
            if ("SNS".equals(type)) {
                throw new IllegalArgumentException(event + ": the local runner sends discarded records to an SQS"
                        + " queue only (OnFailure Type SQS)");
            }
        }
        if (parallelization != null && parallelization != 1) {
            throw new IllegalArgumentException(event + ": the local runner does not emulate ParallelizationFactor "
                    + parallelization + " (one batch per shard at a time)");
        }
        if (tumbling != null && tumbling != 0) {
            throw new IllegalArgumentException(event + ": the local runner does not emulate tumbling windows");
        }
        if ("false".equals(String.valueOf(properties.get("Enabled")))) {
            throw new IllegalArgumentException(event + ": the local runner does not emulate a disabled mapping");
        }
    }

    private static Integer integer(String event, Map<String, Object> properties, String name, int min, int max) {
        Object value = properties.get(name);
        if (value == null) {
            return null;
        }
        int n;
        try {
            n = value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue()
                    : Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(event + ": " + name + " must be a whole number, not " + value);
        }
        range(event, name, n, min, max);
        return n;
    }

    private static void range(String event, String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(event + ": " + name + " must be from " + min + " to " + max + ", not "
                    + value);
        }
    }
}
