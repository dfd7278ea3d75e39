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
            "anydesk.com, rmm-vendors", "teamviewer.com, rmm-vendors", "coinbase.com, tranco1m",
            "westernunion.com, curated-domains", "walmart.com, curated-domains", "bing.com, brand-registry",
            "duckduckgo.com, tranco1m", "ultraviewer.net, curated-domains", "moneygram.com, curated-domains",
            "actionfraud.police.uk, curated-domains", "bit.ly, url-shortener", "aeroadmin.com, curated-domains",
            "splashtop.com, rmm-vendors", "remotepc.com, rmm-vendors", "bitcoindepot.com, curated-domains",
            "google.com.bo, brand-registry", "amazon.cl, tranco1m", "paypal.com.au, tranco1m",
            "paypay-insurance.co.jp, tranco1m", "apply-gov.in, tranco1m"})
    void legitimateDomainsVictimsNameMatchAList(String domain, String list) {
        assertThat(benign.domain(domain)).get().extracting(BenignIndicators.Match::list).isEqualTo(list);
    }

    @ParameterizedTest
    @CsvSource({
            "https://www.google.com/search?q=microsoft+support+number, www.google.com, google.com, /search?q=microsoft+support+number",
            "https://www.google.co.uk/search?q=x, www.google.co.uk, google.co.uk, /search?q=x",
            "https://google.de/search?q=x, google.de, google.de, /search?q=x",
            "https://www.bing.com/search?q=x, www.bing.com, bing.com, /search?q=x",
            "https://duckduckgo.com/?q=x, duckduckgo.com, duckduckgo.com, /?q=x",
            "https://search.yahoo.com/search?p=x, search.yahoo.com, yahoo.com, /search?p=x",
            "https://yandex.ru/search/?text=x, yandex.ru, yandex.ru, /search/?text=x",
            "https://www.baidu.com/s?wd=x, www.baidu.com, baidu.com, /s?wd=x",
            "https://www.ecosia.org/search?q=x, www.ecosia.org, ecosia.org, /search?q=x",
            "https://www.startpage.com/do/search?q=x, www.startpage.com, startpage.com, /do/search?q=x"})
    void searchResultPagesAreBenignWhateverTheQuery(String url, String host, String domain, String path) {
        assertThat(benign.page(url, host, domain, path)).get().extracting(BenignIndicators.Match::list)
                .isEqualTo(BenignIndicators.SEARCH_ENGINE);
    }

    @Test
    void aLookalikeOfASearchEngineIsNoSearchEngine() {
        assertThat(benign.page("https://www.g00gle-search.com/search?q=x", "www.g00gle-search.com", "g00gle-search.com",
                "/search?q=x")).isEmpty();
        // the engine's other pages are its domain's: not a result page
        assertThat(benign.page("https://www.baidu.com/share/x", "www.baidu.com", "baidu.com", "/share/x")).get()
                .extracting(BenignIndicators.Match::list).isEqualTo(BenignIndicators.POPULAR);
    }

    @Test
    void pagesOnPopularUserContentHostsStayIndicators() {
        // dropbox.com, wordpress.com and blogspot.com are all in Tranco's million
        assertThat(benign.domain("dropbox.com")).isPresent();
        assertThat(benign.page("https://www.dropbox.com/s/abc/fix.exe", "www.dropbox.com", "dropbox.com", "/s/abc/fix.exe"))
                .isEmpty();
        assertThat(benign.page("https://ms-help.wordpress.com/", "ms-help.wordpress.com", "wordpress.com", "/")).isEmpty();
        // a tenant of a private suffix is its own registrable domain, not its platform's
        assertThat(benign.domain("ms-help.blogspot.com")).isEmpty();
    }

    @Test
    void remoteAccessVendorsSitesComeFromTheCatalogueByRegistrableDomain() {
        // LOLRMM names www.teamviewer.com, api.remsupp.com: their registrable domains are listed
        assertThat(benign.domain("teamviewer.com")).get().extracting(BenignIndicators.Match::list).isEqualTo("rmm-vendors");
        assertThat(benign.domain("remsupp.com")).get().extracting(BenignIndicators.Match::list).isEqualTo("rmm-vendors");
    }

    @Test
    void anOperatorLiftsAPopularDomain() {
        assertThat(benign.domain("paypay-insurance.co.jp")).isPresent();
        overrides.put("domain#paypay-insurance.co.jp", new BenignOverrides.NotBenign("hacked, serving a scam page"));
        assertThat(benign.domain("paypay-insurance.co.jp")).isEmpty();
    }

    @Test
    void domainsMatchAsRegistrableDomainsNeverAsSuffixes() {
        assertThat(benign.domain("rnicrosoft-support.com")).isEmpty();
        assertThat(benign.domain("evil.github.io")).isEmpty();
        assertThat(benign.domain("amazon.com.secure-login.xyz")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "+443457345345, curated-phones", "+443457404404, curated-phones", "+18002274825, curated-phones",
            "+18007692511, curated-phones", "+61132221, curated-phones", "+496991010000, curated-phones",
            "+34915123123, curated-phones", "+611300292371, curated-phones",
            "+498003638469, brand-registry", "+611300321456, brand-registry", "+448003587911, brand-registry",
            "+61132058, brand-registry", "+34900150503, brand-registry"})
    void banksAndBrandsPublishedLinesInTheSixCountriesAreBenign(String e164, String list) {
        assertThat(benign.phone(e164)).get().extracting(BenignIndicators.Match::list).isEqualTo(list);
    }

    @Test
    void everyCuratedNumberIsAValidNumberOfItsCountryWithItsSource() {
        var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        var rows = io.scamsignal.domain.brand.DomainListFile.rows("/io/scamsignal/domain/benign/curated-phones.tsv");
        assertThat(rows).hasSizeGreaterThan(30);
        for (String[] row : rows) {
            assertThat(row).hasSize(4);
            assertThat(row[3]).startsWith("https://");
            try {
                var number = util.parse(row[0], "ZZ");
                assertThat(util.isValidNumber(number)).as(row[0]).isTrue();
                // North American toll-free numbers have no region of their own: the country's calling code
                assertThat(number.getCountryCode()).as(row[0]).isEqualTo(util.getCountryCodeForRegion(row[1]));
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                throw new AssertionError(row[0], e);
            }
        }
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
            assertThat(lists.size()).isEqualTo(8);
            for (var list : lists) {
                // every source pinned to a commit
                assertThat(list.path("source").asText()).containsPattern("(MISP|LOLRMM).* at [0-9a-f]{40}");
                assertThat(list.path("listVersion").asText()).isNotBlank();
                assertThat(list.path("vendored").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(list.path("licence").asText()).matches("(CC0-1.0|Apache-2.0).*");
                assertThat(list.path("entries").asLong()).isPositive();
                try (InputStream file = getClass().getResourceAsStream("/io/scamsignal/domain/benign/" + list.path("file").asText())) {
                    assertThat(file.readAllBytes()).hasSize(list.path("bytes").asInt());
                }
            }
        }
    }
}
