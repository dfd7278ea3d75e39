package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.scamsignal.emulator.lambda.FormPages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fuzzes the report API with schemathesis (pinned in tools/requirements.txt) against
 * contracts/report-api.openapi.yaml, through the runner's HTTP API and the real intake handler on
 * the emulator, both ways: no 5xx, every status, content type and body as the contract says, every
 * schema-invalid request rejected ({@code negative_data_rejection}) and every valid one accepted
 * ({@code positive_data_acceptance}); the reports the API accepted are in the Reports table.
 *
 * <p>The seed is random and printed; {@code -Dscamsignal.schemathesis.seed=N} repeats a run. The
 * stack is on the test JVM's moto with item-level transaction snapshots
 * ({@link TestEmulator#fastTransactionsEndpoint}, same semantics, PatchedMotoIT): some 300 accepted
 * reports and their enrichment on one stack would have moto as released copy the growing tables on
 * every transaction, and the fuzzing wait on that.
 */
class SchemathesisIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GENERATED = Pattern.compile("(\\d+) generated, (\\d+) passed");

    @Test
    void theReportApiKeepsItsContractUnderFuzzing() throws Exception {
        Path project = TestEmulator.projectDir();
        Path output = project.resolve("e2e/target/schemathesis.txt");
        Path har = project.resolve("e2e/target/schemathesis.har");
        Files.deleteIfExists(har);
        String configured = System.getProperty("scamsignal.schemathesis.seed", "");
        long seed = configured.isBlank() ? new SecureRandom().nextInt(Integer.MAX_VALUE) : Long.parseLong(configured);
        System.out.println("[seed] schemathesis --seed " + seed + " (repeat with -Dscamsignal.schemathesis.seed=" + seed + ")");
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                TestEmulator.fastTransactionsEndpoint(), "fuzz-" + UUID.randomUUID().toString().substring(0, 8)))) {
            ProcessBuilder builder = new ProcessBuilder(List.of(project.resolve(".venv/bin/st").toString(),
                    "--config-file", project.resolve("e2e/schemathesis/schemathesis.toml").toString(), "run",
                    project.resolve("contracts/report-api.openapi.yaml").toString(),
                    "--url", "http://127.0.0.1:" + pipeline.port(),
                    // the report API; the partner routes (TAXII, behind partner keys) are PartnerExchangeIT's
                    "--include-path", "/reports",
                    "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                            + "response_schema_conformance,negative_data_rejection,positive_data_acceptance",
                    "--max-examples", "100", "--seed", Long.toString(seed), "--no-color",
                    // the emulator on a busy two-core machine, not the API, is what a 10-second timeout measured
                    "--request-timeout", "30",
                    "--report", "junit,har", "--report-junit-path", project.resolve("e2e/target/schemathesis-junit.xml").toString(),
                    "--report-har-path", har.toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            // positive cases brought within the rules the contract states only in words (e2e/schemathesis/hooks.py)
            builder.environment().put("SCHEMATHESIS_HOOKS", "hooks");
            builder.environment().put("PYTHONPATH", project.resolve("e2e/schemathesis").toString());
            builder.environment().put("SCAMSIGNAL_ISO_LISTS", isoLists(project.resolve("e2e/target/iso-lists.json")).toString());
            ExternalProcess.Result st = ExternalProcess.run(builder, Duration.ofMinutes(10));
            String report = Files.readString(output);
            System.out.println(report.lines().filter(l -> l.contains("generated") || l.contains("Coverage")
                    || l.contains("Fuzzing") || l.contains("Examples") || l.contains("failed")).reduce("", (a, b) -> a + b + "\n"));

            assertThat(st.exitCode()).as("seed %d: %s", seed, report).isZero();
            Matcher m = GENERATED.matcher(report);
            assertThat(m.find()).as(report).isTrue();
            int generated = Integer.parseInt(m.group(1));
            assertThat(generated).isGreaterThanOrEqualTo(100);
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(generated);

            // accepted is stored: every report id a 202 answered with is in the Reports table
            Set<String> accepted = acceptedReportIds(har);
            assertThat(accepted).as("schemathesis sent valid reports that the API accepted (seed %d)", seed).isNotEmpty();
            List<String> missing = new ArrayList<>();
            for (String id : accepted) {
                if (!pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReportsTable")).consistentRead(true)
                        .key(Map.of("reportId", AttributeValue.fromS(id)))).hasItem()) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("accepted but not stored").isEmpty();
            // acceptance shown for many valid numbers and wallets, not one of each
            Set<String> phones = acceptedValues(har, "phoneNumbers");
            Set<String> wallets = acceptedValues(har, "walletAddresses");
            System.out.println("[figure] schemathesis: " + phones.size() + " distinct valid phone numbers and "
                    + wallets.size() + " distinct wallet addresses accepted");
            assertThat(phones).as("distinct phone numbers in accepted reports").hasSizeGreaterThan(5);
            System.out.println("[figure] schemathesis: " + generated + " test cases for POST /reports, " + m.group(2)
                    + " passed; " + accepted.size() + " reports accepted, all in the Reports table (seed " + seed + ")");
        }
    }

    /**
     * The lists the validator checks country and currency against (the JDK's), and libphonenumber's
     * example number of every number type of each country the report forms offer (as FormPages renders them),
     * in E.164 and international format: the hooks' valid phone numbers.
     */
    private static Path isoLists(Path file) throws Exception {
        ObjectNode lists = JSON.createObjectNode();
        ArrayNode phones = lists.putArray("phones");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String country : formCountries()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = util.getExampleNumberForType(country, type);
                if (example != null) {
                    phones.add(util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                    phones.add(util.format(example, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
                }
            }
        }
        ArrayNode countries = lists.putArray("countries");
        List.of(Locale.getISOCountries()).forEach(countries::add);
        ArrayNode currencies = lists.putArray("currencies");
        Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().forEach(currencies::add);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), lists);
        return file;
    }

    /** The countries of the report form's country list. */
    static List<String> formCountries() throws Exception {
        String page = FormPages.render("en");
        Matcher select = Pattern.compile("<select id=\"country\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
        assertThat(select.find()).isTrue();
        List<String> countries = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([A-Z]{2})\"").matcher(select.group(1));
        while (option.find()) {
            countries.add(option.group(1));
        }
        return countries;
    }

    /** Every phone number and wallet address of the reports a 202 answered (JSON bodies and form bodies). */
    private static Set<String> acceptedValues(Path har, String field) throws Exception {
        Set<String> values = new TreeSet<>();
        for (JsonNode entry : JSON.readTree(har.toFile()).at("/log/entries")) {
            if (entry.at("/response/status").asInt() != 202) {
                continue;
            }
            JsonNode postData = entry.at("/request/postData");
            String text = postData.path("text").asText("");
            if (postData.path("mimeType").asText("").contains("form")) {
                Arrays.stream(text.split("&")).map(p -> p.split("=", 2))
                        .filter(p -> p.length > 1 && URLDecoder.decode(p[0], StandardCharsets.UTF_8).equals("scammer." + field))
                        .forEach(p -> values.add(URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            } else if (!text.isEmpty()) {
                JSON.readTree(text).path("scammer").path(field).forEach(v -> {
                    if (v.isTextual()) {
                        values.add(v.asText());
                    }
                });
            }
        }
        return values;
    }

    /**
     * The report ids of every 202 in the HAR log schemathesis wrote, but those of honeypot hits
     * (a non-empty {@code website}), which the API answers like any report and drops.
     */
    private static Set<String> acceptedReportIds(Path har) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode entry : JSON.readTree(har.toFile()).at("/log/entries")) {
            if (entry.at("/response/status").asInt() == 202 && !honeypot(entry.at("/request/postData"))) {
                String text = entry.at("/response/content/text").asText();
                ids.add(JSON.readTree(text).get("reportId").asText());
            }
        }
        return ids;
    }

    private static boolean honeypot(JsonNode postData) throws Exception {
        String text = postData.path("text").asText("");
        if (postData.path("mimeType").asText("").contains("form")) {
            return Arrays.stream(text.split("&")).map(p -> p.split("=", 2))
                    .anyMatch(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8).equals("website")
                            && p.length > 1 && !URLDecoder.decode(p[1], StandardCharsets.UTF_8).isEmpty());
        }
        JsonNode body = text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        return body.path("website").isTextual() && !body.get("website").asText().isEmpty();
    }
}
