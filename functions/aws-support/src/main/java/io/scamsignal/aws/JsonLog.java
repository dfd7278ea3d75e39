package io.scamsignal.aws;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda sends to CloudWatch Logs. Callers pass
 * ids and counts only: no field of a report's free text or of the reporter ever goes in here.
 */
public final class JsonLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String logger;
    private final PrintStream out;

    public JsonLog(String logger) {
        this(logger, System.out);
    }

    JsonLog(String logger, PrintStream out) {
        this.logger = logger;
        this.out = out;
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields, null);
    }

    public void error(String message, Map<String, ?> fields, Throwable error) {
        write("ERROR", message, fields, error);
    }

    private void write(String level, String message, Map<String, ?> fields, Throwable error) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        fields.forEach((k, v) -> line.set(k, MAPPER.valueToTree(v)));
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            // a parser's message quotes the input it choked on, which may be a report's text: left out
            line.put("errorMessage", error instanceof JacksonException ? "unreadable JSON"
                    : String.valueOf(error.getMessage()));
        }
        try {
            out.println(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"unloggable event\"}");
        }
    }
}
