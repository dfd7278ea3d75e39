package io.scamsignal.domain.benign;

import crawlercommons.domains.EffectiveTldFinder;
import io.scamsignal.domain.Lazy;
import io.scamsignal.domain.brand.Brand;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.Confusables;
import io.scamsignal.domain.brand.DomainListFile;
import io.scamsignal.domain.brand.LookalikeDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Is an indicator legitimate infrastructure rather than a scammer's? A brand's own domains and
 * numbers (the brand registry), then the vendored benign lists (MISP warninglists and the short
 * hand-curated files under {@code io/scamsignal/domain/benign/}, each described in its header and
 * in {@code lists.json}), with operators' {@link BenignOverrides} consulted before both.
 * <p>
 * A match names the list it came from. Domains are matched on their registrable domain only, never
 * as a suffix: a tenant of a shared host ({@code x.github.io}) is its own registrable domain by the
 * public suffix list and so never inherits its platform's good name. After the named lists, a domain
 * among Tranco's million most popular ({@link PopularDomains}) is benign, except one that the
 * {@link LookalikeDetector} flags: the million is held as 44-bit fingerprints, which anyone can
 * collide with a name of their choosing, so a lookalike is popular only when its name is on the
 * plain-text list of the million's lookalikes ({@code popular-lookalikes.txt}, see
 * {@link #popular(Predicate, Predicate, Supplier)}). A benign
 * domain's pages are benign too, except on a {@linkplain UserContentHosts user-content host}; a
 * search engine's result page ({@code search-engines.tsv}) is benign whatever its query.
 */
public final class BenignIndicators {

    public static final String BRAND_REGISTRY = "brand-registry";
    public static final String OPERATOR = "operator";
    private static final String DIR = "/io/scamsignal/domain/benign/";
    /** In order of precedence: a domain in several lists is reported under the first. */
    static final List<String> DOMAIN_LISTS = List.of("curated-domains", "bank-website", "rmm-vendors", "url-shortener",
            "link-in-bio");
    static final List<String> USER_CONTENT_LISTS = List.of("url-shortener", "link-in-bio");
    /** Host lists: each entry's registrable domain is listed (the catalogue names sites, not domains). */
    static final List<String> HOST_LISTS = List.of("rmm-vendors");
    static final String PHONE_LIST = "curated-phones";
    public static final String POPULAR = "tranco1m";
    /** The popular list's names the lookalike detector flags, in plain text (tools/refresh_benign_lists.py). */
    public static final String POPULAR_LOOKALIKES_FILE = "popular-lookalikes.txt";
    public static final String SEARCH_ENGINE = "search-engine";

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
    private final UserContentHosts searchPages;
    private final Predicate<String> popular;
    private final BenignOverrides overrides;

    /**
     * @param popular         whether a registrable domain is among the most popular (checked after the named lists)
     * @param searchPatterns  search engines' result pages, patterns as {@link UserContentHosts} reads them
     */
    public BenignIndicators(BrandRegistry brands, Map<String, String> listByDomain, Map<String, String> listByPhone,
                            List<String> userContentPatterns, Predicate<String> popular, List<String> searchPatterns,
                            BenignOverrides overrides) {
        this.brands = brands;
        this.domains = Map.copyOf(listByDomain);
        this.phones = Map.copyOf(listByPhone);
        List<String> patterns = new ArrayList<>(userContentPatterns);
        brands.brands().forEach(b -> patterns.addAll(b.userContentHosts()));
        this.userContent = new UserContentHosts(patterns);
        this.searchPages = new UserContentHosts(searchPatterns);
        this.popular = popular;
        this.overrides = overrides;
    }

    /**
     * The bundled lists, read once per container: some 3,500 named entries, and the popular
     * domains' fingerprints and their lookalikes' names when the first domain is looked up (the
     * lookalike detector built when a fingerprint first matches).
     */
    public static BenignIndicators standard(BrandRegistry brands, BenignOverrides overrides) {
        return standard(brands, overrides, Lazy.of(() -> new LookalikeDetector(brands, Confusables.load())));
    }

    /** As {@link #standard(BrandRegistry, BenignOverrides)}, with the lookalike detector the caller uses. */
    public static BenignIndicators standard(BrandRegistry brands, BenignOverrides overrides,
                                            Supplier<LookalikeDetector> lookalikes) {
        return new BenignIndicators(brands, Bundled.DOMAINS, Bundled.PHONES, Bundled.USER_CONTENT,
                popular(domain -> Popular.DOMAINS.contains(domain), domain -> Popular.LOOKALIKES.contains(domain), lookalikes),
                Bundled.SEARCH_PAGES, overrides);
    }

    /**
     * Whether a registrable domain counts as popular: its fingerprint is on the list and, if the
     * detector takes it for a lookalike of a brand, its name is on {@code popularLookalikes} (exact
     * match). A fingerprint vouches only for domains that imitate no brand: a name found by
     * searching for a collision ({@code micros0ft-support-….com}) is still judged a lookalike.
     *
     * @param fingerprints      the popular list as fingerprints ({@link PopularDomains#contains})
     * @param popularLookalikes whether a name is on the plain-text list of the popular names the detector flags
     */
    public static Predicate<String> popular(Predicate<String> fingerprints, Predicate<String> popularLookalikes,
                                            Supplier<LookalikeDetector> lookalikes) {
        return domain -> fingerprints.test(domain)
                && (popularLookalikes.test(domain) || lookalikes.get().detect(domain, domain).isEmpty());
    }

    private static final class Popular {
        static final PopularDomains DOMAINS = PopularDomains.read(DIR + "popular-domains.bin");
        static final Set<String> LOOKALIKES = Set.copyOf(DomainListFile.read(DIR + POPULAR_LOOKALIKES_FILE));
    }

    /** The bundled plain-text list of the popular domains the lookalike detector flags. */
    public static Set<String> popularLookalikes() {
        return Popular.LOOKALIKES;
    }

    private static final class Bundled {
        static final Map<String, String> DOMAINS = new HashMap<>(16_384);
        static final Map<String, String> PHONES = new HashMap<>();
        static final List<String> USER_CONTENT = new ArrayList<>();
        static final List<String> SEARCH_PAGES = new ArrayList<>();

        static {
            for (String list : DOMAIN_LISTS) {
                // MISP lists are plain .txt; the curated and catalogue ones are .tsv with a source beside each entry
                boolean tsv = list.startsWith("curated") || HOST_LISTS.contains(list);
                for (String entry : DomainListFile.read(DIR + list + (tsv ? ".tsv" : ".txt"))) {
                    String domain = HOST_LISTS.contains(list) ? registrable(entry) : entry;
                    if (domain != null) {
                        DOMAINS.putIfAbsent(domain, list);
                    }
                }
            }
            List<String> google = DomainListFile.read(DIR + "google.txt").stream()
                    .filter(d -> d.startsWith("google.")).toList();
            for (String pattern : DomainListFile.read(DIR + "search-engines.tsv")) {
                if (pattern.startsWith("www.google.*/")) {
                    String path = pattern.substring("www.google.*".length());
                    google.forEach(d -> SEARCH_PAGES.addAll(List.of("www." + d + path, d + path)));
                } else {
                    SEARCH_PAGES.add(pattern);
                }
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

    /** A host's registrable domain (private suffixes included), or null for a host that is itself a suffix. */
    private static String registrable(String host) {
        try {
            return EffectiveTldFinder.getAssignedDomain(host, true, false);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A registrable domain's benign list, operators' overrides first, the popular domains last. */
    public Optional<Match> domain(String registrableDomain) {
        return overridden("domain#" + registrableDomain).orElseGet(() -> {
            Optional<Brand> owner = brands.ownerOfDomain(registrableDomain);
            if (owner.isPresent()) {
                return Optional.of(new Match(BRAND_REGISTRY, owner.get().name()));
            }
            String list = domains.get(registrableDomain);
            if (list != null) {
                return Optional.of(Match.of(list));
            }
            return popular.test(registrableDomain) ? Optional.of(Match.of(POPULAR)) : Optional.empty();
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
     * A page's benign list: its own override, else a search engine's result page whatever the query,
     * else its domain's verdict unless the host is a user-content host (then the page is anyone's,
     * and only an override makes it benign).
     */
    public Optional<Match> page(String url, String asciiHost, String registrableDomain, String pathAndQuery) {
        Optional<Optional<Match>> own = overridden("url#" + url);
        if (own.isPresent()) {
            return own.get();
        }
        if (searchPages.match(asciiHost, pathAndQuery).isPresent()) {
            return Optional.of(Match.of(SEARCH_ENGINE));
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
