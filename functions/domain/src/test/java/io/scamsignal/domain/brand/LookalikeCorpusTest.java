package io.scamsignal.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.domains.EffectiveTldFinder;
import io.scamsignal.domain.benign.BenignIndicators;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.indicator.WebsiteNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Recall on generated lookalikes of the seven brands, per technique, and false alarms on real,
 * popular domains near their names (from MISP lists that are not vendored: Cisco Umbrella and
 * Majestic top 10k, test/resources/lookalike/near-brand-domains.txt; their registrable domains,
 * not the brands' own). Prints the table; {@link #main} prints it without JUnit.
 */
class LookalikeCorpusTest {

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();
    private static final LookalikeDetector DETECTOR = new LookalikeDetector(BRANDS, Confusables.load());
    private static final BenignIndicators BENIGN = BenignIndicators.standard(BRANDS, BenignOverrides.none());
    private static final WebsiteNormalizer WEBSITES = new WebsiteNormalizer();
    private static final Map<String, String> BRAND_NAMES = Map.of("microsoft", "Microsoft", "amazon", "Amazon",
            "apple", "Apple", "paypal", "PayPal", "norton", "Norton", "mcafee", "McAfee", "google", "Google");

    private static final String CRUX = "google-chrome-crux-1million";

    record Figures(Map<String, int[]> byTechnique, List<String> missed, int onBenignLists, int benignChecked,
                   List<String> falseAlarms, int guardedByLists, int cruxChecked, List<String> cruxFlagged) {
        int total() {
            return byTechnique.values().stream().mapToInt(c -> c[1]).sum();
        }

        int flagged() {
            return byTechnique.values().stream().mapToInt(c -> c[0]).sum();
        }

        String table() {
            StringBuilder out = new StringBuilder(String.format("%-20s %8s %6s %7s%n", "technique", "flagged", "total", "recall"));
            byTechnique.forEach((t, c) -> out.append(String.format("%-20s %8d %6d %6.1f%%%n", t, c[0], c[1], 100.0 * c[0] / c[1])));
            out.append(String.format("%-20s %8d %6d %6.1f%%%n", "all", flagged(), total(), 100.0 * flagged() / total()));
            out.append(String.format("generated lookalikes that are real, listed domains (left out): %d%n", onBenignLists));
            out.append(String.format("benign near-brand domains: %d checked, %d false alarms, %d kept quiet only by the"
                    + " benign lists (detector alone would flag them)%n", benignChecked, falseAlarms.size(), guardedByLists));
            missed.forEach(m -> out.append("  missed: ").append(m).append('\n'));
            falseAlarms.forEach(m -> out.append("  FALSE ALARM: ").append(m).append('\n'));
            out.append(String.format("for information, Chrome UX Report top 1M sites named after a brand (scam and gambling"
                    + " sites among them, not a benign corpus): %d checked, %d flagged%n", cruxChecked, cruxFlagged.size()));
            cruxFlagged.forEach(m -> out.append("  crux flagged: ").append(m).append('\n'));
            return out.toString();
        }
    }

    static Figures measure() {
        Map<String, int[]> byTechnique = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        int onLists = 0;
        for (LookalikeCorpus.Sample s : LookalikeCorpus.generate()) {
            WebsiteNormalizer.Website site = WEBSITES.normalize(s.host()).orElseThrow(() -> new AssertionError(s.host()));
            if (BENIGN.domain(site.registrableDomain()).isPresent()) {
                onLists++;
                continue;
            }
            int[] counts = byTechnique.computeIfAbsent(s.technique(), t -> new int[2]);
            counts[1]++;
            Optional<LookalikeDetector.Lookalike> found = DETECTOR.detect(site.host(), site.registrableDomain());
            if (found.isPresent() && found.get().impersonates().contains(BRAND_NAMES.get(s.brand()))) {
                counts[0]++;
            } else {
                missed.add(s.technique() + " " + site.displayDomain() + " (" + site.host() + ") -> " + found);
            }
        }
        int checked = 0;
        int guarded = 0;
        int crux = 0;
        List<String> falseAlarms = new ArrayList<>();
        List<String> cruxFlagged = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] row : Samples.nearBrandDomains()) {
            Optional<WebsiteNormalizer.Website> site = WEBSITES.normalize(row[0]);
            // sites, not host names: an entry that is a registrable domain by the ICANN section (9to5google.com),
            // not a CDN customer's host name (apple.com.akadns.net, amazon.map.fastly.net) no victim is sent to
            if (site.isEmpty() || !row[0].equals(EffectiveTldFinder.getAssignedDomain(row[0], true, true))
                    || BRANDS.ownerOfDomain(site.get().registrableDomain()).isPresent()
                    || !seen.add((row[1].equals(CRUX) ? "crux " : "") + site.get().registrableDomain())) {
                continue;
            }
            Optional<LookalikeDetector.Lookalike> alone = DETECTOR.detect(site.get().host(), site.get().registrableDomain());
            boolean listed = BENIGN.domain(site.get().registrableDomain()).isPresent();
            if (row[1].equals(CRUX)) {
                crux++;
                if (alone.isPresent() && !listed) {
                    cruxFlagged.add(row[0] + " " + alone.get().technique());
                }
                continue;
            }
            checked++;
            if (listed) {
                guarded += alone.isPresent() ? 1 : 0;
            } else if (alone.isPresent()) {
                falseAlarms.add(row[0] + " (" + row[1] + ") -> " + alone.get());
            }
        }
        return new Figures(byTechnique, missed, onLists, checked, falseAlarms, guarded, crux, cruxFlagged);
    }

    @Test
    void atLeast95PercentOfGeneratedLookalikesAreFlaggedWithTheirBrandAndNoPopularDomainIs() {
        Figures figures = measure();
        System.out.println(figures.table());

        assertThat(figures.total()).isGreaterThan(500);
        assertThat(figures.flagged()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * figures.total()));
        assertThat(figures.benignChecked()).isGreaterThan(40);
        assertThat(figures.falseAlarms()).isEmpty();
    }

    public static void main(String[] args) {
        System.out.println(measure().table());
    }

    /** The near-brand corpus the refresh script writes. */
    static final class Samples {
        static List<String[]> nearBrandDomains() {
            List<String[]> rows = new ArrayList<>();
            try (var in = LookalikeCorpusTest.class.getResourceAsStream("/lookalike/near-brand-domains.txt");
                 var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        rows.add(line.split("\t"));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return rows;
        }
    }
}
