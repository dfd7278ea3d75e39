package io.scamsignal.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.indicator.WebsiteNormalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookalikeDetectorTest {

    private final LookalikeDetector detector = new LookalikeDetector(BrandRegistry.defaults(), Confusables.load());
    private final WebsiteNormalizer websites = new WebsiteNormalizer();

    private Optional<LookalikeDetector.Lookalike> detect(String input) {
        WebsiteNormalizer.Website site = websites.normalize(input).orElseThrow();
        return detector.detect(site.host(), site.registrableDomain());
    }

    @ParameterizedTest
    @CsvSource({
            "micr0soft-support.com, Microsoft, homoglyph",
            "www.g00gle-help.net, Google, homoglyph",
            "arnazon-refund.com, Amazon, homoglyph",
            "rnicrosoftsupport.com, Microsoft, homoglyph",
            "paypall-login.com, PayPal, typosquat",
            "mcafe-renewal.com, McAfee, typosquat",
            "windows-helpdesk.com, Microsoft, brand_in_name",
            "norton-renewals.info, Norton, brand_in_name",
            "icloud.account-verify.com, Apple, brand_in_subdomain"})
    void lookalikesOfProtectedBrandsAreRecognised(String input, String brand, String technique) {
        assertThat(detect(input)).hasValueSatisfying(l -> {
            assertThat(l.impersonates()).contains(brand);
            assertThat(l.technique()).isEqualTo(technique);
        });
    }

    @ParameterizedTest
    @CsvSource({"example.com", "officedepot.com", "applebees.com", "primeministers.gov.uk", "windowsandsiding.com",
            "nortonville.org", "pineapple.com", "wwnorton.com", "9to5google.com", "rappler.com", "applied.com"})
    void ordinaryDomainsAreNotLookalikes(String input) {
        // a short name inside a longer word counts only beside words scammers add (applebees and
        // nortonville are not brand_in_name)
        assertThat(detect(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "àmazon-refund.com, Amazon, homoglyph",
            "ạmaz0n.net, Amazon, homoglyph",
            "gŏŏgle-help.de, Google, homoglyph",
            "mcąfee.es, McAfee, homoglyph",
            "paypał-secure.com, PayPal, homoglyph",
            "micro-soft.com, Microsoft, brand_in_name",
            "pay-pal.com, PayPal, brand_in_name",
            "micro.soft-support.com, Microsoft, brand_in_name",
            "paypa.l-secure.net, PayPal, brand_in_name",
            "amazonrefund.com, Amazon, brand_in_name",
            "wwwapplecom.net, Apple, brand_in_name",
            "applesupport24.com, Apple, brand_in_name",
            "appel.com, Apple, typosquat",
            "nortn-renew.com, Norton, typosquat",
            "gooogle.co.uk, Google, typosquat",
            "mircosoftsupport.com, Microsoft, typosquat",
            "securemicrosoft.com, Microsoft, brand_in_name"})
    void hyphenatedDottedAndMisspelledLookalikesAreRecognised(String input, String brand, String technique) {
        assertThat(detect(input)).hasValueSatisfying(l -> {
            assertThat(l.impersonates()).contains(brand);
            assertThat(l.technique()).isEqualTo(technique);
        });
    }

    @org.junit.jupiter.api.Test
    void foldingRemovesDiacriticsUndecomposedLettersConfusablesAndDigits() {
        assertThat(detector.fold("ạmäżón")).isEqualTo("amazon");
        assertThat(detector.fold("paypał")).isEqualTo("paypal");
        assertThat(detector.fold("gøøgle")).isEqualTo("google");
        assertThat(detector.fold("rnicr0s0ft")).isEqualTo("microsoft");
        assertThat(detector.fold("n0rt0n")).isEqualTo("norton");
        assertThat(detector.fold("аррlе")).isEqualTo("apple");
    }

    @Test
    void editDistanceCountsATranspositionAsOne() {
        assertThat(LookalikeDetector.editDistance("mircosoft", "microsoft")).isEqualTo(1);
        assertThat(LookalikeDetector.editDistance("amazon", "amazon")).isZero();
        assertThat(LookalikeDetector.editDistance("amzaon", "amazon")).isEqualTo(1);
    }
}
