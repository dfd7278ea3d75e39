package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The written JSON of a stored report is the mapper's, field for field, and reads back equal. */
class StoredReportJsonTest {

    @Provide
    Arbitrary<StoredReport> reports() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40).injectNull(0.2);
        Arbitrary<List<String>> texts = Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(3);
        Arbitrary<Scammer> scammer = Combinators.combine(texts, texts, texts,
                Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().ofMaxLength(10).injectNull(0.3)).as(RemoteAccessTool::new).list().ofMaxSize(2),
                texts, texts).as(Scammer::new).injectNull(0.1);
        Arbitrary<Loss> loss = Combinators.combine(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000000")).ofScale(2).injectNull(0.3),
                Arbitraries.of("USD", "EUR", "AUD").injectNull(0.3),
                Arbitraries.of(PaymentMethod.class).list().ofMaxSize(3)).as(Loss::new).injectNull(0.2);
        Arbitrary<Instant> instant = Arbitraries.longs().between(946_684_800_000L, 4_102_444_800_000L)
                .map(Instant::ofEpochMilli);
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(8), instant,
                Arbitraries.of(ContactMethod.class), text, scammer, loss, text,
                Combinators.combine(text, text, text).as(java.util.Arrays::asList))
                .as((id, at, method, company, s, l, description, fingerprints) -> new StoredReport(
                        StoredReport.SCHEMA_VERSION, id, at, method, company, LocalDate.of(2026, 11, 20), "DE", s, l,
                        description, fingerprints.get(0), fingerprints.get(1), fingerprints.get(2)));
    }

    @Property(tries = 500)
    void theSameDocumentAsTheMapperWrites(@ForAll("reports") StoredReport report) throws Exception {
        String written = StoredReportJson.write(report);

        assertThat(Json.mapper().readTree(written)).isEqualTo(Json.mapper().readTree(Json.write(report)));
        assertThat(Json.mapper().readValue(written, StoredReport.class)).isEqualTo(report);
    }

    /** Every component of a report and of the records it holds, set, is written under its own name. */
    @org.junit.jupiter.api.Test
    void everyComponentIsWritten() throws Exception {
        StoredReport report = StoredReport.builder("r1").receivedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .contactMethod(ContactMethod.POPUP).impersonatedCompany("Microsoft").incidentDate(LocalDate.of(2026, 11, 27))
                .country("US").scammer(new Scammer(List.of("+18885550142"), List.of("a.example"), List.of("x@a.example"),
                        List.of(new RemoteAccessTool("AnyDesk", "123456789")), List.of("Bob"), List.of("btc:1BvBM")))
                .loss(new Loss(new BigDecimal("12.50"), "USD", List.of(PaymentMethod.values()[0]))).description("d")
                .reporterFingerprint("f").networkFingerprint("n").source("Contoso").build();
        com.fasterxml.jackson.databind.JsonNode written = Json.mapper().readTree(StoredReportJson.write(report));

        assertComponentsPresent(report, written);
        assertThat(StoredReportJson.read(StoredReportJson.write(report))).isEqualTo(report);
    }

    private static void assertComponentsPresent(Record record, com.fasterxml.jackson.databind.JsonNode node) throws Exception {
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            assertThat(node.has(c.getName())).as("%s.%s written", record.getClass().getSimpleName(), c.getName()).isTrue();
            Object value = c.getAccessor().invoke(record);
            if (value instanceof Record nested) {
                assertComponentsPresent(nested, node.get(c.getName()));
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record nested) {
                assertComponentsPresent(nested, node.get(c.getName()).get(0));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aDocumentStoredBeforeWalletsReadsBackWithNone() throws Exception {
        StoredReport report = Json.mapper().readValue("""
                {"schemaVersion":1,"reportId":"r1","receivedAt":"2026-11-28T10:00:00Z","contactMethod":"popup",
                 "impersonatedCompany":"Microsoft","incidentDate":"2026-11-27","country":"US",
                 "scammer":{"phoneNumbers":["+18885550142"],"websites":[],"emails":[],"remoteAccessTools":[],"names":[]}}""",
                StoredReport.class);

        assertThat(report.scammer().walletAddresses()).isEmpty();
        assertThat(StoredReportJson.write(report)).contains("\"walletAddresses\":[]");
    }
}
