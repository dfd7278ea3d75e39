package io.scamsignal.domain.brand;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The protected brands and the allow-list of their own domains and support numbers. */
public final class BrandRegistry {

    private static final String DEFAULT_RESOURCE = "/io/scamsignal/domain/brand/brands.json";
    private final List<Brand> brands;

    public BrandRegistry(List<Brand> brands) {
        this.brands = List.copyOf(brands);
    }

    public static BrandRegistry defaults() {
        try (InputStream in = BrandRegistry.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return fromJson(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled brand registry", e);
        }
    }

    /** A registry from a file of the same shape as the bundled brands.json. */
    public static BrandRegistry load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the brand registry " + file, e);
        }
    }

    static BrandRegistry fromJson(JsonNode root) {
        List<Brand> brands = new ArrayList<>();
        for (JsonNode b : root.path("brands")) {
            brands.add(new Brand(b.path("name").asText(), strings(b.path("names")), strings(b.path("productKeywords")),
                    Set.copyOf(strings(b.path("officialDomains"))), Set.copyOf(strings(b.path("officialPhones")))));
        }
        return new BrandRegistry(brands);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText().toLowerCase(Locale.ROOT)));
        return values;
    }

    public List<Brand> brands() {
        return brands;
    }

    /**
     * The protected brand that a free-text company name ("Amazon Prime", "microsoft support") refers
     * to, by whole words; empty when none does.
     */
    public Optional<String> canonicalBrand(String companyText) {
        if (companyText == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(companyText, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>(List.of(folded.split("[^\\p{L}\\p{N}]+")));
        for (Brand brand : brands) {
            if (brand.names().stream().anyMatch(words::contains)
                    || brand.productKeywords().stream().anyMatch(words::contains)) {
                return Optional.of(brand.name());
            }
        }
        return Optional.empty();
    }

    public Optional<Brand> ownerOfDomain(String registrableDomain) {
        return brands.stream().filter(b -> b.officialDomains().contains(registrableDomain)).findFirst();
    }

    public Optional<Brand> ownerOfPhone(String e164) {
        return brands.stream().filter(b -> b.officialPhones().contains(e164)).findFirst();
    }
}
