package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a new indicator type needs beyond its declaration in {@link IndicatorType}: the extractor
 * finds it in a report, the contracts partners validate against name it, and docs/partners.md's
 * table of types describes it as declared. Each test fails (or, for the extractor, does not
 * compile) until that is done.
 */
class IndicatorTypeTest {

    private static final Path ROOT = Path.of(System.getProperty("scamsignal.projectDir", "../..")).toAbsolutePath().normalize();
    private static final List<String> WIRE_NAMES = Arrays.stream(IndicatorType.values()).map(IndicatorType::wireName).toList();

    /** A report that names one indicator of the type, in the first of its report fields. */
    private static Scammer scammerNaming(IndicatorType type) {
        List<String> none = List.of();
        return switch (type) {
            case PHONE -> new Scammer(List.of("+1 888-555-0142"), none, none, List.of(), none);
            case DOMAIN -> new Scammer(none, List.of("micros0ft-help.com"), none, List.of(), none);
            case URL -> new Scammer(none, List.of("https://micros0ft-help.com/fix"), none, List.of(), none);
            case EMAIL -> new Scammer(none, none, List.of("helpdesk@micros0ft-help.com"), List.of(), none);
            case REMOTE_ACCESS_ID -> new Scammer(none, none, none, List.of(new RemoteAccessTool("AnyDesk", "123456789")), none);
            case WALLET -> new Scammer(none, none, none, List.of(), none, List.of("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
        };
    }

    @Test
    void theExtractorFindsEveryTypeInItsReportField() {
        IndicatorExtractor extractor = IndicatorExtractor.standard(BrandRegistry.defaults());
        for (IndicatorType type : IndicatorType.values()) {
            StoredReport report = StoredReport.builder("r-" + type.wireName()).receivedAt(Instant.parse("2026-11-28T10:00:00Z"))
                    .contactMethod(ContactMethod.POPUP).country("US").scammer(scammerNaming(type)).loss(Loss.none())
                    .reporterFingerprint("fingerprint").build();
            assertThat(extractor.extract(report)).as("indicators of a report naming a %s", type)
                    .extracting(Indicator::type).contains(type);
            assertThat(type.reportFields()).as("report fields of %s", type).isNotEmpty();
        }
    }

    @Test
    void theContractsNameEveryTypeAndNoOther() throws IOException {
        for (String contract : List.of("contracts/alert-message.schema.json", "contracts/referral-packet.schema.json")) {
            JsonNode schema = Json.mapper().readTree(Files.readString(ROOT.resolve(contract)));
            List<List<String>> enums = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            walk(schema, enums, patterns);
            assertThat(enums).as("enumerations of indicator types in %s", contract).isNotEmpty()
                    .allSatisfy(e -> assertThat(e).as(contract).containsExactlyInAnyOrderElementsOf(WIRE_NAMES));
            for (String pattern : patterns) {
                Matcher m = Pattern.compile("\\((phone\\|[a-z_|]+)\\)").matcher(pattern);
                assertThat(m.find()).isTrue();
                assertThat(m.group(1).split("\\|")).as("types in the pattern %s of %s", pattern, contract)
                        .containsExactlyInAnyOrderElementsOf(WIRE_NAMES);
            }
        }
    }

    /** Enumerations (and key patterns) that list indicator types: those that name {@code phone} and {@code domain}. */
    private static void walk(JsonNode node, List<List<String>> enums, List<String> patterns) {
        if (node.isObject()) {
            JsonNode values = node.get("enum");
            if (values != null && values.isArray()) {
                List<String> list = new ArrayList<>();
                values.forEach(v -> list.add(v.asText()));
                if (list.contains("phone") && list.contains("domain")) {
                    enums.add(list);
                }
            }
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.asText().contains("(phone|")) {
                patterns.add(pattern.asText());
            }
        }
        node.forEach(child -> walk(child, enums, patterns));
    }

    @Test
    void thePartnersDocumentDescribesEveryTypeAsDeclared() throws IOException {
        Map<String, List<String>> rows = typeTable(Files.readString(ROOT.resolve("docs/partners.md")));
        assertThat(rows.keySet()).as("rows of docs/partners.md's table of indicator types")
                .containsExactlyInAnyOrderElementsOf(WIRE_NAMES);
        for (IndicatorType type : IndicatorType.values()) {
            List<String> row = rows.get(type.wireName());
            assertThat(row.get(2)).as("STIX observable of %s", type).startsWith("`" + type.stix().type() + "`");
            assertThat(row.get(2).contains("extension")).as("STIX observable of %s: an extension", type)
                    .isEqualTo(type.stix().extensionId() != null);
            String misp = type.misp().coinByAddress() ? "the coin's type (`btc`, `xmr`, `dash`) or `text`"
                    : "`" + type.misp().type() + "`";
            assertThat(row.get(3)).as("MISP type and category of %s", type).isEqualTo(misp + ", " + type.misp().category());
            assertThat(row.get(4)).as("expiry of %s", type).isEqualTo(type.defaultExpiry().toDays() + " days");
            assertThat(row.get(5)).as("ring linking of %s", type).isEqualTo(switch (type.ringLink()) {
                case ALWAYS -> "yes";
                case UNLESS_BENIGN -> "unless a brand's or a benign site";
                case UNLESS_ON_A_LEGITIMATE_SITE -> "unless on a brand's or a benign site";
                case UNLESS_ON_A_LEGITIMATE_SITE_BUT_FREE_MAIL -> "unless on a brand's or a benign site (free mail links)";
            });
            assertThat(row.get(6)).as("number feed of %s", type).isEqualTo(type.inNumberFeed() ? "yes" : "no");
        }
    }

    /** The rows of the table under "## Indicator types", by the type in their first cell. */
    private static Map<String, List<String>> typeTable(String markdown) {
        int start = markdown.indexOf("\n## Indicator types\n");
        assertThat(start).as("docs/partners.md has a section \"Indicator types\"").isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : markdown.substring(start, end < 0 ? markdown.length() : end).split("\n")) {
            if (line.startsWith("| `")) {
                List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                        .map(String::strip).toList();
                rows.put(cells.get(0).replace("`", ""), cells);
            }
        }
        return rows;
    }
}
