package io.scamsignal.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.domain.report.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartnerBulkServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T15:04:05.123Z"), ZoneOffset.UTC);
    private static final String REPORT = """
            {"contactMethod":"phone_call","impersonatedCompany":"Amazon","incidentDate":"2026-11-20","country":"GB",\
            "scammer":{"phoneNumbers":["+44 20 7946 0999"]}%s}""";
    private static final ReporterKeys KEYS = ReporterKeys.derive("a-test-secret-of-some-length");

    /** Keeps what is saved; the conditional writes themselves are DynamoDbReportRepository's (e2e). */
    static final class Saved implements ReportRepository {
        final List<StoredReport> reports = new ArrayList<>();
        final List<ReporterContact> contacts = new ArrayList<>();

        @Override
        public SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt, IdempotencyClaim claim) {
            reports.add(report);
            contacts.add(contact);
            return new SaveResult.Saved();
        }

        @Override
        public boolean idempotencyKeyKnown(String key, Instant now) {
            return false;
        }
    }

    private final AtomicInteger ids = new AtomicInteger();
    private final Saved saved = new Saved();
    private final PartnerBulkService bulk = new PartnerBulkService(new ReportValidator(CLOCK, new PhoneNormalizer()),
            () -> KEYS, saved, CLOCK, () -> "7d0c5e1e-0000-4000-8000-" + String.format("%012d", ids.incrementAndGet()),
            Duration.ofDays(400));

    /** As a key with the scope victim-network. */
    private PartnerBulkService.BulkResponse submit(String language, String sourceIp, String... lines) {
        return bulk.submit(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "application/x-ndjson", language,
                "Contoso", sourceIp, true);
    }

    /** As a key without the scope victim-network. */
    private PartnerBulkService.BulkResponse submitUntrusted(String... lines) {
        return bulk.submit(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null,
                "Contoso", "192.0.2.10", false);
    }

    private static String line(String extra) {
        return REPORT.formatted(extra);
    }

    @Test
    void aLineWithAVictimIpCountsOnTheSameNetworkAndAsTheSameReporterAsThatVictimsPublicReport() {
        PartnerBulkService.BulkResponse response = submit(null, "192.0.2.10",
                line(",\"victimIp\":\"203.0.113.7\",\"reporter\":{\"email\":\"Victim@Example.org\"}"));

        assertThat(response.accepted()).isEqualTo(1);
        StoredReport report = saved.reports.getFirst();
        // what SubmitReportService computes for a public report from 203.0.113.x by victim@example.org
        assertThat(report.networkFingerprint()).isEqualTo(KEYS.networks().of("203.0.113.200").orElseThrow());
        assertThat(report.reporterFingerprint()).isEqualTo(KEYS.reporters().of("victim@example.org", "198.51.100.1", "ua"));
        assertThat(report.source()).isEqualTo("Contoso");
        // the raw address only with the reporter's personal data, never in the report
        assertThat(saved.contacts.getFirst().sourceIp()).isEqualTo("203.0.113.7");
        assertThat(StoredReportJson.write(report)).doesNotContain("203.0.113");
    }

    @Test
    void linesWithoutAVictimIpCountOnTheOrganisationsNetworkWhicheverServerSends() {
        submit(null, "192.0.2.10", line(""));
        submit(null, "198.51.100.77", line(""));

        assertThat(saved.reports).extracting(StoredReport::networkFingerprint).containsOnly(KEYS.networks().ofOrganisation("Contoso"))
                .doesNotContain(KEYS.networks().of("192.0.2.10").orElseThrow(), KEYS.networks().of("198.51.100.77").orElseThrow());
        assertThat(KEYS.networks().ofOrganisation("Contoso")).isNotEqualTo(KEYS.networks().ofOrganisation("Fabrikam"));
        // without an e-mail each line is a reporter of its own
        assertThat(saved.reports.get(0).reporterFingerprint()).isNotEqualTo(saved.reports.get(1).reporterFingerprint());
        assertThat(saved.contacts).extracting(ReporterContact::sourceIp).containsOnlyNulls();
    }

    @Test
    void aBadVictimIpIsThatLinesErrorWithAStableCodeInEnglishAndGerman() {
        PartnerBulkService.BulkResponse response = submit("de", "192.0.2.10",
                line(",\"victimIp\":\"999.1.1.1\""), line(",\"victimIp\":\"example.com\""), line(",\"victimIp\":42"),
                line(",\"victimIp\":\"2001:db8::7\""), "{\"victimIp\":\"nope\",\"contactMethod\":\"carrier_pigeon\"}");

        assertThat(response.accepted()).isEqualTo(1);
        assertThat(response.results().get(3).reportId()).isNotNull();
        for (int i : new int[] {0, 1, 2}) {
            assertThat(response.results().get(i).errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("victimIp");
                assertThat(e.code()).isEqualTo("invalid_victim_ip");
                assertThat(e.message()).contains("IPv4- oder IPv6-Adresse des Opfers");
            });
        }
        // with the report's own errors, as a line has them all at once
        assertThat(response.results().get(4).errors()).extracting(e -> e.code()).contains("invalid_victim_ip")
                .hasSizeGreaterThan(1);
        assertThat(submit("en", "192.0.2.10", line(",\"victimIp\":\"x\"")).results().getFirst().errors().getFirst().message())
                .startsWith("victimIp must be");
    }

    @Test
    void thePublicApiRefusesTheField() {
        ValidationResult result = new ReportValidator(CLOCK, new PhoneNormalizer()).validate(
                Json.mapper().valueToTree(Map.of("victimIp", "203.0.113.7")));
        assertThat(result).isInstanceOfSatisfying(ValidationResult.Invalid.class,
                i -> assertThat(i.errors()).anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("victimIp");
                    assertThat(e.code()).isEqualTo("unknown_field");
                }));
    }

    @Test
    void manyLinesFromOneVictimNetworkTakeNoPublicQuota() {
        // the public limit is per network and hour (RATE_LIMIT_PER_HOUR, 20 by default); a partner's lines
        // go through the key's own limit (PartnerReportsHandler) and never through the public limiter
        String[] lines = new String[25];
        Arrays.fill(lines, line(",\"victimIp\":\"203.0.113.7\""));
        assertThat(submit(null, "192.0.2.10", lines).accepted()).isEqualTo(25);
    }

    @Test
    void withoutVictimNetworkEveryLineCountsOnTheOrganisationsOneNetworkWhateverVictimIpItNames() {
        String[] lines = new String[50];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line(",\"victimIp\":\"" + (i % 2 == 0 ? "198.51." + i + ".7" : "2001:db8:" + Integer.toHexString(i) + "::7")
                    + "\",\"reporter\":{\"email\":\"v" + i + "@example.org\"}");
        }
        PartnerBulkService.BulkResponse response = submitUntrusted(lines);

        assertThat(response.accepted()).isEqualTo(50);
        assertThat(saved.reports).extracting(StoredReport::networkFingerprint).containsOnly(KEYS.networks().ofOrganisation("Contoso"));
        // an address the key was not trusted with is not kept either
        assertThat(saved.contacts).extracting(ReporterContact::sourceIp).containsOnlyNulls();
        // still checked: a broken victimIp is the line's error, trusted or not
        assertThat(submitUntrusted(line(",\"victimIp\":\"999.1.1.1\"")).results().getFirst().errors())
                .extracting(e -> e.code()).containsExactly("invalid_victim_ip");
    }

    @Test
    void aTrustedVictimIpInACloudRangeCountsOnThatListsOneNetwork() {
        // ten AWS regions (ranges of the vendored amazon-aws list): one network, as from the public API
        String[] awsRegions = {"3.5.140.1", "13.112.0.5", "15.177.0.1", "18.34.0.1", "35.71.64.1", "52.94.0.1",
                "54.239.0.1", "99.77.0.1", "3.2.0.1", "52.46.180.1"};
        String[] lines = new String[awsRegions.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line(",\"victimIp\":\"" + awsRegions[i] + "\",\"reporter\":{\"email\":\"c" + i + "@example.org\"}");
        }
        assertThat(submit(null, "192.0.2.10", lines).accepted()).isEqualTo(10);
        assertThat(saved.reports).extracting(StoredReport::networkFingerprint).containsOnly(
                KEYS.networks().of(awsRegions[0]).orElseThrow());
        assertThat(KEYS.networks().rentedList(awsRegions[0])).contains("amazon-aws");
    }
}
