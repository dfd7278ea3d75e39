package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lambda event filtering (FilterCriteria) on stream records: a record passes when any filter
 * matches. A pattern is an object whose leaves are arrays of conditions, of which one must hold:
 * a literal, or {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but},
 * {@code exists} or {@code numeric}.
 */
public final class EventFilter {

    private final List<JsonNode> patterns;

    public EventFilter(List<JsonNode> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public boolean matches(JsonNode event) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matchesObject(p, event));
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            JsonNode condition = field.getValue();
            if (condition.isObject()) {
                if (value == null || !value.isObject() || !matchesObject(condition, value)) {
                    return false;
                }
            } else if (condition.isArray()) {
                if (!matchesAny(condition, value)) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("a filter pattern's leaves are arrays: " + field.getKey());
            }
        }
        return true;
    }

    private static boolean matchesAny(JsonNode conditions, JsonNode value) {
        for (JsonNode condition : conditions) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (holds(condition, element)) {
                        return true;
                    }
                }
            } else if (holds(condition, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(JsonNode condition, JsonNode value) {
        if (!condition.isObject()) {
            if (condition.isNull()) {
                return value != null && value.isNull();
            }
            return value != null && !value.isContainerNode() && literalEquals(condition, value);
        }
        Map.Entry<String, JsonNode> op = condition.fields().next();
        JsonNode arg = op.getValue();
        return switch (op.getKey()) {
            case "exists" -> arg.asBoolean() == (value != null);
            case "prefix" -> value != null && value.isTextual() && value.textValue().startsWith(arg.asText());
            case "suffix" -> value != null && value.isTextual() && value.textValue().endsWith(arg.asText());
            case "equals-ignore-case" -> value != null && value.isTextual() && value.textValue().equalsIgnoreCase(arg.asText());
            case "anything-but" -> value != null && !value.isContainerNode() && !anythingButExcludes(arg, value);
            case "numeric" -> value != null && value.isNumber() && numeric(arg, value.doubleValue());
            default -> throw new IllegalArgumentException("unsupported filter operator " + op.getKey());
        };
    }

    private static boolean anythingButExcludes(JsonNode arg, JsonNode value) {
        if (arg.isArray()) {
            for (JsonNode excluded : arg) {
                if (literalEquals(excluded, value)) {
                    return true;
                }
            }
            return false;
        }
        if (arg.isObject() && arg.has("prefix")) {
            return value.isTextual() && value.textValue().startsWith(arg.get("prefix").asText());
        }
        return literalEquals(arg, value);
    }

    private static boolean literalEquals(JsonNode literal, JsonNode value) {
        if (literal.isNumber() && value.isNumber()) {
            return literal.doubleValue() == value.doubleValue();
        }
        return literal.isTextual() == value.isTextual() && literal.asText().equals(value.asText());
    }

    private static boolean numeric(JsonNode arg, double value) {
        for (int i = 0; i + 1 < arg.size(); i += 2) {
            double bound = arg.get(i + 1).asDouble();
            boolean ok = switch (arg.get(i).asText()) {
                case "=" -> value == bound;
                case "<" -> value < bound;
                case "<=" -> value <= bound;
                case ">" -> value > bound;
                case ">=" -> value >= bound;
                default -> throw new IllegalArgumentException("unknown numeric operator " + arg.get(i));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
