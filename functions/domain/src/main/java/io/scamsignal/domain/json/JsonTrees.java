package io.scamsignal.domain.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON text into a {@link JsonNode} tree with jackson-core's parser and databind's node classes
 * only: no ObjectMapper, whose construction and configuration cost the intake about 110 ms of
 * every cold start (measured). Strict as the intake's reader was: a duplicate field or anything
 * after the root value is an error, and decimals stay BigDecimal (JsonTreesTest holds the trees
 * equal to an ObjectMapper's with FAIL_ON_READING_DUP_TREE_KEY, FAIL_ON_TRAILING_TOKENS and
 * USE_BIG_DECIMAL_FOR_FLOATS).
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The tree of {@code text}; MissingNode for empty text; a JsonProcessingException for anything malformed. */
    public static JsonNode read(String text) throws JsonProcessingException {
        try (JsonParser p = Json.parser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = value(p, first);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, "unreadable JSON", e);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonNode member = value(p, p.nextToken());
                    if (object.has(name)) {
                        throw new JsonParseException(p, "duplicate field '" + name + "'");
                    }
                    object.set(name, member);
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> decimal(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "unexpected " + token);
        };
    }

    /** As databind's tree reader: trailing zeros stripped where the node factory says so. */
    private static JsonNode decimal(BigDecimal value) {
        if (NODES.willStripTrailingBigDecimalZeroes()) {
            return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
        return NODES.numberNode(value);
    }
}
