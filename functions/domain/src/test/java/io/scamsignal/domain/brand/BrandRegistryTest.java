package io.scamsignal.domain.brand;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.UsdRates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandRegistryTest {

    private final BrandRegistry brands = BrandRegistry.defaults();

    @Test
    void theDefaultRegistryProtectsTheBrandsScammersImitateMost() {
        assertThat(brands.brands()).extracting(Brand::name)
                .contains("Microsoft", "Amazon", "Apple", "PayPal", "Norton", "McAfee", "Google");
    }

    @Test
    void freeTextCompanyNamesMapToBrandsByWholeWords() {
        assertThat(brands.canonicalBrand("Amazon Prime")).contains("Amazon");
        assertThat(brands.canonicalBrand("microsoft windows support")).contains("Microsoft");
        assertThat(brands.canonicalBrand("iCloud team")).contains("Apple");
        assertThat(brands.canonicalBrand("Pineapple Ltd")).isEmpty();
        assertThat(brands.canonicalBrand(null)).isEmpty();
    }

    @Test
    void theAllowListIsKeyedOnRegistrableDomainsAndNumbersNotSubstrings() {
        assertThat(brands.ownerOfDomain("microsoft.com")).get().extracting(Brand::name).isEqualTo("Microsoft");
        assertThat(brands.ownerOfDomain("microsoft.com.evil.xyz")).isEmpty();
        assertThat(brands.ownerOfDomain("notmicrosoft.com")).isEmpty();
        assertThat(brands.ownerOfPhone("+18882804331")).get().extracting(Brand::name).isEqualTo("Amazon");
    }

    @Test
    void aRegistryFileReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("brands.json");
        Files.writeString(file, """
                {"brands": [{"name": "Contoso", "names": ["contoso"], "productKeywords": ["contosocloud"],
                  "officialDomains": ["contoso.com"], "officialPhones": []}]}""");

        BrandRegistry custom = BrandRegistry.load(file);

        assertThat(custom.canonicalBrand("Contoso support")).contains("Contoso");
        assertThat(custom.canonicalBrand("Microsoft")).isEmpty();
    }

    @Test
    void theRateTableConvertsToUsdAndIsDated() throws Exception {
        UsdRates rates = UsdRates.load(new ByteArrayInputStream("asOf=2026-01-01\nEUR=1.10\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(rates.asOf()).isEqualTo("2026-01-01");
        assertThat(rates.toUsd(new java.math.BigDecimal("100"), "EUR")).get().isEqualTo(new java.math.BigDecimal("110.00"));
        assertThat(rates.toUsd(new java.math.BigDecimal("100"), "XYZ")).isEmpty();
        assertThat(UsdRates.defaults().toUsd(new java.math.BigDecimal("250.00"), "USD")).get()
                .isEqualTo(new java.math.BigDecimal("250.00"));
    }
}
