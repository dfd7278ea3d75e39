package io.scamsignal.domain.brand;

import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Does a domain imitate a protected brand? Looks at the registrable domain's own label and at the
 * subdomain labels, token by token (split on hyphens):
 * <ul>
 *   <li>{@code homoglyph}: a token that looks like a brand keyword (same UTS #39 skeleton, case
 *   folded) without being it: rnicrosoft, paypa1, аmazon with a Cyrillic а;</li>
 *   <li>{@code typosquat}: one edit (two for long names) from a brand name, transpositions
 *   included: mircosoft;</li>
 *   <li>{@code brand_in_name}: the brand itself in the registrable domain: amazon-prime-refund.co.uk;</li>
 *   <li>{@code brand_in_subdomain}: the brand in a subdomain of someone else's domain:
 *   amazon.com.secure-login.xyz.</li>
 * </ul>
 * A brand's own registrable domains are never looked at (the caller allow-lists them).
 */
public final class LookalikeDetector {

    public record Lookalike(List<String> impersonates, String technique) {
    }

    private static final List<String> PRECEDENCE = List.of("homoglyph", "typosquat", "brand_in_name",
            "brand_in_subdomain");
    private static final int MIN_KEYWORD = 4;
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[-_]+");
    private static final int MIN_TYPO_NAME = 6;

    private final BrandRegistry brands;
    private final Confusables confusables;
    /** Keywords' folded skeletons, computed once: detection runs for every domain of every report. */
    private final Map<String, String> foldedKeywords = new HashMap<>();
    private final Map<String, List<String>> keywordsByBrand = new ConcurrentHashMap<>();

    public LookalikeDetector(BrandRegistry brands, Confusables confusables) {
        this.brands = brands;
        this.confusables = confusables;
        for (Brand brand : brands.brands()) {
            keywords(brand).forEach(k -> foldedKeywords.put(k, fold(k)));
        }
    }

    /** A token of a label, with its folded skeleton computed once for all brands. */
    private record Token(String text, String folded) {
    }

    /** @param asciiHost lower-case ASCII host; @param registrableDomain its registrable domain */
    public Optional<Lookalike> detect(String asciiHost, String registrableDomain) {
        List<Token> ownTokens = tokens(unicode(registrableDomain.substring(0, registrableDomain.indexOf('.'))));
        List<List<Token>> subdomainTokens = new ArrayList<>();
        if (asciiHost.length() > registrableDomain.length()) {
            for (String label : asciiHost.substring(0, asciiHost.length() - registrableDomain.length() - 1).split("\\.")) {
                subdomainTokens.add(tokens(unicode(label)));
            }
        }
        record Finding(String brand, String technique) {
        }
        List<Finding> findings = new ArrayList<>();
        for (Brand brand : brands.brands()) {
            best(brand, ownTokens).ifPresent(t -> findings.add(new Finding(brand.name(), t)));
            for (List<Token> label : subdomainTokens) {
                if (best(brand, label).isPresent()) {
                    findings.add(new Finding(brand.name(), "brand_in_subdomain"));
                }
            }
        }
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        findings.sort(Comparator.comparingInt(f -> PRECEDENCE.indexOf(f.technique())));
        Set<String> impersonated = new LinkedHashSet<>();
        findings.forEach(f -> impersonated.add(f.brand()));
        return Optional.of(new Lookalike(List.copyOf(impersonated), findings.get(0).technique()));
    }

    /** The strongest technique by which any of the tokens imitates the brand. */
    private Optional<String> best(Brand brand, List<Token> tokens) {
        String best = null;
        for (Token token : tokens) {
            for (String keyword : keywords(brand)) {
                for (String technique : techniques(token.text(), token.folded(), keyword, brand.names().contains(keyword))) {
                    if (best == null || PRECEDENCE.indexOf(technique) < PRECEDENCE.indexOf(best)) {
                        best = technique;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every technique by which {@code token} imitates {@code keyword}; names are matched more widely than products. */
    private List<String> techniques(String token, String foldedToken, String keyword, boolean brandName) {
        List<String> found = new ArrayList<>();
        boolean literal = token.equals(keyword) || (brandName && token.contains(keyword));
        if (literal) {
            found.add("brand_in_name");
        }
        if (!token.contains(keyword) && keyword.length() >= MIN_KEYWORD && foldedToken.contains(foldedKeywords.get(keyword))) {
            found.add("homoglyph");
        }
        if (brandName && !token.equals(keyword) && keyword.length() >= MIN_TYPO_NAME
                && editDistance(token, keyword) <= (keyword.length() >= 9 ? 2 : 1)) {
            found.add("typosquat");
        }
        return found;
    }

    private List<String> keywords(Brand brand) {
        return keywordsByBrand.computeIfAbsent(brand.name(), name -> {
            List<String> all = new ArrayList<>(brand.names());
            all.addAll(brand.productKeywords());
            return List.copyOf(all);
        });
    }

    private List<Token> tokens(String label) {
        List<Token> tokens = new ArrayList<>();
        for (String token : TOKEN_SEPARATORS.split(label)) {
            if (!token.isEmpty()) {
                tokens.add(new Token(token, fold(token)));
            }
        }
        return tokens;
    }

    /** The case-folded skeleton: 0 and O, 1, I and l, rn and m all fold to one shape. */
    String fold(String text) {
        return confusables.skeleton(text.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
    }

    private static String unicode(String ascii) {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
    static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
