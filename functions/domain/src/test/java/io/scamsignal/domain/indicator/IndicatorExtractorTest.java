package io.scamsignal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.support.Samples;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IndicatorExtractorTest {

    private final IndicatorExtractor extractor = IndicatorExtractor.standard(BrandRegistry.defaults());

    static StoredReport report(String country, List<String> phones, List<String> websites, List<String> emails,
                               List<RemoteAccessTool> tools, String description) {
        return StoredReport.builder("r-1").receivedAt(Instant.parse("2026-11-28T10:00:00Z"))
                .contactMethod(ContactMethod.POPUP).impersonatedCompany("Microsoft")
                .incidentDate(LocalDate.parse("2026-11-27")).country(country)
                .scammer(new Scammer(phones, websites, emails, tools, List.of()))
                .loss(Loss.none()).description(description).reporterFingerprint("fingerprint").build();
    }

    private List<Indicator> extract(StoredReport report) {
        return extractor.extract(report);
    }

    private Indicator only(List<Indicator> indicators, IndicatorType type) {
        return indicators.stream().filter(i -> i.type() == type).findFirst().orElseThrow();
    }

    static Stream<Arguments> sharedWebsiteSamples() {
        return Samples.rows("websites.tsv").stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4]));
    }

    @ParameterizedTest(name = "{0} -> {1} {3} {4}")
    @MethodSource("sharedWebsiteSamples")
    void everySharedWebsiteSampleGivesTheExpectedDomainIndicator(String input, String domain, String display,
                                                                  String impersonates, String technique) {
        Indicator indicator = only(extract(report("US", List.of(), List.of(input), List.of(), List.of(), null)),
                IndicatorType.DOMAIN);

        assertThat(indicator.value()).isEqualTo(domain);
        assertThat(indicator.display()).isEqualTo(display);
        if (impersonates.startsWith("(none")) {
            assertThat(indicator.allowListed()).isTrue();
            assertThat(indicator.enrichment()).doesNotContainKey("impersonates");
        } else {
            assertThat(indicator.allowListed()).isFalse();
            assertThat(indicator.enrichment()).containsEntry("impersonates", List.of(impersonates))
                    .containsEntry("technique", technique);
        }
    }

    @Test
    void aPageIsAlsoAUrlIndicatorButABareHostIsNot() {
        List<Indicator> page = extract(report("US", List.of(), List.of("http://rnicrosoft-support.com/help"), List.of(),
                List.of(), null));
        List<Indicator> host = extract(report("US", List.of(), List.of("paypa1-secure.net"), List.of(), List.of(), null));

        assertThat(only(page, IndicatorType.URL).value()).isEqualTo("http://rnicrosoft-support.com/help");
        assertThat(host).extracting(Indicator::type).containsExactly(IndicatorType.DOMAIN);
    }

    @Test
    void phoneNumbersAreFoundInQueryStringsTelLinksAndDescriptions() {
        List<Indicator> indicators = extract(report("AU", List.of("1-888-555-0142"),
                List.of("https://alert-pc.com/warning?code=0x80&phone=1%20855%20326%207194", "tel:+44 20 7946 0958"),
                List.of(), List.of(), "The pop-up said call 1 844 392 6105 now, or 02 9876 5432. Ref 2026-11-20."));

        assertThat(indicators).filteredOn(i -> i.type() == IndicatorType.PHONE).extracting(Indicator::value)
                .containsExactlyInAnyOrder("+18885550142", "+18553267194", "+442079460958", "+18443926105", "+61298765432");
    }

    @Test
    void vanityNumbersAreDialledAndABrandsOwnNumberIsAllowListed() {
        Indicator official = only(extract(report("US", List.of("1-800-MICROSOFT"), List.of(), List.of(), List.of(), null)),
                IndicatorType.PHONE);

        assertThat(official.value()).isEqualTo("+18006427676");
        assertThat(official.allowListed()).isTrue();
    }

    @Test
    void emailsAreLowerCasedWithFreeMailMarkedAndLookalikeDomainsAnalysed() {
        List<Indicator> indicators = extract(report("US", List.of(), List.of(),
                List.of("Help.Desk@GMail.com", "billing@rnicrosoft-support.com"), List.of(), null));

        assertThat(indicators).extracting(Indicator::value)
                .containsExactly("help.desk@gmail.com", "billing@rnicrosoft-support.com");
        assertThat(indicators.get(0).enrichment()).containsEntry("freeMail", true);
        assertThat(indicators.get(0).allowListed()).isFalse();
        assertThat(indicators.get(1).enrichment()).containsEntry("technique", "homoglyph");
    }

    @Test
    void remoteAccessToolsGetCanonicalNamesAndDigitOnlyIds() {
        List<Indicator> indicators = extract(report("US", List.of(), List.of(), List.of(),
                List.of(new RemoteAccessTool("any desk", "123 456 789"), new RemoteAccessTool("Team Viewer", "1 234-567-890"),
                        new RemoteAccessTool("AnyDesk", "123456789"), new RemoteAccessTool("UltraViewer", null)), null));

        assertThat(indicators).extracting(Indicator::value)
                .containsExactly("anydesk:123456789", "teamviewer:1234567890");
        assertThat(indicators.get(1).display()).isEqualTo("TeamViewer 1234567890");
    }

    @Test
    void walletsWithAValidChecksumAreIndicatorsKeyedByChain() {
        StoredReport report = new StoredReport(1, "r-1", Instant.parse("2026-11-28T10:00:00Z"), ContactMethod.POPUP,
                "Microsoft", LocalDate.parse("2026-11-27"), "US", new Scammer(List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
                "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")),
                Loss.none(), null, "fingerprint");

        List<Indicator> indicators = extract(report);

        assertThat(indicators).extracting(Indicator::key).containsExactly(
                "wallet#eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
                "wallet#btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(indicators.get(0).display()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(indicators.get(0).enrichment()).containsEntry("chain", "eth");
    }
}
