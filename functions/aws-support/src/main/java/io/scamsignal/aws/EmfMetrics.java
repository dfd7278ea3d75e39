package io.scamsignal.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;

/**
 * CloudWatch metrics in Embedded Metric Format: one JSON line on standard output, which CloudWatch
 * Logs turns into metrics without an API call. Dimensions are codes and names, never a value from
 * a report.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "ScamSignal";
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", System.currentTimeMillis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensionSet.add("Function");
        dimensions.keySet().stream().sorted().forEach(dimensionSet::add);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        line.put("Function", function);
        dimensions.forEach(line::put);
        line.put(metric, 1);
        out.println(line);
    }
}
