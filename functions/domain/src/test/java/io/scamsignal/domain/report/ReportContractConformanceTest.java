package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI document (contracts/report-api.openapi.yaml) is the contract; the validator must
 * enforce every constraint its Report schema states. The cases below are derived from the schema
 * itself — required fields, unknown fields, maxLength, maxItems, enums and the control-character
 * patterns — so a change to the document fails here until the validator follows.
 */
class ReportContractConformanceTest {

    private static final String CONTROL_CHARACTERS = "^[^\\u0000-\\u001f\\u007f]*$";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ReportValidator validator = new ReportValidator(CLOCK, new PhoneNormalizer());
    private JsonNode document;

    @TestFactory
    List<DynamicTest> everyConstraintOfTheReportSchemaIsEnforced() throws Exception {
        Path file = Path.of(System.getProperty("scamsignal.contracts", "../../contracts"), "report-api.openapi.yaml");
        document = new YAMLMapper().readTree(file.toFile());
        List<DynamicTest> tests = new ArrayList<>();
        object(resolve(document.at("/components/schemas/Report")), "", report -> report, tests);
        assertThat(tests).hasSizeGreaterThan(30);
        return tests;
    }

    private JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? document.at(schema.get("$ref").asText().substring(1)) : schema;
    }

    private static ObjectNode validReport() {
        try {
            return (ObjectNode) Json.mapper().readTree("""
                    {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                     "country":"US","scammer":{"phoneNumbers":["+1 (888) 555-0142"]}}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a mutation lands: the object at {@code path} inside a fresh valid report, created if absent. */
    private interface Locator extends Function<ObjectNode, ObjectNode> {
    }

    private void object(JsonNode schema, String path, Locator locate, List<DynamicTest> tests) {
        for (JsonNode required : schema.path("required")) {
            String field = path + required.asText();
            tests.add(DynamicTest.dynamicTest("required " + field, () -> {
                ObjectNode report = validReport();
                locate.apply(report).remove(required.asText());
                assertRejected(report, field, "required");
            }));
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            tests.add(DynamicTest.dynamicTest("no unknown field in " + (path.isEmpty() ? "the report" : path), () -> {
                ObjectNode report = validReport();
                locate.apply(report).put("notInTheContract", "x");
                assertRejected(report, path + "notInTheContract", "unknown_field");
            }));
        }
        schema.path("properties").properties().forEach(p -> property(resolve(p.getValue()), path + p.getKey(),
                report -> locate.apply(report), p.getKey(), tests));
    }

    private void property(JsonNode schema, String field, Locator parent, String name, List<DynamicTest> tests) {
        String type = schema.path("type").asText();
        if (type.equals("object")) {
            object(schema, field + ".", report -> {
                ObjectNode owner = parent.apply(report);
                return owner.get(name) instanceof ObjectNode o ? o : owner.putObject(name);
            }, tests);
            return;
        }
        if (type.equals("array")) {
            JsonNode items = resolve(schema.get("items"));
            if (schema.has("maxItems")) {
                int max = schema.get("maxItems").asInt();
                tests.add(DynamicTest.dynamicTest("maxItems " + max + " of " + field, () -> {
                    ObjectNode report = validReport();
                    ArrayNode list = parent.apply(report).putArray(name);
                    for (int i = 0; i <= max; i++) {
                        list.add(example(items));
                    }
                    assertRejected(report, field, "too_many");
                }));
            }
            property(items, field + "[0]", report -> report, null, new ArrayList<>());
            itemRules(items, field, parent, name, tests);
            return;
        }
        valueRules(schema, field, value -> report -> parent.apply(report).set(name, value), tests);
    }

    /** The rules of an array's items, applied to a one-item list. */
    private void itemRules(JsonNode items, String field, Locator parent, String name, List<DynamicTest> tests) {
        if (items.path("type").asText().equals("object")) {
            object(items, field + "[0].", report -> {
                ArrayNode list = parent.apply(report).putArray(name);
                return list.addObject().put("tool", "AnyDesk");
            }, tests);
            return;
        }
        valueRules(items, field + "[0]", value -> report -> parent.apply(report).putArray(name).add(value), tests);
    }

    private interface Setter extends Function<JsonNode, java.util.function.Consumer<ObjectNode>> {
    }

    private void valueRules(JsonNode schema, String field, Setter set, List<DynamicTest> tests) {
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            tests.add(DynamicTest.dynamicTest("maxLength " + max + " of " + field, () -> {
                ObjectNode atLimit = validReport();
                set.apply(NODES.textNode("a".repeat(max))).accept(atLimit);
                assertThat(errors(atLimit)).as("%s at its limit", field)
                        .noneMatch(e -> e.field().equals(field) && e.code().equals("too_long"));
                ObjectNode over = validReport();
                set.apply(NODES.textNode("a".repeat(max + 1))).accept(over);
                assertRejected(over, field, "too_long");
            }));
        }
        if (schema.has("enum")) {
            tests.add(DynamicTest.dynamicTest("enum of " + field, () -> {
                for (JsonNode value : schema.get("enum")) {
                    ObjectNode report = validReport();
                    set.apply(value).accept(report);
                    assertThat(errors(report)).as("%s = %s", field, value).noneMatch(e -> e.field().equals(field));
                }
                ObjectNode report = validReport();
                set.apply(NODES.textNode("not_in_the_enum")).accept(report);
                assertRejected(report, field, null);
            }));
        }
        if (CONTROL_CHARACTERS.equals(schema.path("pattern").asText())) {
            tests.add(DynamicTest.dynamicTest("no control characters in " + field, () -> {
                ObjectNode report = validReport();
                set.apply(NODES.textNode("a\u0007b")).accept(report);
                assertRejected(report, field, "control_characters");
            }));
        }
    }

    private static JsonNode example(JsonNode items) {
        if (items.has("enum")) {
            return items.get("enum").get(0);
        }
        return items.path("type").asText().equals("object") ? NODES.objectNode().put("tool", "AnyDesk")
                : NODES.textNode("a");
    }

    private List<FieldError> errors(ObjectNode report) {
        return validator.validate(report) instanceof ValidationResult.Invalid invalid ? invalid.errors() : List.of();
    }

    private void assertRejected(ObjectNode report, String field, String code) {
        assertThat(errors(report)).as("%s in %s", field, report)
                .anyMatch(e -> e.field().equals(field) && (code == null || e.code().equals(code)));
    }
}
