package io.scamsignal.domain.benign;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.domains.EffectiveTldFinder;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * False alarms of a plain "three reporters on three networks" on legitimate sites from sources the
 * benign lists are not built from ({@code benign/holdout.tsv}, written by tools/benign_holdout.py),
 * by category (each registrable domain once), and on search engines' result pages. Prints the
 * figures docs/benign-lists.md quotes.
 */
class BenignHoldoutTest {

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();
    private static final IndicatorExtractor EXTRACTOR = IndicatorExtractor.standard(BRANDS);
    private static final AlertRules RULES = new AlertRules(AlertRuleConfig.defaults());
    private static final Map<String, int[]> FIGURES = new TreeMap<>();
    private static final Map<String, List<String>> ALARMS = new TreeMap<>();
    private static final Set<String> SEEN = new HashSet<>();

    record Row(String category, String host) {
    }

    @BeforeAll
    static void measure() throws Exception {
        for (Row row : rows()) {
            List<Indicator> domains = EXTRACTOR.extract(report("https://" + row.host() + "/")).stream()
                    .filter(i -> i.type() == IndicatorType.DOMAIN).toList();
            if (domains.isEmpty()) {
                continue; // an IP address or a host the normaliser does not keep: no domain indicator
            }
            Indicator domain = domains.get(0);
            if (row.category().equals("brand-country")
                    && !(row.host().equals(domain.value()) || row.host().equals("www." + domain.value()))) {
                continue; // a subdomain of another's site (amazon.example.com): not the brand's own
            }
            if (!SEEN.add(row.category() + " " + domain.value())) {
                continue; // one registrable domain counts once
            }
            // a tenant of a shared platform (x.rsc.cdn77.org, x.github.io) is its own site by the public
            // suffix list's private section and stays alertable by design: counted apart
            String icann = EffectiveTldFinder.getAssignedDomain(domain.value(), true, true);
            count(row.category() + (domain.value().equals(icann) ? "" : "/tenant"), domain);
        }
        List<String> engines = List.of("https://www.google.com/search?q=", "https://www.google.co.uk/search?q=",
                "https://www.google.de/search?q=", "https://www.google.com.au/search?q=", "https://www.google.es/search?q=",
                "https://www.google.ca/search?q=", "https://www.bing.com/search?q=", "https://duckduckgo.com/?q=",
                "https://search.yahoo.com/search?p=", "https://yandex.ru/search/?text=", "https://www.baidu.com/s?wd=",
                "https://www.ecosia.org/search?q=", "https://www.startpage.com/do/search?q=");
        List<String> queries = List.of("microsoft+support+number", "amazon+refund+phone", "apple+id+locked+call",
                "paypal+helpline", "norton+renewal+refund", "mcafee+support+1-888-555-0142", "remote+access+anydesk",
                "%22rnicrosoft-support.com%22", "bitcoin+atm+near+me", "gift+card+balance");
        for (String engine : engines) {
            for (String query : queries) {
                List<Indicator> urls = EXTRACTOR.extract(report(engine + query)).stream()
                        .filter(i -> i.type() == IndicatorType.URL).toList();
                assertThat(urls).as(engine + query).hasSize(1);
                count("search-results", urls.get(0));
            }
        }
        FIGURES.forEach((category, f) -> System.out.printf("benign holdout %-17s %5d indicators, %4d alert (%.2f%%)%s%n",
                category, f[0], f[1], 100.0 * f[1] / f[0],
                f[1] == 0 ? "" : "; e.g. " + ALARMS.get(category).subList(0, Math.min(8, f[1]))));
    }

    private static void count(String category, Indicator indicator) {
        int[] f = FIGURES.computeIfAbsent(category, c -> new int[2]);
        f[0]++;
        if (!RULES.evaluate(threeReportersOnThreeNetworks(indicator)).isEmpty()) {
            f[1]++;
            ALARMS.computeIfAbsent(category, c -> new ArrayList<>()).add(indicator.value());
        }
    }

    private static StoredReport report(String website) {
        return new StoredReport(1, "r-1", Instant.parse("2026-11-28T10:00:00Z"), ContactMethod.POPUP, "Microsoft",
                LocalDate.parse("2026-11-27"), "US", new Scammer(List.of(), List.of(website), List.of(), List.of(),
                List.of()), Loss.none(), null, "fingerprint");
    }

    static IndicatorAggregate threeReportersOnThreeNetworks(Indicator indicator) {
        TreeMap<String, Long> networks = new TreeMap<>(Map.of("net-a", 1L, "net-b", 1L, "net-c", 1L));
        return IndicatorAggregate.builder(indicator).reports(3).distinctReporters(3)
                .firstSeen(Instant.parse("2026-11-28T10:00:00Z")).lastSeen(Instant.parse("2026-11-28T11:00:00Z"))
                .brands(Set.of("Microsoft")).countries(Set.of("US")).contactMethods(Map.of("popup", 3L))
                .reports24h(3).reports7d(3).distinctReporters7d(3).reportersByNetwork(networks).distinctNetworks(3)
                .networkedReporters(3).build();
    }

    private static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                BenignHoldoutTest.class.getResourceAsStream("/benign/holdout.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    rows.add(new Row(f[0], f[1]));
                }
            }
        }
        return rows;
    }

    private static double rate(String category) {
        int[] f = FIGURES.get(category);
        return (double) f[1] / f[0];
    }

    @Test
    void theRuleItselfStillAlertsOnAnUnlistedDomain() {
        Indicator scam = new Indicator(IndicatorType.DOMAIN, "rnicrosoft-support.com", "rnicrosoft-support.com",
                new LinkedHashMap<>());
        assertThat(RULES.evaluate(threeReportersOnThreeNetworks(scam))).isNotEmpty();
    }

    @Test
    void searchResultPagesNeverAlert() {
        assertThat(FIGURES.get("search-results")[0]).isEqualTo(130);
        assertThat(FIGURES.get("search-results")[1]).isZero();
    }

    @Test
    void popularSitesFromOtherRankingsRarelyAlert() {
        // measured: Majestic 8 of 3,903 (0.20%), Cisco Umbrella 35 of 1,693 (2.07%, mostly ad-tech hosts)
        assertThat(FIGURES.get("popular-majestic")[0]).isGreaterThan(3_500);
        assertThat(rate("popular-majestic")).isLessThan(0.005);
        assertThat(FIGURES.get("popular-cisco")[0]).isGreaterThan(1_500);
        assertThat(rate("popular-cisco")).isLessThan(0.03);
    }

    @Test
    void brandsOwnCountrySitesRarelyAlert() {
        // measured: 2 of 141 (google.play, microsoft.ai)
        assertThat(FIGURES.get("brand-country")[0]).isGreaterThan(120);
        assertThat(rate("brand-country")).isLessThan(0.02);
    }

    @Test
    void tenantsOfSharedPlatformsStayAlertable() {
        // x.github.io or a bucket on s3.amazonaws.com is anyone's, however popular the platform
        assertThat(rate("rmm-network/tenant")).isEqualTo(1.0);
    }
}
