package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI document (contracts/report-api.openapi.yaml) is the contract; the validator must
 * enforce every constraint its Report schema states. The walk below visits every node of the
 * schema and every keyword in it; each constraint keyword has a case generator, and a keyword
 * without one (say a {@code minItems} or {@code format} added to the document) becomes a failing
 * case, so the contract cannot gain a rule this test silently skips.
 *
 * <p>Patterns are checked from the regular expression itself: values are probed (typical values and
 * mutations of them: case, length, spaces, control characters, digits for letters); every probe the
 * pattern rejects must be rejected by the validator, and some probe the pattern accepts must be
 * accepted. A pattern for which no probe falls on each side is itself a failure.
 */
class ReportContractConformanceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Say what a value is, not what it must be: no case to derive. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "default", "example", "title");
    /** Shape the walk follows (type is checked through the wrong-type case). */
    private static final Set<String> STRUCTURE = Set.of("properties", "items", "oneOf");
    /** Typical values the probes start from; mutations of each are added. */
    private static final List<String> SEEDS = List.of("a", "Microsoft", "US", "DE", "USD", "EUR", "2026-11-20",
            "250.00", "250", "0.5", "popup", "x@example.org", "+1 (888) 555-0142", "https://example.org/a b");

    private final ReportValidator validator = new ReportValidator(CLOCK, new PhoneNormalizer());
    private JsonNode document;
    private final Set<String> covered = new TreeSet<>();

    private JsonNode loadContract() throws Exception {
        Path file = Path.of(System.getProperty("scamsignal.contracts", "../../contracts"), "report-api.openapi.yaml");
        return new YAMLMapper().readTree(file.toFile());
    }

    @TestFactory
    List<DynamicTest> everyConstraintOfTheReportSchemaIsEnforced() throws Exception {
        document = loadContract();
        List<DynamicTest> tests = new ArrayList<>();
        object(resolve(document.at("/components/schemas/Report")), "", report -> report, tests);
        // the walk found what the document states: each kind of constraint, none of them skipped
        assertThat(covered).contains("required", "additionalProperties", "enum", "pattern", "minLength", "maxLength",
                "minimum", "maximum", "multipleOf", "maxItems", "nullable", "type");
        assertThat(tests).hasSizeGreaterThan(60);
        return tests;
    }

    @Test
    void aConstraintWithoutACaseGeneratorFailsTheWalk() {
        document = NODES.objectNode();
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties").putObject("country").put("type", "string").put("format", "iso3166");
        List<DynamicTest> tests = new ArrayList<>();
        object(schema, "", report -> report, tests);
        assertThat(tests).anySatisfy(t -> {
            assertThat(t.getDisplayName()).contains("no case generator for format");
            try {
                t.getExecutable().execute();
                throw new IllegalStateException("the case for an unknown constraint passed");
            } catch (AssertionError expected) {
                assertThat(expected).hasMessageContaining("format");
            } catch (Throwable other) {
                throw new IllegalStateException(other);
            }
        });
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

    /** A fresh valid report with {@code value} at the field. */
    private interface Placer extends Function<JsonNode, ObjectNode> {
    }

    /** Keywords of this node that are constraints without a generator: each a failing case. */
    private void unknownKeywords(JsonNode schema, String field, Set<String> handled, List<DynamicTest> tests) {
        schema.fieldNames().forEachRemaining(keyword -> {
            if (!handled.contains(keyword) && !ANNOTATIONS.contains(keyword) && !STRUCTURE.contains(keyword)
                    && !keyword.equals("type")) {
                tests.add(DynamicTest.dynamicTest("no case generator for " + keyword + " of " + display(field), () -> {
                    throw new AssertionError("the contract states " + keyword + "=" + schema.get(keyword) + " for "
                            + display(field) + " and this test derives no case for it: add a generator");
                }));
            } else if (!ANNOTATIONS.contains(keyword) && !STRUCTURE.contains(keyword)) {
                covered.add(keyword);
            }
        });
    }

    private static String display(String field) {
        return field.isEmpty() ? "the report" : field;
    }

    private void object(JsonNode schema, String path, Locator locate, List<DynamicTest> tests) {
        String where = path.isEmpty() ? "" : path.substring(0, path.length() - 1);
        unknownKeywords(schema, where, Set.of("required", "additionalProperties", "nullable"), tests);
        for (JsonNode required : schema.path("required")) {
            String field = path + required.asText();
            tests.add(DynamicTest.dynamicTest("required " + field, () -> {
                ObjectNode report = validReport();
                locate.apply(report).remove(required.asText());
                assertRejected(report, field, "required");
            }));
        }
        if (schema.has("additionalProperties")) {
            assertThat(schema.get("additionalProperties").isBoolean()).as("additionalProperties of %s", display(where)).isTrue();
            boolean allowed = schema.get("additionalProperties").asBoolean();
            tests.add(DynamicTest.dynamicTest((allowed ? "unknown fields allowed in " : "no unknown field in ") + display(where), () -> {
                ObjectNode report = validReport();
                locate.apply(report).put("notInTheContract", "x");
                if (allowed) {
                    assertThat(errors(report)).noneMatch(e -> e.field().equals(path + "notInTheContract"));
                } else {
                    assertRejected(report, path + "notInTheContract", "unknown_field");
                }
            }));
        }
        schema.path("properties").properties().forEach(p -> {
            String name = p.getKey();
            String field = path + name;
            JsonNode child = resolve(p.getValue());
            if (child.path("nullable").asBoolean(false)) {
                covered.add("nullable");
                // null is no type error: it means what leaving the field out means (scammer: null still
                // leaves the report without an indicator, as its description says)
                tests.add(DynamicTest.dynamicTest("nullable " + field, () -> {
                    ObjectNode absent = validReport();
                    locate.apply(absent).remove(name);
                    ObjectNode nulled = validReport();
                    locate.apply(nulled).putNull(name);
                    assertThat(codesAt(nulled, field)).as("%s = null", field).isEqualTo(codesAt(absent, field))
                            .doesNotContain("invalid_type", "type");
                }));
            }
            property(child, field, value -> {
                ObjectNode report = validReport();
                locate.apply(report).set(name, value);
                return report;
            }, report -> {
                ObjectNode owner = locate.apply(report);
                return owner.get(name) instanceof ObjectNode o ? o : owner.putObject(name);
            }, tests);
        });
    }

    /** Any property: its type, nullability, and then the rules of objects, arrays or values. */
    private void property(JsonNode schema, String field, Placer place, Locator asObject, List<DynamicTest> tests) {
        String type = schema.path("type").asText("");
        if (!type.isEmpty()) {
            covered.add("type");
            tests.add(DynamicTest.dynamicTest("type " + type + " of " + field, () ->
                    assertRejected(place.apply(wrongType(type)), field, null)));
        }
        if (schema.has("oneOf")) {
            unknownKeywords(schema, field, Set.of("nullable"), tests);
            List<String> types = new ArrayList<>();
            for (JsonNode alternative : schema.get("oneOf")) {
                JsonNode branch = resolve(alternative);
                types.add(branch.path("type").asText());
                valueRules(branch, field, place, tests);
            }
            tests.add(DynamicTest.dynamicTest("oneOf " + types + " of " + field, () -> {
                Set<String> others = new LinkedHashSet<>(List.of("string", "number", "boolean", "array", "object"));
                types.forEach(others::remove);
                for (String other : others) {
                    assertRejected(place.apply(sample(other)), field, null);
                }
            }));
            return;
        }
        switch (type) {
            case "object" -> object(schema, field + ".", asObject, tests);
            case "array" -> array(schema, field, place, tests);
            default -> valueRules(schema, field, place, tests);
        }
    }

    private void array(JsonNode schema, String field, Placer place, List<DynamicTest> tests) {
        unknownKeywords(schema, field, Set.of("maxItems", "nullable"), tests);
        JsonNode items = resolve(schema.get("items"));
        if (schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            tests.add(DynamicTest.dynamicTest("maxItems " + max + " of " + field, () -> {
                ArrayNode atLimit = NODES.arrayNode();
                for (int i = 0; i < max; i++) {
                    atLimit.add(example(items));
                }
                assertThat(errors(place.apply(atLimit))).as("%s with %d items", field, max)
                        .noneMatch(e -> e.field().equals(field) && e.code().equals("too_many"));
                ArrayNode over = atLimit.deepCopy().add(example(items));
                assertRejected(place.apply(over), field, "too_many");
            }));
        }
        String item = field + "[0]";
        property(items, item, value -> place.apply(NODES.arrayNode().add(value)), report -> {
            ArrayNode list = NODES.arrayNode();
            ObjectNode first = (ObjectNode) example(items);
            list.add(first);
            // the list goes in place of the field in this report: rebuild it with the placer, then find the item
            ObjectNode placed = place.apply(list);
            report.setAll(placed);
            return (ObjectNode) locateItem(report, item);
        }, tests);
    }

    /** The object at a path like {@code scammer.remoteAccessTools[0]} inside a report. */
    private static JsonNode locateItem(ObjectNode report, String path) {
        JsonNode node = report;
        for (String part : path.split("\\.")) {
            if (part.endsWith("[0]")) {
                node = node.get(part.substring(0, part.length() - 3)).get(0);
            } else {
                node = node.get(part);
            }
        }
        return node;
    }

    private void valueRules(JsonNode schema, String field, Placer place, List<DynamicTest> tests) {
        unknownKeywords(schema, field, Set.of("maxLength", "minLength", "enum", "pattern", "minimum", "maximum", "multipleOf",
                "nullable"), tests);
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            tests.add(DynamicTest.dynamicTest("maxLength " + max + " of " + field, () -> {
                assertThat(errors(place.apply(NODES.textNode(filler(schema, max))))).as("%s at its limit", field)
                        .noneMatch(e -> e.field().equals(field) && e.code().equals("too_long"));
                assertRejected(place.apply(NODES.textNode(filler(schema, max + 1))), field, "too_long");
            }));
        }
        if (schema.has("minLength")) {
            int min = schema.get("minLength").asInt();
            tests.add(DynamicTest.dynamicTest("minLength " + min + " of " + field, () -> {
                assertThat(errors(place.apply(NODES.textNode(filler(schema, min))))).as("%s at its limit", field)
                        .noneMatch(e -> e.field().equals(field));
                assertThat(min).as("a minLength of 0 states nothing").isPositive();
                assertRejected(place.apply(NODES.textNode(filler(schema, min - 1))), field, null);
            }));
        }
        if (schema.has("enum")) {
            tests.add(DynamicTest.dynamicTest("enum of " + field, () -> {
                for (JsonNode value : schema.get("enum")) {
                    assertThat(errors(place.apply(value))).as("%s = %s", field, value).noneMatch(e -> e.field().equals(field));
                }
                assertRejected(place.apply(NODES.textNode("not_in_the_enum")), field, null);
                assertRejected(place.apply(NODES.textNode(schema.get("enum").get(0).asText().toUpperCase() + "x")), field, null);
            }));
        }
        if (schema.has("minimum") || schema.has("maximum")) {
            if (schema.has("minimum")) {
                BigDecimal min = schema.get("minimum").decimalValue();
                tests.add(DynamicTest.dynamicTest("minimum " + min + " of " + field, () -> {
                    assertThat(errors(place.apply(NODES.numberNode(min)))).as("%s = %s", field, min)
                            .noneMatch(e -> e.field().equals(field));
                    for (BigDecimal below : List.of(min.subtract(new BigDecimal("0.01")), min.subtract(BigDecimal.ONE))) {
                        assertRejected(place.apply(NODES.numberNode(below)), field, null);
                    }
                }));
            }
            if (schema.has("maximum")) {
                BigDecimal max = schema.get("maximum").decimalValue();
                tests.add(DynamicTest.dynamicTest("maximum " + max + " of " + field, () -> {
                    assertThat(errors(place.apply(NODES.numberNode(max)))).as("%s = %s", field, max)
                            .noneMatch(e -> e.field().equals(field));
                    for (BigDecimal above : List.of(max.add(new BigDecimal("0.01")), max.add(BigDecimal.ONE))) {
                        assertRejected(place.apply(NODES.numberNode(above)), field, null);
                    }
                }));
            }
        }
        if (schema.has("multipleOf")) {
            BigDecimal step = schema.get("multipleOf").decimalValue();
            tests.add(DynamicTest.dynamicTest("multipleOf " + step + " of " + field, () -> {
                for (BigDecimal multiple : List.of(step, step.multiply(BigDecimal.valueOf(12345)))) {
                    assertThat(errors(place.apply(NODES.numberNode(multiple)))).as("%s = %s", field, multiple)
                            .noneMatch(e -> e.field().equals(field));
                }
                for (BigDecimal between : List.of(step.divide(BigDecimal.TEN), step.multiply(new BigDecimal("1.5")))) {
                    assertRejected(place.apply(NODES.numberNode(between)), field, null);
                }
            }));
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            tests.add(DynamicTest.dynamicTest("pattern " + pattern + " of " + field, () -> {
                Set<String> probes = probes(schema);
                List<String> rejected = probes.stream().filter(p -> !pattern.matcher(p).find()).toList();
                List<String> accepted = probes.stream().filter(p -> pattern.matcher(p).find()).toList();
                assertThat(rejected).as("probes the pattern of %s rejects: no case can be derived", field).isNotEmpty();
                assertThat(accepted).as("probes the pattern of %s accepts: no case can be derived", field).isNotEmpty();
                for (String probe : rejected) {
                    assertRejected(place.apply(NODES.textNode(probe)), field, null);
                }
                assertThat(accepted).as("some value the pattern of %s accepts is accepted", field)
                        .anyMatch(p -> errors(place.apply(NODES.textNode(p))).stream().noneMatch(e -> e.field().equals(field)));
            }));
        }
    }

    /** The seeds and their mutations, within the field's length limits (those have their own cases). */
    private static Set<String> probes(JsonNode schema) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = schema.path("minLength").asInt(0);
        Set<String> probes = new LinkedHashSet<>();
        for (String seed : SEEDS) {
            probes.addAll(List.of(seed, seed.toLowerCase(), seed.toUpperCase(), seed + "1", seed + "A",
                    seed.substring(0, seed.length() - 1), " " + seed, seed + " ", seed + "\n", "\t" + seed,
                    seed + "\u0007", seed.charAt(0) + "\u0000" + seed.substring(1), seed + "\u007f", seed + "\u0085",
                    seed + "\u009f", seed + "\u00a0",
                    seed.replaceAll("[0-9]", "x"), seed.replaceAll("[A-Za-z]", "9"), seed.replace('-', '/'),
                    seed.replace('.', ','), "-" + seed, seed + ".123", seed.replaceAll("[0-9]", "\uff11")));
        }
        probes.addAll(List.of("", " ", "\t", "\n", "1234567890", "1234567890.5", "12345-67-89"));
        probes.removeIf(p -> p.length() > max || p.length() < min);
        return probes;
    }

    /** A value of the given length the field's pattern accepts, where one is easily made. */
    private static String filler(JsonNode schema, int length) {
        return "a".repeat(length);
    }

    private static JsonNode wrongType(String type) {
        return type.equals("string") ? NODES.numberNode(7) : NODES.textNode("7");
    }

    private static JsonNode sample(String type) {
        return switch (type) {
            case "string" -> NODES.textNode("seven");
            case "number" -> NODES.numberNode(7);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(7);
            default -> NODES.objectNode().put("seven", 7);
        };
    }

    /** A valid instance of an array's item schema: the first enum value, a probe its pattern accepts, an object with its required fields. */
    private JsonNode example(JsonNode items) {
        if (items.has("enum")) {
            return items.get("enum").get(0);
        }
        if (items.path("type").asText().equals("object")) {
            ObjectNode object = NODES.objectNode();
            for (JsonNode required : items.path("required")) {
                object.set(required.asText(), example(resolve(items.get("properties").get(required.asText()))));
            }
            return object;
        }
        Pattern pattern = items.has("pattern") ? Pattern.compile(items.get("pattern").asText()) : null;
        return NODES.textNode(probes(items).stream().filter(p -> !p.isBlank() && (pattern == null || pattern.matcher(p).find()))
                .findFirst().orElseThrow());
    }

    /** The field errors the validator finds in {@code report}; none when it accepts it (over HTTP: a subclass's). */
    List<FieldError> errors(ObjectNode report) {
        return validator.validate(report) instanceof ValidationResult.Invalid invalid ? invalid.errors() : List.of();
    }

    private List<String> codesAt(ObjectNode report, String field) {
        return errors(report).stream().filter(e -> e.field().equals(field)).map(FieldError::code).sorted().toList();
    }

    private void assertRejected(ObjectNode report, String field, String code) {
        assertThat(errors(report)).as("%s in %s", field, report)
                .anyMatch(e -> e.field().equals(field) && (code == null || e.code().equals(code)));
    }

}
