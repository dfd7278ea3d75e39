package io.scamsignal.domain.benign;

import io.scamsignal.domain.brand.Brand;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.DomainListFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Is an indicator legitimate infrastructure rather than a scammer's? A brand's own domains and
 * numbers (the brand registry), then the vendored benign lists (MISP warninglists and the short
 * hand-curated files under {@code io/scamsignal/domain/benign/}, each described in its header and
 * in {@code lists.json}), with operators' {@link BenignOverrides} consulted before both.
 * <p>
 * A match names the list it came from. Domains are matched on their registrable domain only, never
 * as a suffix: a tenant of a shared host ({@code x.github.io}) is its own registrable domain by the
 * public suffix list and so never inherits its platform's good name. A benign domain's pages are
 * benign too, except on a {@linkplain UserContentHosts user-content host}.
 */
public final class BenignIndicators {

    public static final String BRAND_REGISTRY = "brand-registry";
    public static final String OPERATOR = "operator";
    private static final String DIR = "/io/scamsignal/domain/benign/";
    /** In order of precedence: a domain in several lists is reported under the first. */
    static final List<String> DOMAIN_LISTS = List.of("curated-domains", "bank-website", "tranco10k", "url-shortener",
            "link-in-bio");
    static final List<String> USER_CONTENT_LISTS = List.of("url-shortener", "link-in-bio");
    static final String PHONE_LIST = "curated-phones";

    /** @param brand the brand whose own domain or number it is, or null */
    public record Match(String list, String brand) {
        public static Match of(String list) {
            return new Match(list, null);
        }
    }

    private final BrandRegistry brands;
    private final Map<String, String> domains;
    private final Map<String, String> phones;
    private final UserContentHosts userContent;
    private final BenignOverrides overrides;

    public BenignIndicators(BrandRegistry brands, Map<String, String> listByDomain, Map<String, String> listByPhone,
                            List<String> userContentPatterns, BenignOverrides overrides) {
        this.brands = brands;
        this.domains = Map.copyOf(listByDomain);
        this.phones = Map.copyOf(listByPhone);
        List<String> patterns = new ArrayList<>(userContentPatterns);
        brands.brands().forEach(b -> patterns.addAll(b.userContentHosts()));
        this.userContent = new UserContentHosts(patterns);
        this.overrides = overrides;
    }

    /** The bundled lists, read once per container (a few milliseconds; they are some 13,000 entries). */
    public static BenignIndicators standard(BrandRegistry brands, BenignOverrides overrides) {
        return new BenignIndicators(brands, Bundled.DOMAINS, Bundled.PHONES, Bundled.USER_CONTENT, overrides);
    }

    private static final class Bundled {
        static final Map<String, String> DOMAINS = new HashMap<>(16_384);
        static final Map<String, String> PHONES = new HashMap<>();
        static final List<String> USER_CONTENT = new ArrayList<>();

        static {
            for (String list : DOMAIN_LISTS) {
                // MISP lists are plain .txt; the hand-curated ones are .tsv with a source beside each entry
                String file = DIR + list + (list.startsWith("curated") ? ".tsv" : ".txt");
                DomainListFile.read(file).forEach(d -> DOMAINS.putIfAbsent(d, list));
            }
            DomainListFile.read(DIR + PHONE_LIST + ".tsv").forEach(p -> PHONES.putIfAbsent(p, PHONE_LIST));
            USER_CONTENT.addAll(DomainListFile.read(DIR + "user-content-hosts.tsv"));
            for (String list : USER_CONTENT_LISTS) {
                for (String host : DomainListFile.read(DIR + list + ".txt")) {
                    USER_CONTENT.add(host);
                    USER_CONTENT.add("*." + host);
                }
            }
        }
    }

    /** A registrable domain's benign list, operators' overrides first. */
    public Optional<Match> domain(String registrableDomain) {
        return overridden("domain#" + registrableDomain).orElseGet(() -> {
            Optional<Brand> owner = brands.ownerOfDomain(registrableDomain);
            if (owner.isPresent()) {
                return Optional.of(new Match(BRAND_REGISTRY, owner.get().name()));
            }
            return Optional.ofNullable(domains.get(registrableDomain)).map(Match::of);
        });
    }

    /** A phone number's (E.164) benign list, operators' overrides first. */
    public Optional<Match> phone(String e164) {
        return overridden("phone#" + e164).orElseGet(() -> {
            Optional<Brand> owner = brands.ownerOfPhone(e164);
            if (owner.isPresent()) {
                return Optional.of(new Match(BRAND_REGISTRY, owner.get().name()));
            }
            return Optional.ofNullable(phones.get(e164)).map(Match::of);
        });
    }

    /**
     * A page's benign list: its own override, else its domain's verdict unless the host is a
     * user-content host (then the page is anyone's, and only an override makes it benign).
     */
    public Optional<Match> page(String url, String asciiHost, String registrableDomain, String pathAndQuery) {
        Optional<Optional<Match>> own = overridden("url#" + url);
        if (own.isPresent()) {
            return own.get();
        }
        return userContent(asciiHost, pathAndQuery).isPresent() ? Optional.empty() : domain(registrableDomain);
    }

    public Optional<UserContentHosts.Match> userContent(String asciiHost, String pathAndQuery) {
        return userContent.match(asciiHost, pathAndQuery);
    }

    /** Empty when no override; else the override's verdict (a match, or explicitly none). */
    private Optional<Optional<Match>> overridden(String key) {
        return overrides.find(key).map(entry -> switch (entry) {
            case BenignOverrides.Benign b -> Optional.of(Match.of(OPERATOR));
            case BenignOverrides.NotBenign n -> Optional.<Match>empty();
        });
    }
}
