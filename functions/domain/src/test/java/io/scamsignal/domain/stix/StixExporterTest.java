package io.scamsignal.domain.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.RingIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StixExporterTest {

    private final StixExporter exporter = StixExporter.defaults();

    @Test
    void oneIndicatorKeepsItsIdAcrossVersionsAndEachVersionIsLater() {
        StixIndicator phone = StixSamples.indicator("phone");
        IndicatorState v1 = StixSamples.state("phone");
        // two changes within one millisecond still make two versions
        IndicatorState v2 = v1.changed(v1.modified());
        IndicatorState v3 = v2.changed(v1.modified().minusSeconds(5));
        IndicatorState v4 = v3.revoke(Instant.parse("2026-12-01T00:00:00Z"));

        List<Map<String, Object>> versions = List.of(exporter.indicator(v1, phone), exporter.indicator(v2, phone),
                exporter.indicator(v3, phone), exporter.indicator(v4, phone));

        assertThat(versions).extracting(m -> m.get("id")).containsOnly(v1.stixId());
        assertThat(versions).extracting(m -> m.get("created")).containsOnly("2026-11-20T09:15:30.123Z");
        assertThat(versions).extracting(m -> (String) m.get("modified")).containsExactly(
                "2026-11-20T09:15:30.123Z", "2026-11-20T09:15:30.124Z", "2026-11-20T09:15:30.125Z",
                "2026-12-01T00:00:00.000Z");
        assertThat(versions.get(2)).doesNotContainKey("revoked");
        assertThat(versions.get(3)).containsEntry("revoked", true);
        assertThat(v4.revoke(Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo(v4);
        assertThatThrownBy(() -> v4.changed(Instant.parse("2026-12-02T00:00:00Z"))).isInstanceOf(IllegalStateException.class);
        assertThat(v4.reopened(StixIds.newIndicatorId(), Instant.now()).stixId()).isNotEqualTo(v4.stixId());
    }

    @Test
    void idsAreUuidV4ForObjectsAndV5ForStandardObservables() {
        String fresh = StixIds.newIndicatorId();
        assertThat(UUID.fromString(fresh.substring("indicator--".length())).version()).isEqualTo(4);
        assertThat(UUID.fromString(StixIds.indicatorIdFor("phone#+1888").substring(11)).version()).isEqualTo(4);
        assertThat(StixIds.indicatorIdFor("phone#+1888")).isEqualTo(StixIds.indicatorIdFor("phone#+1888"))
                .isNotEqualTo(StixIds.indicatorIdFor("phone#+1889"));
        // the id python's uuid.uuid5(STIX namespace, '{"value":"micros0ft-support.example"}') gives, as stix2 does
        assertThat(ObservableType.of("domain").observable("micros0ft-support.example").get("id"))
                .isEqualTo("domain-name--fa116682-3802-5416-b5c0-c2a5149514cf");
        String phoneId = (String) ObservableType.of("phone").observable("+18885550142").get("id");
        assertThat(UUID.fromString(phoneId.substring("phone-number--".length())).version()).isEqualTo(4);
    }

    @Test
    void theIndicatorCarriesConfidenceExpiryMarkingAndProducer() {
        StixIndicator phone = StixSamples.indicator("phone");
        StixIndicator url = StixSamples.indicator("url");
        Map<String, Object> p = exporter.indicator(StixSamples.state("phone"), phone);
        Map<String, Object> u = exporter.indicator(StixSamples.state("url"), url);

        assertThat(p).containsEntry("confidence", 70)
                .containsEntry("valid_from", "2026-11-20T08:15:30.123Z")
                .containsEntry("valid_until", "2027-05-20T08:15:30.123Z") // last seen + 180 days
                .containsEntry("pattern", "[phone-number:value = '+18885550142']")
                .containsEntry("created_by_ref", Producer.IDENTITY_ID)
                .containsEntry("object_marking_refs", List.of(Tlp.GREEN.markingId()))
                .containsEntry("labels", List.of("impersonates:microsoft", "rule:distinct_reporters"));
        assertThat(u).containsEntry("valid_until", "2026-12-21T08:15:30.123Z"); // last seen + 30 days
        assertThat((String) u.get("pattern")).isEqualTo("[url:value = 'https://micros0ft-support.example/help?case=\\'1\\'&x=y']");
        assertThat(ObservableType.of("wallet").pattern("a\\b")).isEqualTo("[cryptocurrency-wallet:value = 'a\\\\b']");
    }

    @Test
    void theSightingCountsReportsAndPointsAtIndicatorProducerAndPartnerSources() {
        IndicatorState state = StixSamples.state("domain");
        Map<String, Object> s = exporter.sighting(state, StixSamples.indicator("domain"));

        assertThat(s).containsEntry("sighting_of_ref", state.stixId()).containsEntry("count", 5L)
                .containsEntry("first_seen", "2026-11-20T08:15:30.123Z")
                .containsEntry("last_seen", "2026-11-21T08:15:30.123Z")
                .containsEntry("where_sighted_refs", List.of(SourceIdentities.idOf("Contoso Ltd"), Producer.IDENTITY_ID)
                        .stream().sorted().toList())
                .containsEntry("id", StixExporter.sightingId(state.stixId()));
        // a report after the indicator's version makes a later sighting version ...
        assertThat(s.get("modified")).isEqualTo("2026-11-21T08:15:30.123Z");
        // ... and otherwise the sighting is at the indicator's version
        IndicatorState later = state.changed(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(exporter.sighting(later, StixSamples.indicator("domain")).get("modified"))
                .isEqualTo("2026-11-25T00:00:00.000Z");
    }

    @Test
    void noObjectUsesADeprecatedCustomTypeAndNewTypesNameTheirExtension() {
        List<Map.Entry<IndicatorState, StixIndicator>> all = StixSamples.VALUES.keySet().stream()
                .map(t -> Map.entry(StixSamples.state(t), StixSamples.indicator(t))).toList();
        String json = Json.write(exporter.bundle(all));

        assertThat(json).doesNotContain("\"x-").doesNotContain("x_");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) exporter.bundle(all).get("objects");
        assertThat(objects).filteredOn(o -> o.get("type").equals("extension-definition")).hasSize(3);
        for (ObservableType t : List.of(ObservableType.of("phone"), ObservableType.of("remote_access_id"), ObservableType.of("wallet"))) {
            Map<String, Object> sco = objects.stream().filter(o -> o.get("type").equals(t.stixType())).findFirst().orElseThrow();
            assertThat(sco.get("extensions")).isEqualTo(Map.of(t.extensionId().orElseThrow(), Map.of("extension_type", "new-sco")));
        }
        assertThat(objects).filteredOn(o -> o.get("type").equals("marking-definition")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("id", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb")
                        .containsEntry("name", "TLP:GREEN"));
        assertThat(exporter.bundle(all).get("id")).isEqualTo(exporter.bundle(all).get("id"));
    }

    @Test
    void expiryAndTlpAreTemplateParameters() {
        ExpiryRules rules = ExpiryRules.parse("phone=365d, url=12h,wallet=P10D");
        assertThat(rules.of("phone")).isEqualTo(Duration.ofDays(365));
        assertThat(rules.of("url")).isEqualTo(Duration.ofHours(12));
        assertThat(rules.of("wallet")).isEqualTo(Duration.ofDays(10));
        assertThat(rules.of("domain")).isEqualTo(Duration.ofDays(90));
        assertThat(ExpiryRules.DEFAULTS.of("phone")).isGreaterThan(ExpiryRules.DEFAULTS.of("url"));
        assertThatThrownBy(() -> ExpiryRules.parse("phone")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpiryRules.parse("phone=0d")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tlp.parse("AMBER_STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("TLP:RED")).isEqualTo(Tlp.RED);
        assertThatThrownBy(() -> Tlp.parse("white")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confidenceOutsideZeroToHundredIsABug() {
        assertThatThrownBy(() -> new StixIndicator("phone", "+18885550142", null, new TreeSet<>(), List.of(),
                101, StixSamples.T0, StixSamples.T0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPartnerSourceIsADeterministicIdentityInTheBundleAndThePublicApiIsScamSignal() {
        Map<String, Object> bundle = exporter.bundle(List.of(Map.entry(StixSamples.state("phone"), StixSamples.indicator("phone"))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) bundle.get("objects");
        List<Map<String, Object>> identities = objects.stream().filter(o -> "identity".equals(o.get("type"))).toList();

        assertThat(identities).extracting(o -> o.get("name")).containsExactlyInAnyOrder(Producer.NAME, "Contoso Ltd");
        assertThat(SourceIdentities.idOf("Contoso Ltd")).isEqualTo(SourceIdentities.idOf("Contoso Ltd"))
                .isNotEqualTo(SourceIdentities.idOf("Fabrikam")).matches("identity--[0-9a-f-]{14}4[0-9a-f-]{21}");
        assertThat(SourceIdentities.idOf("public")).isEqualTo(Producer.IDENTITY_ID);
        // without sources (reports counted before they were kept) ScamSignal sighted it
        StixIndicator old = new StixIndicator("phone", "+18885550142", null, new TreeSet<>(), List.of("x"), 50,
                StixSamples.T0, StixSamples.T0, 3, 3);
        assertThat(exporter.sighting(StixSamples.state("phone"), old).get("where_sighted_refs"))
                .isEqualTo(List.of(Producer.IDENTITY_ID));
    }

    @Test
    void aRingIsACampaignWithAStableV4IdVersionsIndicatesRelationshipsAndARevokedVersionWhenMerged() {
        String ring = RingIds.of("founding-report");
        StixCampaign campaign = new StixCampaign(ring, 3, 7, 4, StixSamples.T0, StixSamples.T0.plusSeconds(3600),
                new TreeSet<>(List.of("microsoft")), new TreeSet<>(List.of("US")));
        IndicatorState v1 = IndicatorState.first(StixCampaign.idOf(ring), StixSamples.T0.plusSeconds(7200));
        String indicator = StixSamples.state("phone").stixId();

        List<Map<String, Object>> objects = exporter.ringObjects(v1, campaign, List.of(indicator, indicator), v1.modified());

        assertThat(StixCampaign.idOf(ring)).isEqualTo(StixCampaign.idOf(ring)).isNotEqualTo(StixCampaign.idOf("other"))
                .matches("campaign--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        Map<String, Object> c = objects.stream().filter(o -> "campaign".equals(o.get("type"))).findFirst().orElseThrow();
        assertThat(c).containsEntry("id", StixCampaign.idOf(ring)).containsEntry("name", "ScamSignal ring " + ring)
                .containsEntry("first_seen", "2026-11-20T08:15:30.123Z").containsEntry("last_seen", "2026-11-20T09:15:30.123Z")
                .containsEntry("created_by_ref", Producer.IDENTITY_ID)
                .containsEntry("object_marking_refs", List.of(Tlp.GREEN.markingId()));
        assertThat(objects.stream().filter(o -> "relationship".equals(o.get("type"))).toList()).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("relationship_type", "indicates")
                        .containsEntry("source_ref", indicator).containsEntry("target_ref", StixCampaign.idOf(ring))
                        .containsEntry("id", StixCampaign.relationshipId(indicator, StixCampaign.idOf(ring))));
        assertThat(objects).extracting(o -> o.get("type")).contains("identity", "marking-definition");

        IndicatorState revoked = v1.changed(v1.modified().plusSeconds(5)).revoke(v1.modified().plusSeconds(10));
        Map<String, Object> merged = exporter.mergedCampaign(revoked, ring, "survivor");
        assertThat(merged).containsEntry("revoked", true).containsEntry("id", StixCampaign.idOf(ring))
                .containsEntry("modified", "2026-11-20T10:15:40.123Z");
        assertThat((String) merged.get("description")).contains(StixCampaign.idOf("survivor"));
        assertThat(StixCampaign.reopenedIdOf(ring, revoked.modified())).isNotEqualTo(StixCampaign.idOf(ring))
                .isEqualTo(StixCampaign.reopenedIdOf(ring, revoked.modified()));
    }
}
