package io.scamsignal.domain.benign;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.json.Json;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenignIndicatorsTest {

    private final InMemoryBenignOverrides overrides = new InMemoryBenignOverrides();
    private final BenignIndicators benign = BenignIndicators.standard(BrandRegistry.defaults(), overrides);

    @ParameterizedTest
    @CsvSource({
            "amazon.co.uk, brand-registry", "amazon.com.au, brand-registry", "microsoft.com, brand-registry",
            "paypal.com, brand-registry", "google.fr, brand-registry", "storage.googleapis.com, brand-registry",
            "anydesk.com, tranco10k", "teamviewer.com, tranco10k", "coinbase.com, tranco10k",
            "westernunion.com, tranco10k", "walmart.com, tranco10k", "bing.com, brand-registry",
            "duckduckgo.com, tranco10k", "ultraviewer.net, curated-domains", "moneygram.com, curated-domains",
            "actionfraud.police.uk, curated-domains", "bit.ly, tranco10k"})
    void legitimateDomainsVictimsNameMatchAList(String domain, String list) {
        assertThat(benign.domain(domain)).get().extracting(BenignIndicators.Match::list).isEqualTo(list);
    }

    @Test
    void domainsMatchAsRegistrableDomainsNeverAsSuffixes() {
        assertThat(benign.domain("rnicrosoft-support.com")).isEmpty();
        assertThat(benign.domain("evil.github.io")).isEmpty();
        assertThat(benign.domain("amazon.com.secure-login.xyz")).isEmpty();
    }

    @Test
    void hotlinesAndBrandNumbersAreBenign() {
        assertThat(benign.phone("+18773824357")).get().extracting(BenignIndicators.Match::list).isEqualTo("curated-phones");
        assertThat(benign.phone("+18006427676")).get().isEqualTo(new BenignIndicators.Match("brand-registry", "Microsoft"));
        assertThat(benign.phone("+18885550142")).isEmpty();
    }

    @Test
    void aPageOnABenignDomainIsBenignUnlessAnyoneCanPublishThere() {
        assertThat(benign.page("https://www.amazon.co.uk/returns", "www.amazon.co.uk", "amazon.co.uk", "/returns"))
                .isPresent();
        assertThat(benign.page("https://anydesk.com/en/downloads", "anydesk.com", "anydesk.com", "/en/downloads"))
                .isPresent();
        assertThat(benign.page("https://sites.google.com/view/ms-help", "sites.google.com", "google.com", "/view/ms-help"))
                .isEmpty();
        assertThat(benign.page("https://forms.office.com/r/abc", "forms.office.com", "office.com", "/r/abc")).isEmpty();
        assertThat(benign.page("https://bit.ly/3xyz", "bit.ly", "bit.ly", "/3xyz")).isEmpty();
        assertThat(benign.page("https://www.youtube.com/watch?v=1", "www.youtube.com", "youtube.com", "/watch?v=1")).isEmpty();
        assertThat(benign.page("https://www.youtube.com/premium", "www.youtube.com", "youtube.com", "/premium")).isPresent();
    }

    @Test
    void userContentHostsAreHostsPathPrefixesOrTenantsUnderASuffix() {
        assertThat(benign.userContent("x.web.core.windows.net", "/")).get()
                .extracting(UserContentHosts.Match::tenant).isEqualTo(true);
        assertThat(benign.userContent("docs.google.com", "/forms/d/e/1/viewform")).get()
                .extracting(UserContentHosts.Match::tenant).isEqualTo(false);
        assertThat(benign.userContent("web.core.windows.net", "/")).isEmpty();
        assertThat(benign.userContent("www.google.com", "/search?q=x")).isEmpty();
    }

    @Test
    void operatorsAddAndRemoveEntriesWithoutARedeploy() {
        assertThat(benign.domain("example-charity.org")).isEmpty();
        overrides.put("domain#example-charity.org", new BenignOverrides.Benign("a victims' charity"));
        assertThat(benign.domain("example-charity.org")).get().extracting(BenignIndicators.Match::list).isEqualTo("operator");
        assertThat(benign.page("https://example-charity.org/help", "example-charity.org", "example-charity.org", "/help"))
                .isPresent();

        overrides.put("domain#anydesk.com", new BenignOverrides.NotBenign("hijacked"));
        assertThat(benign.domain("anydesk.com")).isEmpty();
        overrides.remove("domain#anydesk.com");
        assertThat(benign.domain("anydesk.com")).isPresent();
    }

    @Test
    void everyVendoredListIsDescribedWithSourceVersionDateLicenceAndSize() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/scamsignal/domain/benign/lists.json")) {
            var lists = Json.mapper().readTree(in).path("lists");
            assertThat(lists.size()).isEqualTo(6);
            for (var list : lists) {
                assertThat(list.path("source").asText()).contains("MISP");
                assertThat(list.path("listVersion").asText()).isNotBlank();
                assertThat(list.path("vendored").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(list.path("licence").asText()).startsWith("CC0-1.0");
                assertThat(list.path("entries").asLong()).isPositive();
                try (InputStream file = getClass().getResourceAsStream("/io/scamsignal/domain/benign/" + list.path("file").asText())) {
                    assertThat(file.readAllBytes()).hasSize(list.path("bytes").asInt());
                }
            }
        }
    }
}
