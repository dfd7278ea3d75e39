package io.scamsignal.domain.referral;

import io.scamsignal.domain.stix.Producer;
import io.scamsignal.domain.stix.Tlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.ring.InMemoryRingStore;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.ring.RingView;
import io.scamsignal.domain.support.ContractSchema;
import io.scamsignal.domain.support.RingCorpus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferralPacketTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");
    private static RingCorpus.Corpus corpus;
    private static RingView view;
    private static ReferralPacket packet;
    private static Map<String, String> documents;
    private static List<ReporterContact> contacts;

    @BeforeAll
    static void buildAPacket() {
        corpus = RingCorpus.generate(11, List.of(200, 30), 50);
        // a quarter of the reports came through a partner organisation (the joint-referral case)
        List<StoredReport> sourced = new ArrayList<>();
        for (int i = 0; i < corpus.reports().size(); i++) {
            sourced.add(i % 4 == 0 ? corpus.reports().get(i).fromSource("Contoso") : corpus.reports().get(i));
        }
        corpus = new RingCorpus.Corpus(sourced, corpus.campaigns(), corpus.campaignOf(), corpus.networkOf(),
                corpus.lawEnforcementConsent(), corpus.bridges());
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(3);
        for (StoredReport r : corpus.reports()) {
            RingReport ringReport = io.scamsignal.domain.ring.RingCorpusTestAccess.toRingReport(r,
                    corpus.networkOf().get(r.reportId()));
            store.ingest(planner, ringReport);
        }
        String anyReport = corpus.campaigns().get(0).reportIds().get(0);
        RingItems.Head head = store.liveRings().stream()
                .filter(h -> store.report(h.home(), anyReport).isPresent()).findFirst().orElseThrow();
        view = RingView.of(store, head);
        documents = new HashMap<>();
        corpus.reports().forEach(r -> documents.put(r.reportId(), StoredReportJson.write(r)));
        contacts = new ArrayList<>();
        for (StoredReport r : corpus.reports()) {
            contacts.add(new ReporterContact(r.reportId(), "Victim " + r.reportId(), "victim-" + r.reportId() + "@example.org",
                    corpus.lawEnforcementConsent().get(r.reportId())));
        }
        packet = ReferralPacket.build(view, documents, contacts, NOW);
    }

    @Test
    void thePacketMeetsItsSchema() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.write(packet));

        assertThat(ContractSchema.REFERRAL_PACKET.violations(json)).isEmpty();
        assertThat(json.at("/ring/reports").asLong()).isEqualTo(200);
        assertThat(json.get("indicators")).hasSize((int) view.head().members());
        assertThat(json.at("/evidence/manifest")).hasSize(200);
        assertThat(json.at("/ring/sources/Contoso").asLong()).isPositive();
        assertThat(json.at("/ring/sources/Contoso").asLong() + json.at("/ring/sources/public").asLong()).isEqualTo(200);
        assertThat(ReferralHtml.render(packet)).contains("Reported through", "Contoso (", "public form (");
        ObjectNode withSsn = json.deepCopy();
        withSsn.put("ssn", "123");
        assertThat(ContractSchema.REFERRAL_PACKET.violations(withSsn)).isNotEmpty();
    }

    @Test
    void onlyReportersWhoAgreedAreNamedAndThePacketSaysHowMany() throws Exception {
        Set<String> ringReports = view.reports().stream().map(RingItems.Report::reportId).collect(Collectors.toSet());
        Map<String, String> reporterOf = new HashMap<>();
        view.reports().forEach(r -> reporterOf.put(r.reportId(), r.reporterFingerprint()));
        Set<String> agreed = new HashSet<>();
        ringReports.stream().filter(id -> corpus.lawEnforcementConsent().get(id)).forEach(id -> agreed.add(reporterOf.get(id)));
        assertThat(agreed).isNotEmpty();
        assertThat(packet.contacts().agreed()).isEqualTo(agreed.size());

        String json = Json.write(packet);
        String html = ReferralHtml.render(packet);
        String stix = Json.write(ReferralStix.bundle(packet));
        for (ReporterContact c : contacts) {
            boolean mayAppear = c.lawEnforcementContactConsent() && ringReports.contains(c.reportId());
            if (!mayAppear) {
                assertThat(json).doesNotContain(c.email());
                assertThat(html).doesNotContain(c.email());
            }
            assertThat(stix).doesNotContain(c.email());
        }
        assertThat(html).contains(packet.contacts().agreed() + " of " + packet.contacts().reporters());
        // reporter fingerprints are not for law enforcement either
        assertThat(json).doesNotContain("fp-c0-v");
    }

    @Test
    void theEvidenceManifestHashesTheCanonicalDocument() throws Exception {
        String id = packet.evidence().manifest().get(0).reportId();
        String sha = packet.evidence().manifest().get(0).sha256();
        JsonNode document = Json.mapper().readTree(documents.get(id));
        // the same document pretty-printed with its keys in another order hashes the same
        Map<String, Object> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        document.properties().forEach(e -> reordered.put(e.getKey(), e.getValue()));
        String other = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
        assertThat(other).isNotEqualTo(documents.get(id));
        assertThat(CanonicalJson.sha256(CanonicalJson.canonical(other))).isEqualTo(sha);
        // any change to it does not
        ((ObjectNode) document).put("country", "ZZ");
        assertThat(CanonicalJson.sha256(CanonicalJson.canonical(document))).isNotEqualTo(sha);
        assertThat(packet.evidence().manifestSha256()).isEqualTo(ReferralPacket.manifestSha256(packet.evidence().manifest()));
    }

    @Test
    void theCanonicalFormSortsKeysDropsWhitespaceAndWritesPlainNumbers() {
        assertThat(CanonicalJson.canonical("{ \"b\" : 1.50, \"a\" : [ 2E3, \"x\\n\\u00e9\" , null, true ], \"A\": -0.0 }"))
                .isEqualTo("{\"A\":0,\"a\":[2000,\"x\\né\",null,true],\"b\":1.5}");
        assertThat(CanonicalJson.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void anIndicatorThatAlertedIsTheFeedsOwnObjectInTheBundle() throws Exception {
        RingItems.Member alerted = view.members().get(0);
        String feedId = "indicator--1b4c7e0a-9f3d-4c2e-8a5b-6d7e8f9a0b1c";
        String feedObject = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + feedId + "\","
                + "\"created\":\"2026-11-01T00:00:00.000Z\",\"modified\":\"2026-11-20T00:00:00.000Z\","
                + "\"created_by_ref\":\"" + Producer.IDENTITY_ID + "\",\"confidence\":61,"
                + "\"pattern\":\"[domain-name:value = 'x.example']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2026-11-01T00:00:00.000Z\",\"object_marking_refs\":[\"" + Tlp.GREEN.markingId() + "\"]}";
        ReferralPacket withFeed = ReferralPacket.build(view, documents, contacts, Map.of(alerted.key(), feedObject), NOW);

        assertThat(withFeed.indicators()).filteredOn(i -> (i.type() + "#" + i.value()).equals(alerted.key()))
                .singleElement().satisfies(i -> assertThat(i.stixId()).isEqualTo(feedId));
        JsonNode bundle = Json.mapper().readTree(Json.write(ReferralStix.bundle(withFeed)));
        JsonNode objects = bundle.get("objects");
        assertThat(objects.findValues("id").stream().filter(id -> id.asText().equals(feedId))).hasSize(1);
        for (JsonNode o : objects) {
            if (o.get("id").asText().equals(feedId)) {
                assertThat(o).isEqualTo(Json.mapper().readTree(feedObject));
            }
        }
        assertThat(objects.findValuesAsText("id")).contains(Tlp.GREEN.markingId(), Tlp.AMBER.markingId());
        assertThat(objects.findValuesAsText("source_ref")).contains(feedId);
        assertThat(objects.findValuesAsText("sighting_of_ref")).contains(feedId);
        assertThat(Json.write(withFeed)).doesNotContain("feedObject").contains(feedId);
        assertThat(ContractSchema.REFERRAL_PACKET.violations(Json.mapper().readTree(Json.write(withFeed)))).isEmpty();
    }

    @Test
    void theStixBundleIsACampaignWithIndicatorsRelationshipsAndSightings() throws Exception {
        JsonNode bundle = Json.mapper().readTree(Json.write(ReferralStix.bundle(packet)));
        Map<String, Integer> types = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            types.merge(o.get("type").asText(), 1, Integer::sum);
            assertThat(ids.add(o.get("id").asText())).as("unique id").isTrue();
            assertThat(o.get("id").asText()).matches("^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
            assertThat(o.get("created").asText()).matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
            if (o.has("modified")) {
                assertThat(o.get("modified").asText()).isGreaterThanOrEqualTo(o.get("created").asText());
            }
        }
        int members = (int) view.head().members();
        assertThat(types).containsEntry("identity", 1).containsEntry("marking-definition", 1).containsEntry("campaign", 1)
                .containsKey("extension-definition")
                .containsEntry("indicator", members).containsEntry("relationship", members).containsEntry("sighting", members);
        for (JsonNode o : bundle.get("objects")) {
            for (String ref : List.of("created_by_ref", "source_ref", "target_ref", "sighting_of_ref")) {
                if (o.has(ref)) {
                    assertThat(ids).contains(o.get(ref).asText());
                }
            }
            o.path("object_marking_refs").forEach(m -> assertThat(m.asText()).isEqualTo(Tlp.AMBER.markingId()));
            if (o.get("type").asText().equals("indicator")) {
                assertThat(o.get("pattern").asText()).matches("^\\[[a-z0-9-]+:value = '.+'\\]$")
                        .doesNotContain("x-");
            }
        }
        // dated by the reports, not by the packet: the same ring with the same reports gives the same objects
        assertThat(Json.write(ReferralStix.bundle(ReferralPacket.build(view, documents, contacts, NOW.plusSeconds(3600)))))
                .isEqualTo(Json.write(ReferralStix.bundle(packet)));
    }

    @Test
    void theHtmlPageIsSelfContainedWithChartsAndTheLinksMarkedWeakOrNot() {
        String html = ReferralHtml.render(packet);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">").doesNotContain("<script")
                .doesNotContain(" src=").doesNotContain(" href=").doesNotContain("@import").doesNotContain("url(");
        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).contains("Victims by country", "Reports per month", "Reports by loss (USD)", "Payment rails",
                "How the ring was linked", "Evidence manifest", packet.evidence().manifestSha256());
        for (ReferralPacket.IndicatorEntry i : packet.indicators()) {
            assertThat(html).contains(ReferralHtml.esc(i.display()));
        }
        assertThat(packet.links()).anyMatch(ReferralPacket.LinkEntry::weak).anyMatch(l -> !l.weak());
        assertThat(html).contains("weak (one report: ").contains("corroborated");
        assertThat(ReferralHtml.esc("<b onload='x'>&")).isEqualTo("&lt;b onload=&#39;x&#39;&gt;&amp;");
    }

    @Test
    void theSameRingAndReportsGiveTheSamePacketId() {
        assertThat(ReferralPacket.build(view, documents, contacts, NOW.plusSeconds(60)).packetId()).isEqualTo(packet.packetId());
    }
}
