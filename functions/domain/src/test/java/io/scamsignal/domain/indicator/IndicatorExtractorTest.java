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
        return new StoredReport(1, "r-1", Instant.parse("2026-11-28T10:00:00Z"), ContactMethod.POPUP, "Microsoft",
                LocalDate.parse("2026-11-27"), country, new Scammer(phones, websites, emails, tools, List.of()),
                Loss.none(), description, "fingerprint");
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

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "https://www.amazon.co.uk/returns, brand-registry", "https://www.amazon.com.au/gp/help, brand-registry",
            "https://account.microsoft.com/billing, brand-registry", "https://www.paypal.com/de/smarthelp, brand-registry",
            "https://anydesk.com/en/downloads, rmm-vendors", "https://www.walmart.com/cp/gift-cards, curated-domains",
            "https://www.coinbase.com/signup, tranco1m", "https://www.westernunion.com/us/en/send-money.html, curated-domains",
            "https://www.google.com.bo/maps, brand-registry", "https://www.amazon.cl/gp/help, tranco1m"})
    void aBrandsOwnPagesAndListedSitesAreCountedButBenign(String input, String list) {
        List<Indicator> indicators = extract(report("US", List.of(), List.of(input), List.of(), List.of(), null));

        assertThat(indicators).extracting(Indicator::type).containsExactly(IndicatorType.DOMAIN, IndicatorType.URL);
        assertThat(indicators).allSatisfy(i -> {
            assertThat(i.allowListed()).isTrue();
            assertThat(i.benignList()).contains(list);
            assertThat(i.enrichment()).doesNotContainKey("impersonates");
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "https://sites.google.com/view/microsoft-help-desk, google.com",
            "https://docs.google.com/forms/d/e/1FAIpQL/viewform, google.com",
            "https://forms.office.com/r/AbC123, office.com",
            "https://s3.amazonaws.com/ms-support-bucket/index.html, amazonaws.com",
            "https://storage.googleapis.com/alert-pc/index.html, storage.googleapis.com",
            "https://bit.ly/3call-now, bit.ly"})
    void onUserContentHostsThePageIsAnIndicatorAndTheDomainIsNot(String input, String domain) {
        List<Indicator> indicators = extract(report("US", List.of(), List.of(input), List.of(), List.of(), null));

        assertThat(only(indicators, IndicatorType.DOMAIN).value()).isEqualTo(domain);
        assertThat(only(indicators, IndicatorType.DOMAIN).allowListed()).isTrue();
        assertThat(only(indicators, IndicatorType.URL).allowListed()).isFalse();
        assertThat(only(indicators, IndicatorType.URL).benignList()).isEmpty();
    }

    @Test
    void aTenantsRootPageOnABenignPlatformIsItsIndicator() {
        List<Indicator> indicators = extract(report("US", List.of(),
                List.of("https://alert-pc-7731.z13.web.core.windows.net/"), List.of(), List.of(), null));

        assertThat(only(indicators, IndicatorType.DOMAIN).value()).isEqualTo("windows.net");
        assertThat(only(indicators, IndicatorType.DOMAIN).allowListed()).isTrue();
        assertThat(only(indicators, IndicatorType.URL).value()).isEqualTo("https://alert-pc-7731.z13.web.core.windows.net/");
        assertThat(only(indicators, IndicatorType.URL).allowListed()).isFalse();
    }

    @Test
    void hotlinesVictimsMentionInTheDescriptionAreBenignButTheScammersNumberIsNot() {
        List<Indicator> indicators = extract(report("US", List.of(), List.of(), List.of(), List.of(),
                "They said call 1-844-392-6105. I reported it to the FTC at 1-877-382-4357 and called my bank on 1-800-935-9935."));

        assertThat(indicators).filteredOn(Indicator::allowListed).extracting(Indicator::value)
                .containsExactlyInAnyOrder("+18773824357", "+18009359935");
        assertThat(indicators).filteredOn(i -> !i.allowListed()).extracting(Indicator::value)
                .containsExactly("+18443926105");
    }

    @Test
    void anOperatorsOverrideActsAtExtraction() {
        var overrides = new io.scamsignal.domain.benign.InMemoryBenignOverrides()
                .put("domain#anydesk.com", new io.scamsignal.domain.benign.BenignOverrides.NotBenign("hijacked"))
                .put("phone#+18885550142", new io.scamsignal.domain.benign.BenignOverrides.Benign("a charity's line"));
        IndicatorExtractor withOverrides = IndicatorExtractor.standard(BrandRegistry.defaults(), overrides);

        List<Indicator> indicators = withOverrides.extract(report("US", List.of("1-888-555-0142"),
                List.of("https://anydesk.com/download"), List.of(), List.of(), null));

        assertThat(only(indicators, IndicatorType.PHONE).benignList()).contains("operator");
        assertThat(only(indicators, IndicatorType.DOMAIN).allowListed()).isFalse();
        assertThat(only(indicators, IndicatorType.URL).allowListed()).isFalse();
    }
}
