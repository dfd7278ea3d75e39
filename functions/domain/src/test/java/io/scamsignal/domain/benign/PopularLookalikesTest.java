package io.scamsignal.domain.benign;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.Confusables;
import io.scamsignal.domain.brand.LookalikeDetector;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The popular list's fingerprints vouch for no lookalike: only the plain-text names do. */
class PopularLookalikesTest {

    /**
     * A real collision, found once offline (2^23.0 SHA-256 evaluations, 19 s of Python): the top 44
     * bits of SHA-256 of this name equal those of lookupsearchers.com, which is in Tranco's million.
     */
    static final String FORGED = "micros0ft-support-8383765.com";
    static final String COLLIDES_WITH = "lookupsearchers.com";

    private static final BrandRegistry BRANDS = BrandRegistry.defaults();
    private static final LookalikeDetector DETECTOR = new LookalikeDetector(BRANDS, Confusables.load());
    private static final PopularDomains FINGERPRINTS = PopularDomains.read("/io/scamsignal/domain/benign/popular-domains.bin");
    private final BenignIndicators benign = BenignIndicators.standard(BRANDS, BenignOverrides.none());

    @Test
    void aForgedFingerprintCollisionIsStillALookalikeOfMicrosoft() {
        // the collision is real: the fingerprint list alone takes the scammer's name for popular
        assertThat(FINGERPRINTS.contains(FORGED)).isTrue();
        assertThat(PopularDomains.fingerprint(FORGED) >>> 20).isEqualTo(PopularDomains.fingerprint(COLLIDES_WITH) >>> 20);
        assertThat(BenignIndicators.popularLookalikes()).doesNotContain(FORGED);

        assertThat(benign.domain(FORGED)).isEmpty();
        assertThat(benign.page("https://" + FORGED + "/help", FORGED, FORGED, "/help")).isEmpty();
        // the name it collides with imitates no brand: its fingerprint still makes it popular
        assertThat(benign.domain(COLLIDES_WITH)).get().extracting(BenignIndicators.Match::list)
                .isEqualTo(BenignIndicators.POPULAR);

        List<Indicator> indicators = IndicatorExtractor.standard(BRANDS).extract(new StoredReport(1, "r-1",
                Instant.parse("2026-12-06T10:00:00Z"), ContactMethod.POPUP, "Microsoft", LocalDate.parse("2026-12-05"), "US",
                new Scammer(List.of(), List.of("https://www." + FORGED + "/help"), List.of(), List.of(), List.of()),
                Loss.none(), null, "fingerprint"));
        Indicator domain = indicators.stream().filter(i -> i.type() == IndicatorType.DOMAIN).findFirst().orElseThrow();
        assertThat(domain.value()).isEqualTo(FORGED);
        assertThat(domain.allowListed()).isFalse();
        assertThat(domain.benignList()).isEmpty();
        assertThat(domain.enrichment()).containsEntry("impersonates", List.of("Microsoft"));
        assertThat(indicators).filteredOn(i -> i.type() == IndicatorType.URL).singleElement()
                .satisfies(url -> assertThat(url.allowListed()).isFalse());
    }

    @Test
    void everyPlainTextNameIsFlaggedByTheDetectorOnTheFingerprintListAndBenign() {
        Set<String> names = BenignIndicators.popularLookalikes();
        assertThat(names).hasSizeGreaterThan(1000).contains("google.com.bo", "youtube.co.uk", "micosoft.com", "amzon.com");
        // what the generator keeps of the vendored names is all of them
        assertThat(PopularLookalikesGenerator.flagged(List.copyOf(names))).containsExactlyInAnyOrderElementsOf(names);
        for (String name : names) {
            assertThat(DETECTOR.detect(name, name)).as(name).isPresent();
            assertThat(FINGERPRINTS.contains(name)).as(name).isTrue();
            assertThat(benign.domain(name)).as(name).isPresent();
        }
    }

    @Test
    void aLookalikeIsPopularOnlyByNameAnyOtherDomainByFingerprint() {
        Predicate<String> all = d -> true;
        Predicate<String> none = d -> false;
        Predicate<String> popular = BenignIndicators.popular(all, Set.of("micosoft.com")::contains, () -> DETECTOR);
        assertThat(popular.test("micosoft.com")).isTrue();
        assertThat(popular.test("rnicrosoft-support.com")).isFalse();
        assertThat(popular.test("example-bakery.com")).isTrue();
        // the name alone is not enough: the fingerprint list must hold it too
        assertThat(BenignIndicators.popular(none, Set.of("micosoft.com")::contains, () -> DETECTOR).test("micosoft.com"))
                .isFalse();
    }
}
