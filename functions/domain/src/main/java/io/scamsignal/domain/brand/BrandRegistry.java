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
            Set<String> domains = new HashSet<>(strings(b.path("officialDomains")));
            // a vendored MISP list of the brand's domains (benign/<list>.txt) completes the hand-kept ones
            for (String list : strings(b.path("officialDomainLists"))) {
                domains.addAll(DomainListFile.read("/io/scamsignal/domain/benign/" + list + ".txt"));
            }
            brands.add(new Brand(b.path("name").asText(), strings(b.path("names")), strings(b.path("productKeywords")),
                    domains, Set.copyOf(strings(b.path("officialPhones"))), strings(b.path("userContentHosts")),
                    b.path("distinctiveName").asBoolean(false)));
        }
        return new BrandRegistry(brands);
    }

    /** Lower-cased strings; an object entry ({"number": …, "source": …}) contributes its first field. */
    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add((v.isObject() ? v.elements().next() : v).asText().toLowerCase(Locale.ROOT)));
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

    /** The brand whose own domain this is: listed, or under a {@code *.suffix} the brand runs. */
    public Optional<Brand> ownerOfDomain(String registrableDomain) {
        for (Brand brand : brands) {
            if (brand.officialDomains().contains(registrableDomain)) {
                return Optional.of(brand);
            }
        }
        int dot = registrableDomain.indexOf('.');
        while (dot >= 0) {
            String wildcard = "*" + registrableDomain.substring(dot);
            for (Brand brand : brands) {
                if (brand.officialDomains().contains(wildcard)) {
                    return Optional.of(brand);
                }
            }
            dot = registrableDomain.indexOf('.', dot + 1);
        }
        return Optional.empty();
    }

    public Optional<Brand> ownerOfPhone(String e164) {
        return brands.stream().filter(b -> b.officialPhones().contains(e164)).findFirst();
    }
}
