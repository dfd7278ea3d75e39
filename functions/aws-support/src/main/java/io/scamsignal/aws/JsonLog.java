package io.scamsignal.aws;

import com.fasterxml.jackson.core.JacksonException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda sends to CloudWatch Logs. Callers pass
 * ids and counts only: no field of a report's free text or of the reporter ever goes in here.
 */
public final class JsonLog {

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
        out.println(JsonLines.line(g -> {
            g.writeStringField("timestamp", Instant.now().toString());
            g.writeStringField("level", level);
            g.writeStringField("logger", logger);
            g.writeStringField("message", message);
            for (var field : fields.entrySet()) {
                g.writeFieldName(field.getKey());
                JsonLines.value(g, field.getValue());
            }
            if (error != null) {
                g.writeStringField("errorType", error.getClass().getName());
                // a parser's message quotes the input it choked on, which may be a report's text: left out
                g.writeStringField("errorMessage", error instanceof JacksonException ? "unreadable JSON"
                        : String.valueOf(error.getMessage()));
            }
        }));
    }
}
