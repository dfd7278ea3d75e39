package io.scamsignal.domain.stix;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRule;
import io.scamsignal.domain.alert.AlertTrigger;
import io.scamsignal.domain.alert.Severity;
import io.scamsignal.domain.feed.FeedEntry;
import io.scamsignal.domain.feed.NextTokens;
import io.scamsignal.domain.feed.TaxiiPage;
import io.scamsignal.domain.feed.TaxiiPager;
import io.scamsignal.domain.feed.TaxiiQuery;
import io.scamsignal.domain.feed.VersionIndex;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.support.VenvPython;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundle the exporter makes passes OASIS's STIX 2.1 validator in strict mode (warnings are
 * errors), with the vendored schemas: each indicator type, each TLP level, every version of one
 * indicator up to its revocation, the bundles inside alert messages, and the objects of TAXII pages.
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

        files.addAll(alertBundles());
        files.addAll(taxiiPages());
        files.addAll(ringBundles());

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

    /** The bundle inside alert messages, first alert and escalation with a stored state and a confidence. */
    private static List<String> alertBundles() throws Exception {
        List<String> files = new ArrayList<>();
        for (IndicatorType type : List.of(IndicatorType.PHONE, IndicatorType.DOMAIN, IndicatorType.REMOTE_ACCESS_ID)) {
            String value = StixSamples.VALUES.get(type.wireName());
            IndicatorAggregate aggregate = new IndicatorAggregate(new Indicator(type, value, value, Map.of()), 4, 3,
                    StixSamples.T0, StixSamples.T0.plusSeconds(7200), new TreeSet<>(Set.of("microsoft")),
                    new TreeSet<>(Set.of("US")), BigDecimal.TEN, Map.of(), Map.of(), 4, 4, 3, null, null);
            AlertTrigger trigger = new AlertTrigger(AlertRule.DISTINCT_REPORTERS, Severity.MEDIUM, "3", "w1");
            AlertMessage first = AlertMessage.create(trigger, aggregate, List.of(), StixSamples.T0.plusSeconds(7300));
            IndicatorState stored = IndicatorState.first(StixIds.newIndicatorId(), StixSamples.T0.plusSeconds(7300))
                    .changed(StixSamples.T0.plusSeconds(9000));
            AlertMessage escalated = AlertMessage.create(trigger, aggregate, List.of(), StixSamples.T0.plusSeconds(9000),
                    90, stored, StixExporter.defaults());
            files.add(write("alert-" + type.wireName() + "-first", first.stix()));
            files.add(write("alert-" + type.wireName() + "-escalated", escalated.stix()));
        }
        return files;
    }

    /** The rings collection's objects: a campaign's versions, its relationships, a merged ring's revoked campaign. */
    private static List<String> ringBundles() throws Exception {
        StixExporter exporter = StixExporter.defaults();
        String ring = RingIds.of("founding-report");
        StixCampaign campaign = new StixCampaign(ring, 4, 9, 5, StixSamples.T0, StixSamples.T0.plusSeconds(86_400),
                new TreeSet<>(Set.of("microsoft", "amazon")), new TreeSet<>(Set.of("US", "GB")));
        IndicatorState v1 = IndicatorState.first(StixCampaign.idOf(ring), StixSamples.T0.plusSeconds(90_000));
        IndicatorState v2 = v1.changed(v1.modified().plusSeconds(60));
        List<String> indicatorIds = List.of(StixSamples.state("phone").stixId(), StixSamples.state("domain").stixId());
        List<Map<String, Object>> objects = new ArrayList<>(exporter.ringObjects(v1, campaign, indicatorIds, v1.modified()));
        objects.add(exporter.campaign(v2, campaign));
        String absorbed = RingIds.of("later-report");
        objects.add(exporter.mergedCampaign(IndicatorState.first(StixCampaign.idOf(absorbed), v1.modified())
                .revoke(v2.modified()), absorbed, ring));
        return List.of(write("ring-campaign", StixExporter.bundleOf(objects)));
    }

    /** Objects stored as feed entries and served in TAXII pages, re-bundled page by page. */
    private static List<String> taxiiPages() throws Exception {
        StixExporter exporter = StixExporter.defaults();
        List<FeedEntry> entries = new ArrayList<>();
        FeedEntry.FeedPosition last = null;
        List<Map<String, Object>> objects = new ArrayList<>(exporter.referencedObjects(ObservableType.values()));
        for (String type : StixSamples.VALUES.keySet()) {
            IndicatorState v1 = StixSamples.state(type);
            objects.addAll(exporter.objects(v1, StixSamples.indicator(type)));
            objects.add(exporter.indicator(v1.revoke(v1.modified().plusSeconds(60)), StixSamples.indicator(type)));
        }
        for (Map<String, Object> o : objects) {
            last = FeedEntry.next(last, StixSamples.T0);
            entries.add(FeedEntry.of("indicators", last, Json.write(o)));
        }
        NextTokens tokens = new NextTokens(new byte[32]);
        TaxiiQuery q = TaxiiQuery.fromParameters("indicators", Map.of("limit", "7", "match[version]", "all"), 100, tokens);
        List<String> files = new ArrayList<>();
        int page = 0;
        while (true) {
            TaxiiPage p = TaxiiPager.page(q, entries.stream().filter(q::inRange).iterator(), VersionIndex.of(entries),
                    tokens, 1000);
            String envelope = p.envelopeJson();
            Map<String, Object> bundle = new java.util.LinkedHashMap<>();
            bundle.put("type", "bundle");
            bundle.put("id", "bundle--" + StixIds.v4From("page|" + page));
            bundle.put("objects", Json.mapper().readTree(envelope).get("objects"));
            files.add(write("taxii-page-" + page++, bundle));
            if (!p.more()) {
                break;
            }
            q = tokens.decode(p.next(), "indicators");
        }
        assertThat(page).isGreaterThan(3);
        return files;
    }

    private static VenvPython.Result validate(List<String> files) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(VenvPython.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString());
        args.addAll(files);
        return VenvPython.run("tools/stix_validate.py", args);
    }

    private static String write(String name, Object bundle) throws Exception {
        Path file = DIR.resolve(name + ".json");
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
        return file.toString();
    }
}
