package io.scamsignal.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.intake.service.RateLimiter;
import io.scamsignal.intake.service.ReportRepository;
import io.scamsignal.intake.service.ReporterKeys;
import io.scamsignal.intake.service.ReporterContact;
import io.scamsignal.intake.service.SubmitReportService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class SubmitReportHandlerTest {


    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T15:04:05.123Z"), ZoneOffset.UTC);

    /**
     * Records what the handler asks the store to save and answers what the test scripts (Saved
     * unless told otherwise). It deduplicates nothing: "the same key and body are stored once" is
     * DynamoDB's conditional writes (DynamoDbReportRepository), checked against moto by e2e's
     * PipelineScenarios.anIdempotentRetryIsCountedOnceAndAKeyReusedForAnotherReportIs409.
     */
    static final class InMemoryReports implements ReportRepository {
        final List<StoredReport> reports = new ArrayList<>();
        final List<ReporterContact> contacts = new ArrayList<>();
        final List<IdempotencyClaim> claims = new ArrayList<>();
        final Deque<SaveResult> answers = new ArrayDeque<>();
        /** The Idempotency-Keys the test says the store knows (it learns none by itself). */
        final Set<String> knownKeys = new HashSet<>();

        @Override
        public SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt, IdempotencyClaim claim) {
            reports.add(report);
            contacts.add(contact);
            claims.add(claim);
            return answers.isEmpty() ? new SaveResult.Saved() : answers.poll();
        }

        @Override
        public boolean idempotencyKeyKnown(String key, Instant now) {
            return knownKeys.contains(key);
        }
    }

    /** Counts per network like the DynamoDB counter, in memory. */
    static RateLimiter limitOf(int limit) {
        Map<String, Integer> counts = new HashMap<>();
        return (network, now) -> counts.merge(network, 1, Integer::sum) <= limit ? new RateLimiter.Decision.Allowed()
                : new RateLimiter.Decision.Limited(Duration.ofSeconds(1800));
    }

    @Test
    void aNetworkOverItsHourlyLimitGets429WithRetryAfterInItsLanguageAndNothingIsStored() throws Exception {
        InMemoryReports reports = new InMemoryReports();
        StreamInvoker limited = new StreamInvoker(new SubmitReportHandler(new SubmitReportService(
                new ReportValidator(CLOCK, new PhoneNormalizer()),
                () -> ReporterKeys.derive("a-test-secret-of-some-length"), reports, limitOf(2), CLOCK,
                () -> "7d0c5e1e-0000-4000-8000-00000000000" + ids.getAndIncrement(), Duration.ofDays(400))));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(limited.handleRequest(withSource(json(REPORT, Map.of("Idempotency-Key", "k" + i)),
                    "198.51.100." + (10 + i)), null).getStatusCode());
        }
        APIGatewayV2HTTPResponse german = limited.handleRequest(withSource(json(REPORT, Map.of("Accept-Language", "de")),
                "198.51.100.99"), null);
        APIGatewayV2HTTPResponse invalid = limited.handleRequest(withSource(json("{}", Map.of()), "198.51.100.1"), null);
        // what DynamoDB knows once k0's report is stored: the retry is a replay, it takes no quota
        reports.knownKeys.add("k0");
        reports.answers.add(new ReportRepository.SaveResult.Replayed(reports.reports.get(0).reportId(),
                reports.reports.get(0).receivedAt()));
        APIGatewayV2HTTPResponse retry = limited.handleRequest(withSource(json(REPORT, Map.of("Idempotency-Key", "k0")),
                "198.51.100.10"), null);
        APIGatewayV2HTTPResponse otherNetwork = limited.handleRequest(withSource(json(REPORT, Map.of()),
                "198.51.101.1"), null);

        assertThat(statuses).containsExactly(202, 202, 429);
        assertThat(german.getStatusCode()).isEqualTo(429);
        assertThat(german.getHeaders()).containsEntry("retry-after", "1800");
        JsonNode error = Json.mapper().readTree(german.getBody()).at("/errors/0");
        assertThat(error.get("code").asText()).isEqualTo("rate_limited");
        assertThat(error.get("message").asText()).contains("Netz");
        // a refused report takes no quota; a retry of an accepted one is answered as before
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(retry.getStatusCode()).isEqualTo(202);
        assertThat(otherNetwork.getStatusCode()).isEqualTo(202);
        // saved: k0, k1, the replay of k0 (the store answered Replayed), the other network's
        assertThat(reports.reports).hasSize(4);
        assertThat(reports.claims.get(2).key()).isEqualTo("k0");
        assertThat(reports.claims.get(2).requestHash()).isEqualTo(reports.claims.get(0).requestHash());
        assertThat(reports.reports.get(0).networkFingerprint())
                .isEqualTo(reports.reports.get(1).networkFingerprint()).isNotEqualTo(reports.reports.get(3).networkFingerprint())
                .hasSize(16);
    }

    @Test
    void cloudAddressesInTenRegionsCountOnOneNetworkButEachTakesItsOwnPrefixsQuota() throws Exception {
        InMemoryReports reports = new InMemoryReports();
        StreamInvoker limited = new StreamInvoker(new SubmitReportHandler(new SubmitReportService(
                new ReportValidator(CLOCK, new PhoneNormalizer()),
                () -> ReporterKeys.derive("a-test-secret-of-some-length"), reports, limitOf(1), CLOCK,
                () -> "7d0c5e1e-0000-4000-8000-0000000001" + ids.getAndIncrement(), Duration.ofDays(400))));
        // ten ranges of the vendored amazon-aws list; a limit of one report per network and hour
        List<String> awsRegions = List.of("3.5.140.1", "13.112.0.5", "15.177.0.1", "18.34.0.1", "35.71.64.1",
                "52.94.0.1", "54.239.0.1", "99.77.0.1", "100.20.0.5", "108.128.0.5");
        for (String ip : awsRegions) {
            assertThat(limited.handleRequest(withSource(json(REPORT, Map.of()), ip), null).getStatusCode()).as(ip).isEqualTo(202);
        }
        assertThat(reports.reports).extracting(r -> r.networkFingerprint()).hasSize(10).containsOnly(
                reports.reports.get(0).networkFingerprint());
        // the rate limit is still the address's own /24: a second report from one of them is refused
        assertThat(limited.handleRequest(withSource(json(REPORT, Map.of()), "3.5.140.200"), null).getStatusCode()).isEqualTo(429);
    }

    private static APIGatewayV2HTTPEvent withSource(APIGatewayV2HTTPEvent event, String ip) {
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp(ip).withMethod("POST").build())
                .build());
        return event;
    }

    private final InMemoryReports repository = new InMemoryReports();
    private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger(1);
    /**
     * The handler as Lambda drives a stream handler: the event serialised to JSON by the runtime's own
     * library, the response's JSON read back into the runtime's response class.
     */
    record StreamInvoker(SubmitReportHandler lambda) {
        APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Object context) {
            try {
                var in = new java.io.ByteArrayOutputStream();
                com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
                        .serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader()).toJson(event, in);
                var out = new java.io.ByteArrayOutputStream();
                lambda.handleRequest(new java.io.ByteArrayInputStream(in.toByteArray()), out, null);
                return com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
                        .serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader())
                        .fromJson(new java.io.ByteArrayInputStream(out.toByteArray()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private final StreamInvoker handler = new StreamInvoker(new SubmitReportHandler(new SubmitReportService(
            new ReportValidator(CLOCK, new PhoneNormalizer()),
            new ReporterFingerprint("a-test-secret-of-some-length"), repository, CLOCK,
            () -> "7d0c5e1e-0000-4000-8000-00000000000" + ids.getAndIncrement(), Duration.ofDays(400))));

    private static APIGatewayV2HTTPEvent json(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder().withHeaders(headers).withBody(body).build();
    }

    private static final String REPORT = "{\"contactMethod\":\"popup\",\"impersonatedCompany\":\"Microsoft\","
            + "\"incidentDate\":\"2026-11-20\",\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"888.555.0142\"]}}";

    @Test
    void theSameIdempotencyKeyAndBodyAskTheStoreWithOneHashAndItsAnswerBecomesTheResponse() throws Exception {
        APIGatewayV2HTTPResponse first = handler.handleRequest(json(REPORT, Map.of("Idempotency-Key", "form-42")), null);
        String firstId = Json.mapper().readTree(first.getBody()).get("reportId").asText();
        // what DynamoDB answers a second conditional write of the same key: the original report
        repository.answers.add(new ReportRepository.SaveResult.Replayed(firstId, repository.reports.get(0).receivedAt()));
        APIGatewayV2HTTPResponse again = handler.handleRequest(json(REPORT, Map.of("Idempotency-Key", "form-42")), null);
        repository.answers.add(new ReportRepository.SaveResult.KeyReused());
        APIGatewayV2HTTPResponse other = handler.handleRequest(json(REPORT.replace("2026-11-20", "2026-11-21"),
                Map.of("Idempotency-Key", "form-42")), null);
        APIGatewayV2HTTPResponse badKey = handler.handleRequest(json(REPORT, Map.of("Idempotency-Key", "no spaces!")), null);

        // the store is asked with the key and a hash of the request: equal for the retry, not for the other body
        assertThat(repository.claims).hasSize(3).allSatisfy(c -> assertThat(c.key()).isEqualTo("form-42"));
        assertThat(repository.claims.get(1).requestHash()).isEqualTo(repository.claims.get(0).requestHash());
        assertThat(repository.claims.get(2).requestHash()).isNotEqualTo(repository.claims.get(0).requestHash());
        // and its answers become the responses
        assertThat(first.getStatusCode()).isEqualTo(202);
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(Json.mapper().readTree(again.getBody()).get("reportId").asText()).isEqualTo(firstId);
        assertThat(other.getStatusCode()).isEqualTo(409);
        assertThat(Json.mapper().readTree(other.getBody()).at("/errors/0/code").asText()).isEqualTo("idempotency_key_reused");
        // a malformed key never reaches the store
        assertThat(badKey.getStatusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(badKey.getBody()).at("/errors/0/code").asText()).isEqualTo("invalid_idempotency_key");
    }

    @Test
    void withoutAnIdempotencyKeyTheStoreIsAskedWithNoClaim() throws Exception {
        handler.handleRequest(json(REPORT, Map.of()), null);
        handler.handleRequest(json(REPORT, Map.of()), null);

        // two requests, two reports: nothing here makes a retry without a key count once
        assertThat(repository.claims).containsExactly(null, null);
        assertThat(repository.reports).extracting(StoredReport::reportId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void errorsComeInGermanWhenTheReporterPrefersIt() throws Exception {
        APIGatewayV2HTTPResponse german = handler.handleRequest(json("{\"country\":\"DE\"}",
                Map.of("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")), null);
        APIGatewayV2HTTPResponse english = handler.handleRequest(json("{\"country\":\"DE\"}",
                Map.of("Accept-Language", "it-IT, en;q=0.5")), null);

        JsonNode de = Json.mapper().readTree(german.getBody()).get("errors");
        JsonNode en = Json.mapper().readTree(english.getBody()).get("errors");
        assertThat(de).hasSameSizeAs(en);
        assertThat(de.get(0).get("code")).isEqualTo(en.get(0).get("code"));
        assertThat(de.toString()).contains("Dieses Feld ist erforderlich.");
        assertThat(en.toString()).contains("This field is required.");
    }

    @ParameterizedTest
    @Event(value = "events/http/submit-report.json", type = APIGatewayV2HTTPEvent.class)
    void aValidReportIsStoredAndAccepted(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode body = Json.mapper().readTree(response.getBody());
        assertThat(body.get("reportId").asText()).isEqualTo("7d0c5e1e-0000-4000-8000-000000000001");
        assertThat(body.get("status").asText()).isEqualTo("received");
        assertThat(body.get("receivedAt").asText()).isEqualTo("2026-11-28T15:04:05.123Z");
        assertThat(repository.reports).singleElement().satisfies(report -> {
            assertThat(report.scammer().phoneNumbers()).containsExactly("+1 (888) 555-0142");
            assertThat(report.reporterFingerprint()).hasSize(32);
        });
    }

    @ParameterizedTest
    @Event(value = "events/http/submit-report.json", type = APIGatewayV2HTTPEvent.class)
    void personalDataIsKeptApartFromTheStoredReport(APIGatewayV2HTTPEvent event) throws Exception {
        handler.handleRequest(event, null);

        String stored = Json.mapper().writeValueAsString(repository.reports.get(0));
        assertThat(stored).doesNotContain("victim@example.org", "Pat Example", "198.51.100.7", "Mozilla");
        assertThat(repository.contacts).singleElement().satisfies(contact -> {
            assertThat(contact.email()).isEqualTo("victim@example.org");
            assertThat(contact.sourceIp()).isEqualTo("198.51.100.7");
            assertThat(contact.expiresAt()).isEqualTo(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                    .plus(Duration.ofDays(400)));
        });
    }

    @ParameterizedTest
    @Event(value = "events/http/submit-report-malformed-json.json", type = APIGatewayV2HTTPEvent.class)
    void malformedJsonIsA400AndStoresNothing(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.getBody()).at("/errors/0/code").asText()).isEqualTo("malformed_json");
        assertThat(repository.reports).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/http/submit-report-missing-company.json", type = APIGatewayV2HTTPEvent.class)
    void aMissingRequiredFieldIsA400NamingItAndStoresNothing(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
        JsonNode errors = Json.mapper().readTree(response.getBody()).get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("field").asText()).isEqualTo("impersonatedCompany");
            assertThat(e.get("code").asText()).isEqualTo("required");
            assertThat(e.get("message").asText()).isNotBlank();
        });
        assertThat(repository.reports).isEmpty();
    }

    @Test
    void otherMediaTypesAre415AndOversizedBodiesAre413() {
        APIGatewayV2HTTPEvent xml = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("Content-Type", "application/xml"))
                .withBody("<report/>").build();
        APIGatewayV2HTTPEvent huge = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"description\":\"" + "x".repeat(70_000) + "\"}").build();

        assertThat(handler.handleRequest(xml, null).getStatusCode()).isEqualTo(415);
        assertThat(handler.handleRequest(huge, null).getStatusCode()).isEqualTo(413);
        assertThat(repository.reports).isEmpty();
    }

    @Test
    void aPlainHtmlFormPostIsAccepted() {
        APIGatewayV2HTTPEvent form = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded"))
                .withBody("contactMethod=phone_call&impersonatedCompany=Amazon+Prime&incidentDate=2026-11-27&country=DE"
                        + "&scammer.phoneNumbers=0800+1234567&scammer.phoneNumbers=&scammer.websites=amazon-prime-refund.co.uk"
                        + "&loss.amount=100&loss.currency=EUR&loss.paymentMethods=gift_card&website=")
                .build();

        assertThat(handler.handleRequest(form, null).getStatusCode()).isEqualTo(202);
        assertThat(repository.reports).singleElement().satisfies(r -> {
            assertThat(r.scammer().phoneNumbers()).containsExactly("0800 1234567");
            assertThat(r.loss().currency()).isEqualTo("EUR");
        });
    }

    @Test
    void aBrowserWithoutJavaScriptGetsAPageWithTheReferenceNumberOrTheErrors() {
        Map<String, String> browser = Map.of("content-type", "application/x-www-form-urlencoded",
                "accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", "accept-language", "de-DE,de;q=0.9");
        APIGatewayV2HTTPResponse ok = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withHeaders(browser)
                .withBody("contactMethod=popup&impersonatedCompany=Microsoft&incidentDate=2026-11-20&country=DE"
                        + "&scammer.phoneNumbers=0800+1234567").build(), null);
        APIGatewayV2HTTPResponse bad = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withHeaders(browser)
                .withBody("contactMethod=popup&impersonatedCompany=%3Cscript%3E&incidentDate=2026-11-20&country=DE"
                        + "&scammer.phoneNumbers=call+me").build(), null);

        assertThat(ok.getStatusCode()).isEqualTo(202);
        assertThat(ok.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(ok.getBody()).contains("Ihre Referenznummer", "id=\"reference\">7d0c5e1e-");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("scammer.phoneNumbers[0]", "Diese Telefonnummer können wir nicht erkennen.")
                .doesNotContain("<script>");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"en, US, 11/20/2026, MM/DD/YYYY", "en, GB, 20/11/2026, DD/MM/YYYY",
            "de, DE, 20.11.2026, TT.MM.JJJJ", "es, ES, 20/11/2026, DD/MM/AAAA", "fr, CA, 20/11/2026, JJ/MM/AAAA"})
    void theFormTakesTheDateAsThePersonWritesItAndExplainsTheFormatWhenItCannotReadIt(String lang, String country,
                                                                                       String typed, String format) {
        APIGatewayV2HTTPEvent ok = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "accept", "text/html"))
                .withQueryStringParameters(Map.of("lang", lang))
                .withBody("contactMethod=popup&impersonatedCompany=Microsoft&country=" + country
                        + "&scammer.phoneNumbers=1+888+555+0142&incidentDate=" + typed.replace("/", "%2F")).build();
        APIGatewayV2HTTPEvent unreadable = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "accept", "text/html"))
                .withQueryStringParameters(Map.of("lang", lang))
                .withBody("contactMethod=popup&impersonatedCompany=Microsoft&country=" + country
                        + "&scammer.phoneNumbers=1+888+555+0142&incidentDate=31.02.2026").build();

        assertThat(handler.handleRequest(ok, null).getStatusCode()).isEqualTo(202);
        assertThat(repository.reports).singleElement().extracting(StoredReport::incidentDate)
                .isEqualTo(java.time.LocalDate.of(2026, 11, 20));
        APIGatewayV2HTTPResponse refused = handler.handleRequest(unreadable, null);
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody()).contains("<code>incidentDate</code>", format);
        assertThat(repository.reports).hasSize(1);
    }

    @Test
    void theJsonApiStillTakesOnlyIsoDates() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(json(REPORT.replace("2026-11-20", "20.11.2026"),
                Map.of("accept-language", "de")), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("invalid_date", "JJJJ-MM-TT");
    }

    @Test
    void theAnswerCarriesNextStepsFromCountryPaymentsAndToolsInTheRequestedLanguage() throws Exception {
        String report = "{\"contactMethod\":\"popup\",\"impersonatedCompany\":\"Microsoft\","
                + "\"incidentDate\":\"2026-11-20\",\"country\":\"ES\",\"scammer\":{\"remoteAccessTools\":"
                + "[{\"tool\":\"AnyDesk\",\"id\":\"123456789\"}]},\"loss\":{\"paymentMethods\":[\"gift_card\"]},"
                + "\"reporter\":{\"email\":\"victim@example.org\",\"name\":\"Pat Example\"}}";
        APIGatewayV2HTTPResponse response = handler.handleRequest(json(report,
                Map.of("accept-language", "es-ES,es;q=0.9")), null);

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode steps = Json.mapper().readTree(response.getBody()).get("nextSteps");
        assertThat(steps.findValuesAsText("code")).containsExactly("disconnect_internet", "uninstall_remote_tool",
                "scan_computer", "change_passwords", "watch_accounts", "contact_gift_card_issuer", "report_official",
                "never_call");
        assertThat(steps.get(0).get("text").asText()).startsWith("Desconecte");
        assertThat(steps.toString()).contains("tel:017", "https://www.policia.es/")
                // nothing the person told us about themselves, nor the scammer's tool id
                .doesNotContain("victim@example.org", "Pat Example", "123456789");
    }

    @Test
    void theFormsLangOutranksTheBrowsersLanguagesForEveryLanguageItSpeaks() throws Exception {
        for (String lang : List.of("en", "de", "es", "fr")) {
            APIGatewayV2HTTPEvent event = json("{\"country\":\"DE\"}", Map.of("accept-language", "de-DE"));
            event.setQueryStringParameters(Map.of("lang", lang));
            JsonNode errors = Json.mapper().readTree(handler.handleRequest(event, null).getBody()).get("errors");
            assertThat(errors.toString()).contains(io.scamsignal.domain.report.Messages.forLanguage(lang).text("required"));
        }
    }

    @Test
    void aBrowserWithoutJavaScriptGetsTheNextStepsAsLinksInItsLanguage() {
        Map<String, String> browser = Map.of("content-type", "application/x-www-form-urlencoded",
                "accept", "text/html", "accept-language", "fr-CA,fr;q=0.9");
        APIGatewayV2HTTPResponse ok = handler.handleRequest(APIGatewayV2HTTPEvent.builder().withHeaders(browser)
                .withBody("contactMethod=popup&impersonatedCompany=Microsoft&incidentDate=2026-11-20&country=CA"
                        + "&scammer.phoneNumbers=1+888+555+0142&loss.paymentMethods=credit_card").build(), null);

        assertThat(ok.getStatusCode()).isEqualTo(202);
        assertThat(ok.getBody()).contains("<html lang=\"fr\">", "Votre numéro de référence", "Que faire maintenant",
                "<li data-code=\"call_bank\">Appelez maintenant votre banque",
                "<a href=\"https://antifraudcentre-centreantifraude.ca/\">Canadian Anti-Fraud Centre</a>",
                "<a href=\"tel:+18884958501\">1-888-495-8501</a>", "<a href=\"/fr/\">");
    }

    static java.util.stream.Stream<APIGatewayV2HTTPEvent> hostileRequests() {
        String valid = REPORT;
        java.util.List<APIGatewayV2HTTPEvent> events = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, String> add = (type, body) -> events.add(APIGatewayV2HTTPEvent.builder()
                .withHeaders(type == null ? Map.of() : Map.of("content-type", type)).withBody(body).build());
        add.accept("application/json", "[".repeat(5000) + "]".repeat(5000));
        add.accept("application/json", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        add.accept("application/json", valid.replace("\"country\":\"US\"", "\"country\":\"US\",\"country\":\"US\""));
        add.accept("application/json", valid.replace("\"US\"", "\"U\\u0000S\""));
        add.accept("application/json", valid.replace("\"Microsoft\"", "\"Micro\\ud800soft\""));
        add.accept("application/json", valid.replace("\"888.555.0142\"", "\"888.555.0142\"],\"loss\":{\"amount\":1e999999,\"currency\":\"USD\"},\"x\":[1"));
        add.accept("application/json", valid.replace("}}", "},\"loss\":{\"amount\":\"1e3\",\"currency\":\"USD\"}}"));
        add.accept("application/json", "");
        add.accept("application/json", "null");
        add.accept("application/json", "\"just a string\"");
        add.accept("application/json", valid + "garbage");
        add.accept("application/json; charset=iso-8859-1", "{\"contactMethod\":\"popup\"}");
        add.accept("text/plain", valid);
        add.accept(null, valid);
        add.accept("application/xml", "<report/>");
        add.accept("application/x-www-form-urlencoded", "contactMethod=%ZZ&country=US");
        add.accept("application/x-www-form-urlencoded", "a=".repeat(20_000));
        add.accept("application/x-www-form-urlencoded", "scammer.remoteAccessTools[99999999999].tool=x");
        add.accept("application/json", valid.replace("[\"888.555.0142\"]", "[" + "\"1\",".repeat(5000) + "\"1\"]"));
        add.accept("application/json", valid.replace("\"popup\"", "{\"$ne\":null}"));
        add.accept("application/json", valid.replace("\"Microsoft\"", "\"<script>alert(1)</script>" + "x".repeat(200) + "\""));
        events.add(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody("////invalid base64").withIsBase64Encoded(true).build());
        events.add(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody(java.util.Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}))
                .withIsBase64Encoded(true).build());
        events.add(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json",
                "idempotency-key", "k".repeat(65), "accept-language", "de;q=" + "9".repeat(5000))).withBody(valid).build());
        return events.stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("hostileRequests")
    void hostileAndMalformedRequestsGetA4xxAndStoreNothing(APIGatewayV2HTTPEvent hostile) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(hostile, null);

        assertThat(response.getStatusCode()).isBetween(400, 499);
        JsonNode errors = Json.mapper().readTree(response.getBody()).get("errors");
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.get("code").asText()).matches("[a-z_]+"));
        assertThat(response.getBody()).doesNotContain("Exception", "at io.", "<script>");
        assertThat(repository.reports).isEmpty();
    }

    @Test
    void aHoneypotHitIsAnsweredLikeAnyReportButDropped() {
        APIGatewayV2HTTPEvent bot = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"contactMethod\":\"popup\",\"impersonatedCompany\":\"Microsoft\",\"incidentDate\":\"2026-11-20\","
                        + "\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"888.555.0142\"]},\"website\":\"spam\"}")
                .build();

        assertThat(handler.handleRequest(bot, null).getStatusCode()).isEqualTo(202);
        assertThat(repository.reports).isEmpty();
    }

    @Test
    void behindTheCdnOnlyRequestsCarryingItsSecretAreServedAndTheViewersAddressIsKept() {
        StreamInvoker behindCdn = new StreamInvoker(new SubmitReportHandler(new SubmitReportService(
                new ReportValidator(CLOCK, new PhoneNormalizer()),
                new ReporterFingerprint("a-test-secret-of-some-length"), repository, CLOCK,
                () -> "7d0c5e1e-0000-4000-8000-00000000000" + ids.getAndIncrement(), Duration.ofDays(400)),
                "origin-secret-1234"));
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp("130.176.0.1").build()).build();

        APIGatewayV2HTTPEvent around = json(REPORT, Map.of("accept-language", "de"));
        around.setRequestContext(context);
        APIGatewayV2HTTPResponse forbidden = behindCdn.handleRequest(around, null);
        APIGatewayV2HTTPEvent wrongSecret = json(REPORT, Map.of("X-Origin-Verify", "guess"));
        wrongSecret.setRequestContext(context);
        APIGatewayV2HTTPEvent through = json(REPORT, Map.of("X-Origin-Verify", "origin-secret-1234",
                "CloudFront-Viewer-Address", "2001:db8::7:46532"));
        through.setRequestContext(context);

        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getBody()).contains("\"code\":\"forbidden\"").contains("CDN");
        assertThat(behindCdn.handleRequest(wrongSecret, null).getStatusCode()).isEqualTo(403);
        assertThat(repository.reports).isEmpty();
        assertThat(behindCdn.handleRequest(through, null).getStatusCode()).isEqualTo(202);
        assertThat(repository.contacts).singleElement()
                .satisfies(contact -> assertThat(contact.sourceIp()).isEqualTo("2001:db8::7"));
    }

    @Test
    void withoutTheCdnTheViewerAddressHeaderIsNotTrusted() {
        APIGatewayV2HTTPEvent event = json(REPORT, Map.of("CloudFront-Viewer-Address", "203.0.113.9:443"));
        event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp("198.51.100.7").build()).build());

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(202);
        assertThat(repository.contacts).singleElement()
                .satisfies(contact -> assertThat(contact.sourceIp()).isEqualTo("198.51.100.7"));
    }
}
