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
            "nortonville.org", "pineapple.com", "wwnorton.com", "9to5google.com", "rappler.com", "applied.com",
            "appid.com", "wonton.food", "mouton.sk", "mormon.org", "amador.com", "nirsoft.net", "neurosoft.gr"})
    void ordinaryDomainsAreNotLookalikes(String input) {
        // a short name inside a longer word counts only beside words scammers add (applebees and
        // nortonville are not brand_in_name); an edit and a look-alike are too many for a short name
        // (appid: l as i and d for e; wonton: w for n and n as r)
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
            "securemicrosoft.com, Microsoft, brand_in_name",
            "annazon.com, Amazon, typosquat",
            "qoogie.com, Google, typosquat",
            "mcafcc.com, McAfee, typosquat",
            "nnlcrosoft.com, Microsoft, typosquat",
            "amazeson.com, Amazon, typosquat",
            "nortson.com, Norton, typosquat",
            "ԍооԍӏе.com, Google, homoglyph",
            "noɾƫon.com, Norton, homoglyph",
            "ʀnicrosoft.net, Microsoft, homoglyph"})
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
        // Latin variants by their Unicode names, before the skeleton and after it (Komi ԍ's prototype is ɢ)
        assertThat(detector.fold("noɾƫon")).isEqualTo("norton");
        assertThat(detector.fold("ԍооԍӏе")).isEqualTo("google");
        assertThat(detector.fold("ᴍcaƈee")).isEqualTo("mcacee");
    }

    @Test
    void glyphDistanceCountsAnEditOrATranspositionTwoAndAnAsciiLookAlikeOne() {
        assertThat(LookalikeDetector.glyphDistance("amazon", "amazon")).isZero();
        assertThat(LookalikeDetector.glyphDistance("amzaon", "amazon")).isEqualTo(2);
        assertThat(LookalikeDetector.glyphDistance("mircosoft", "microsoft")).isEqualTo(2);
        assertThat(LookalikeDetector.glyphDistance("anazon", "amazon")).isEqualTo(1);   // n for m
        assertThat(LookalikeDetector.glyphDistance("annazon", "amazon")).isEqualTo(1);  // nn for m
        assertThat(LookalikeDetector.glyphDistance("qoogie", "google")).isEqualTo(2);   // q for g, i for l
        assertThat(LookalikeDetector.glyphDistance("appid", "apple")).isEqualTo(3);     // i for l, then an edit
        assertThat(LookalikeDetector.glyphDistance("amazonxyz", "amazon")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aPluralEsGoesAfterAnSXOrZ() {
        assertThat(LookalikeDetector.pluralInside("amazeson", "amazon")).isTrue();
        assertThat(LookalikeDetector.pluralInside("microsesoft", "microsoft")).isTrue();
        assertThat(LookalikeDetector.pluralInside("amesazon", "amazon")).isFalse();
        assertThat(LookalikeDetector.pluralInside("amazonxx", "amazon")).isFalse();
    }
}
