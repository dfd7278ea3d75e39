package io.scamsignal.aws;

import java.io.PrintStream;
import java.util.Map;

/**
 * CloudWatch metrics in Embedded Metric Format: one JSON line on standard output, which CloudWatch
 * Logs turns into metrics without an API call. Dimensions are codes and names, never a value from
 * a report.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "ScamSignal";
    private final String function;
    private final PrintStream out;

    public EmfMetrics(String function) {
        this(function, System.out);
    }

    EmfMetrics(String function, PrintStream out) {
        this.function = function;
        this.out = out;
    }

    /** Counts {@code metric} once, with the function's name and the extra dimensions. */
    public void count(String metric, Map<String, String> dimensions) {
        out.println(JsonLines.line(g -> {
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", System.currentTimeMillis());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("Function");
            for (String dimension : dimensions.keySet().stream().sorted().toList()) {
                g.writeString(dimension);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            g.writeStartObject();
            g.writeStringField("Name", metric);
            g.writeStringField("Unit", "Count");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("Function", function);
            for (var dimension : dimensions.entrySet()) {
                g.writeStringField(dimension.getKey(), dimension.getValue());
            }
            g.writeNumberField(metric, 1);
        }));
    }
}
