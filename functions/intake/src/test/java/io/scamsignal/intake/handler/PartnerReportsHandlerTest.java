package io.scamsignal.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.intake.service.PartnerBulkService;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import io.scamsignal.intake.service.ReporterKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerReportsHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T15:04:05.123Z"), ZoneOffset.UTC);
    private static final ReporterKeys KEYS = ReporterKeys.derive("a-test-secret-of-some-length");
    private static final String LINE = "{\"contactMethod\":\"phone_call\",\"impersonatedCompany\":\"Amazon\","
            + "\"incidentDate\":\"2026-11-20\",\"country\":\"GB\",\"scammer\":{\"phoneNumbers\":[\"+44 20 7946 0999\"]},"
            + "\"victimIp\":\"203.0.113.%d\"}";

    private final List<StoredReport> saved = new ArrayList<>();
    private final AtomicInteger quotaTaken = new AtomicInteger();
    private final PartnerReportsHandler handler = new PartnerReportsHandler(new PartnerBulkService(
            new ReportValidator(CLOCK, new PhoneNormalizer()), () -> KEYS, new ReportRepository() {
                @Override
                public boolean idempotencyKeyKnown(String key, Instant now) {
                    return false;
                }

                @Override
                public SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt, IdempotencyClaim claim) {
                    saved.add(report);
                    return new SaveResult.Saved();
                }
            }, CLOCK, () -> UUID.randomUUID().toString(), Duration.ofDays(400)),
            (keyId, reports) -> quotaTaken.addAndGet(reports) >= 0);

    private HttpApiResponse post(String scopes, String language, String body) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.putObject("headers").put("Content-Type", "application/x-ndjson").put("Accept-Language", language);
        event.put("body", body);
        ObjectNode lambda = event.putObject("requestContext").putObject("authorizer").putObject("lambda");
        lambda.put("partner", "Contoso").put("keyId", "pk_test");
        if (scopes != null) {
            lambda.put("scopes", scopes);
        }
        return handler.handle(event, "req-1");
    }

    private static JsonNode json(HttpApiResponse response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"read:6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11", "read:*", "victim-network", "", "submitter", "read:submit"})
    void aKeyWithoutSubmitGets403InsufficientScopeAndNothingIsStoredOrCounted(String scopes) throws Exception {
        HttpApiResponse response = post(scopes, "en", LINE.formatted(7) + "\n" + LINE.formatted(8));

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = json(response).at("/errors/0");
        assertThat(error.get("code").asText()).isEqualTo("insufficient_scope");
        assertThat(error.get("message").asText()).contains("submit");
        assertThat(saved).isEmpty();
        assertThat(quotaTaken.get()).as("no quota taken by a refused key").isZero();
    }

    @Test
    void theRefusalIsInGermanForAGermanClientAndAContextWithoutScopesIsRefusedToo() throws Exception {
        assertThat(json(post("read:*", "de-DE", LINE.formatted(7))).at("/errors/0/message").asText())
                .contains("Dieser Schlüssel darf keine Meldungen einreichen");
        assertThat(post(null, "en", LINE.formatted(7)).statusCode()).isEqualTo(403);
        assertThat(saved).isEmpty();
    }

    @Test
    void submitWritesAndVictimNetworkDecidesWhichNetworkALineCountsOn() throws Exception {
        String threeNetworks = LINE.formatted(7) + "\n" + LINE.formatted(99).replace("203.0.113", "198.51.100") + "\n"
                + LINE.formatted(5).replace("203.0.113", "192.0.2");
        assertThat(json(post("read:*,submit", "en", threeNetworks)).get("accepted").asInt()).isEqualTo(3);
        assertThat(saved).extracting(StoredReport::networkFingerprint)
                .containsOnly(KEYS.networks().ofOrganisation("Contoso"));
        saved.clear();
        assertThat(post("submit,victim-network", "en", LINE.formatted(7) + "\n" + LINE.formatted(99).replace("203.0.113", "198.51.100"))
                .statusCode()).isEqualTo(200);
        assertThat(saved).extracting(StoredReport::networkFingerprint).containsExactly(
                KEYS.networks().of("203.0.113.7").orElseThrow(), KEYS.networks().of("198.51.100.99").orElseThrow());
    }
}
