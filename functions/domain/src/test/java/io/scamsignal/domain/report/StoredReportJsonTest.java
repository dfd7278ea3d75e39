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

/** The hand-written JSON of a stored report is the mapper's, field for field, and reads back equal. */
class StoredReportJsonTest {

    @Provide
    Arbitrary<StoredReport> reports() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40).injectNull(0.2);
        Arbitrary<List<String>> texts = Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(3);
        Arbitrary<Scammer> scammer = Combinators.combine(texts, texts, texts,
                Combinators.combine(Arbitraries.strings().ofMinLength(1).ofMaxLength(10),
                        Arbitraries.strings().ofMaxLength(10).injectNull(0.3)).as(RemoteAccessTool::new).list().ofMaxSize(2),
                texts).as(Scammer::new).injectNull(0.1);
        Arbitrary<Loss> loss = Combinators.combine(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000000")).ofScale(2).injectNull(0.3),
                Arbitraries.of("USD", "EUR", "AUD").injectNull(0.3),
                Arbitraries.of(PaymentMethod.class).list().ofMaxSize(3)).as(Loss::new).injectNull(0.2);
        Arbitrary<Instant> instant = Arbitraries.longs().between(946_684_800_000L, 4_102_444_800_000L)
                .map(Instant::ofEpochMilli);
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(8), instant,
                Arbitraries.of(ContactMethod.class), text, scammer, loss, text,
                Combinators.combine(text, text).as(java.util.Arrays::asList))
                .as((id, at, method, company, s, l, description, fingerprints) -> new StoredReport(
                        StoredReport.SCHEMA_VERSION, id, at, method, company, LocalDate.of(2026, 11, 20), "DE", s, l,
                        description, fingerprints.get(0), fingerprints.get(1)));
    }

    @Property(tries = 500)
    void theSameDocumentAsTheMapperWrites(@ForAll("reports") StoredReport report) throws Exception {
        String written = StoredReportJson.write(report);

        assertThat(Json.mapper().readTree(written)).isEqualTo(Json.mapper().readTree(Json.write(report)));
        assertThat(Json.mapper().readValue(written, StoredReport.class)).isEqualTo(report);
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
