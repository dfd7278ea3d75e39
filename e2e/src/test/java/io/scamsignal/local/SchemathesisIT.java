package io.scamsignal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the report API with schemathesis (pinned in tools/requirements.txt) against
 * contracts/report-api.openapi.yaml, through the runner's HTTP API and the real intake handler on
 * the emulator: no 5xx, every status, content type and body as the contract says, every
 * schema-invalid request rejected.
 */
class SchemathesisIT {

    private static final Pattern GENERATED = Pattern.compile("(\\d+) generated, (\\d+) passed");

    @Test
    void theReportApiKeepsItsContractUnderFuzzing() throws Exception {
        Path project = TestEmulator.projectDir();
        Path output = project.resolve("e2e/target/schemathesis.txt");
        try (LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                TestEmulator.endpoint(), "fuzz-" + UUID.randomUUID().toString().substring(0, 8)))) {
            Process st = new ProcessBuilder(List.of(project.resolve(".venv/bin/st").toString(), "run",
                    project.resolve("contracts/report-api.openapi.yaml").toString(),
                    "--url", "http://127.0.0.1:" + pipeline.port(),
                    // the report API; the partner routes (TAXII, behind partner keys) are PartnerExchangeIT's
                    "--include-path", "/reports",
                    "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                            + "response_schema_conformance,negative_data_rejection",
                    "--max-examples", "100", "--seed", "20261128", "--no-color",
                    "--report", "junit", "--report-junit-path", project.resolve("e2e/target/schemathesis-junit.xml").toString()))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(st.waitFor(10, TimeUnit.MINUTES)).as("schemathesis finished").isTrue();
            String report = Files.readString(output);
            System.out.println(report.lines().filter(l -> l.contains("generated") || l.contains("Coverage")
                    || l.contains("Fuzzing") || l.contains("Examples") || l.contains("failed")).reduce("", (a, b) -> a + b + "\n"));

            assertThat(st.exitValue()).as(report).isZero();
            Matcher m = GENERATED.matcher(report);
            assertThat(m.find()).as(report).isTrue();
            int generated = Integer.parseInt(m.group(1));
            System.out.println("[figure] schemathesis: " + generated + " test cases for POST /reports, "
                    + m.group(2) + " passed");
            assertThat(generated).isGreaterThanOrEqualTo(100);
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(generated);
        }
    }
}
