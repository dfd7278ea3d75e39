package io.scamsignal.domain.stix;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.support.VenvPython;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundle the exporter makes passes OASIS's STIX 2.1 validator in strict mode (warnings are
 * errors), with the vendored schemas: each indicator type, each TLP level, every version of one
 * indicator up to its revocation.
 */
class StixValidationIT {

    private static final Path DIR = Path.of("target/stix-validation");

    @BeforeAll
    static void clean() throws Exception {
        Files.createDirectories(DIR);
        try (var files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void everyBundleTheExporterMakesIsValidStix() throws Exception {
        List<String> files = new ArrayList<>();
        StixExporter exporter = StixExporter.defaults();
        List<Map.Entry<IndicatorState, StixIndicator>> all = new ArrayList<>();
        for (String type : StixSamples.VALUES.keySet()) {
            all.add(Map.entry(StixSamples.state(type), StixSamples.indicator(type)));
            files.add(write("type-" + type, exporter.bundle(List.of(all.getLast()))));
        }
        files.add(write("all-types", exporter.bundle(all)));
        for (Tlp tlp : Tlp.values()) {
            files.add(write("tlp-" + tlp.level(), new StixExporter(tlp, ExpiryRules.DEFAULTS).bundle(all.subList(0, 1))));
        }
        StixIndicator phone = StixSamples.indicator("phone");
        IndicatorState v1 = StixSamples.state("phone");
        IndicatorState v2 = v1.changed(v1.modified());
        IndicatorState v3 = v2.revoke(v2.modified().plusSeconds(60));
        int n = 1;
        for (IndicatorState v : List.of(v1, v2, v3)) {
            files.add(write("phone-version-" + n++, exporter.bundle(List.of(Map.entry(v, phone)))));
        }
        files.add(write("fresh-id", exporter.bundle(List.of(Map.entry(
                IndicatorState.first(StixIds.newIndicatorId(), StixSamples.T0), phone)))));

        VenvPython.Result result = validate(files);

        assertThat(result.output()).doesNotContain("INVALID").contains("VALID");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(l -> l.startsWith("VALID ")).count()).isEqualTo(files.size());
    }

    /** The check can fail: seconds-only timestamps and an x- type are what the old alert bundle had. */
    @Test
    void theValidatorRejectsWhatTheOldBundleHad() throws Exception {
        Map<String, Object> bundle = StixExporter.defaults().bundle(List.of(
                Map.entry(StixSamples.state("phone"), StixSamples.indicator("phone"))));
        String json = Json.write(bundle).replace("\"created\":\"2026-11-20T09:15:30.123Z\"",
                "\"created\":\"2026-11-20T09:15:30Z\"");
        assertThat(json).contains("\"created\":\"2026-11-20T09:15:30Z\"");
        Path file = DIR.resolve("invalid-seconds.json");
        Files.writeString(file, json);

        VenvPython.Result result = validate(List.of(file.toString()));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("INVALID").contains("millisecond");
    }

    private static VenvPython.Result validate(List<String> files) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(VenvPython.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString());
        args.addAll(files);
        return VenvPython.run("tools/stix_validate.py", args);
    }

    private static String write(String name, Map<String, Object> bundle) throws Exception {
        Path file = DIR.resolve(name + ".json");
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
        return file.toString();
    }
}
