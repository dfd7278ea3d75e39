package io.scamsignal.domain.brand;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Does a domain imitate a protected brand? Every label of the host before its public suffix is
 * compared with the brands' keywords in a <em>folded</em> form: lower case, diacritics removed
 * (NFD without combining marks, plus the letters that do not decompose: ł, ø, đ, ı, ß, …, and
 * those Unicode names as a variant of one letter: ɾ, ʀ, ƈ, ɢ), UTS #39 confusable skeletons
 * (Cyrillic а, digit 0 and 1), digits that stand for letters (3→e, 4→a, 5→s, 7→t, 9→g) and rn→m.
 * Each label is read token by token (split on hyphens), as a whole with its hyphens dropped
 * ({@code micro-soft}), and all labels are read joined ({@code micro.soft-support}):
 * <ul>
 *   <li>{@code homoglyph}: the folded form holds a keyword the literal text does not: rnicrosoft,
 *   paypa1, аmazon with a Cyrillic а, àmazon, ạmaz0n;</li>
 *   <li>{@code typosquat}: a token one edit (two for names of nine letters or more; transpositions
 *   count one; an ASCII look-alike, c for e or nn for m, half of one; a plural's es after an s, x
 *   or z one) from a brand name, compared folded: mircosoft, amzon, appel, gooogle, annazon, qoogie,
 *   amazeson; inside a longer token only for names of seven letters or more, one edit, so that
 *   five- and six-letter names do not match ordinary words (applied, ample);</li>
 *   <li>{@code brand_in_name}: the brand itself in the registrable domain, also when split by a
 *   hyphen or a dot: amazon-prime-refund.co.uk, micro-soft.com, micro.soft-support.com;</li>
 *   <li>{@code brand_in_subdomain}: the brand only in subdomains of someone else's domain:
 *   amazon.com.secure-login.xyz.</li>
 * </ul>
 * Inside a longer word, a {@linkplain Brand#distinctiveName() distinctive} name (microsoft, paypal,
 * mcafee) always counts; other names and product keywords only when what surrounds them splits
 * into words scammers add ({@link #SCAM_WORDS}, digits, a plural s): amazonrefund, applesupport,
 * wwwgooglecom, but not pineapple, applebees, rappler, wwnorton, 9to5google. A token that is the
 * name itself always counts (apple-pie-recipes.com is flagged {@code brand_in_name}): real sites of
 * that kind are kept from alerting by the benign lists, which the caller consults first (the
 * brand's own domains and popular sites are never looked at).
 */
public final class LookalikeDetector {

    public record Lookalike(List<String> impersonates, String technique) {
    }

    private static final List<String> PRECEDENCE = List.of("homoglyph", "typosquat", "brand_in_name",
            "brand_in_subdomain");
    private static final int MIN_KEYWORD = 4;
    private static final int MIN_TYPO_NAME = 5;
    private static final int MIN_TYPO_TOKEN = 4;
    /** Names at least this long are also looked for, one edit away, inside longer tokens. */
    private static final int MIN_FUZZY_INSIDE = 7;
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[-_]+");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    /** Latin letters that NFD does not decompose into a base letter and a mark. */
    private static final Map<Integer, String> UNDECOMPOSED = Map.ofEntries(
            Map.entry((int) 'ł', "l"), Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ŀ', "l"), Map.entry((int) 'ƚ', "l"),
            Map.entry((int) 'ɨ', "i"), Map.entry((int) 'ʉ', "u"), Map.entry((int) 'ƀ', "b"), Map.entry((int) 'ȼ', "c"),
            Map.entry((int) 'ɇ', "e"), Map.entry((int) 'ɍ', "r"), Map.entry((int) 'ɏ', "y"), Map.entry((int) 'ƶ', "z"),
            Map.entry((int) 'ȥ', "z"), Map.entry((int) 'ĸ', "k"), Map.entry((int) 'ŉ', "n"), Map.entry((int) 'ɠ', "g"),
            Map.entry((int) 'ƒ', "f"), Map.entry((int) 'ɑ', "a"), Map.entry((int) 'ɡ', "g"));
    /** Digits typed for the letters they resemble; 0 and 1 are already confusables (o, l). */
    private static final Map<Character, Character> LEET = Map.of('3', 'e', '4', 'a', '5', 's', '7', 't', '9', 'g',
            '8', 'b', '6', 'b');

    /** Words scammers put beside a brand's name in a host: the name inside a longer word counts only with these. */
    static final Set<String> SCAM_WORDS = Set.of(
            "support", "help", "helpdesk", "desk", "service", "services", "care", "customer", "customers", "login",
            "signin", "logon", "secure", "security", "verify", "verification", "account", "accounts", "billing",
            "bill", "refund", "refunds", "payment", "payments", "pay", "invoice", "order", "orders", "update",
            "updates", "renew", "renewal", "subscription", "team", "center", "centre", "online", "alert", "alerts",
            "warning", "error", "virus", "antivirus", "scan", "tech", "technical", "fix", "repair", "call",
            "contact", "phone", "number", "tollfree", "official", "store", "shop", "prime", "id", "cloud", "mail",
            "email", "live", "web", "www", "com", "net", "org", "us", "usa", "uk", "au", "ca", "de", "es", "my",
            "get", "now", "fast", "free", "info", "protect", "protection", "activate", "activation", "setup",
            "install", "download", "member", "check", "gift", "card", "cards", "deal", "deals", "offer", "prize",
            "reward", "rewards", "claim", "unlock", "locked", "blocked", "suspended", "recovery", "recover", "reset",
            "password", "auth", "sso", "portal", "access", "app", "apps", "device", "office", "pc", "mac",
            "computer", "chat", "agent", "hotline", "helpline", "dispute", "cancel", "cancellation", "assist",
            "assistance", "s", "global", "int", "intl", "pro", "plus", "notice", "notify", "message", "safe",
            "safety", "fraud", "scam", "block", "blocker", "shield", "guard", "defender", "firewall", "renewals",
            "help24", "desk24", "checkout", "wallet", "funds", "transfer", "bank", "sign");
    private static final int LONGEST_SCAM_WORD = SCAM_WORDS.stream().mapToInt(String::length).max().orElse(0);
    private final BrandRegistry brands;
    private final Confusables confusables;
    /** Keywords' folded forms, computed once: detection runs for every domain of every report. */
    private final Map<String, String> foldedKeywords = new HashMap<>();
    private final Map<String, List<String>> keywordsByBrand = new ConcurrentHashMap<>();
    private final Set<String> foldedScamWords = new HashSet<>();
    private final int longestFoldedScamWord;

    public LookalikeDetector(BrandRegistry brands, Confusables confusables) {
        this.brands = brands;
        this.confusables = confusables;
        for (Brand brand : brands.brands()) {
            keywords(brand).forEach(k -> foldedKeywords.put(k, fold(k)));
        }
        SCAM_WORDS.forEach(w -> foldedScamWords.add(fold(w)));
        longestFoldedScamWord = foldedScamWords.stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * A piece of the host, literal (Unicode, lower case) and folded, with where each form splits
     * into scam words, worked out at most once per form whichever brand or keyword asks.
     */
    private static final class Token {
        private final String text;
        private final String folded;
        private WordSplits literalSplits;
        private WordSplits foldedSplits;

        Token(String text, String folded) {
            this.text = text;
            this.folded = folded;
        }

        String text() {
            return text;
        }

        String folded() {
            return folded;
        }
    }

    private record Finding(String brand, String technique) {
    }

    /** @param asciiHost lower-case ASCII host; @param registrableDomain its registrable domain */
    public Optional<Lookalike> detect(String asciiHost, String registrableDomain) {
        int dot = registrableDomain.indexOf('.');
        if (dot < 0 || !asciiHost.endsWith(registrableDomain)) {
            return Optional.empty();
        }
        String beforeSuffix = asciiHost.substring(0, asciiHost.length() - registrableDomain.length() + dot);
        List<String> labels = new ArrayList<>();
        for (String label : beforeSuffix.split("\\.")) {
            if (!label.isEmpty()) {
                labels.add(unicode(label));
            }
        }
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        String own = labels.get(labels.size() - 1);
        List<String> subdomains = labels.subList(0, labels.size() - 1);
        List<Token> ownTokens = tokens(own);
        Token ownJoined = token(TOKEN_SEPARATORS.matcher(own).replaceAll(""));
        String subJoinedText = TOKEN_SEPARATORS.matcher(String.join("", subdomains)).replaceAll("");
        Token hostJoined = subdomains.isEmpty() ? null : token(subJoinedText + ownJoined.text());
        Token subJoined = subdomains.isEmpty() ? null : token(subJoinedText);

        // each subdomain label's tokens and hyphen-free form, folded once for all brands
        List<List<Token>> subTokens = new ArrayList<>();
        List<Token> subLabels = new ArrayList<>();
        for (String label : subdomains) {
            subTokens.add(tokens(label));
            subLabels.add(token(TOKEN_SEPARATORS.matcher(label).replaceAll("")));
        }
        List<Finding> findings = new ArrayList<>();
        for (Brand brand : brands.brands()) {
            best(brand, ownTokens, ownJoined, hostJoined, subJoined).ifPresent(t -> findings.add(new Finding(brand.name(), t)));
            for (int i = 0; i < subdomains.size(); i++) {
                if (best(brand, subTokens.get(i), subLabels.get(i), null, null).isPresent()) {
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

    /**
     * The strongest technique by which a label imitates the brand: token by token, the label with
     * its hyphens dropped, and (for the registrable label) the whole host joined, counted only
     * where the keyword reaches into the registrable label rather than lying in subdomains alone.
     */
    private Optional<String> best(Brand brand, List<Token> tokens, Token joinedLabel, Token joinedHost,
                                  Token subdomains) {
        String best = null;
        for (String keyword : keywords(brand)) {
            for (Token token : tokens) {
                best = stronger(best, techniques(token, keyword, brand));
            }
            if (tokens.size() > 1) {
                // one token is its label already
                best = stronger(best, techniques(joinedLabel, keyword, brand));
            }
            if (joinedHost != null && joinedHost.folded().length() > joinedLabel.folded().length()
                    && reachesIntoOwnLabel(joinedHost, keyword, subdomains)) {
                best = stronger(best, techniques(joinedHost, keyword, brand));
            }
        }
        return Optional.ofNullable(best);
    }

    /** The keyword's last occurrence in the joined host ends inside the registrable label. */
    private boolean reachesIntoOwnLabel(Token joinedHost, String keyword, Token subdomains) {
        String folded = foldedKeywords.get(keyword);
        int at = joinedHost.folded().lastIndexOf(folded);
        int literalAt = joinedHost.text().lastIndexOf(keyword);
        return (at >= 0 && at + folded.length() > subdomains.folded().length())
                || (literalAt >= 0 && literalAt + keyword.length() > subdomains.text().length());
    }

    private static String stronger(String best, List<String> found) {
        for (String technique : found) {
            if (best == null || PRECEDENCE.indexOf(technique) < PRECEDENCE.indexOf(best)) {
                best = technique;
            }
        }
        return best;
    }

    /**
     * Every technique by which {@code token} imitates {@code keyword}; names are matched more
     * widely than products, and by edit distance on the whole token or, for long names, inside it.
     */
    private List<String> techniques(Token token, String keyword, Brand brand) {
        List<String> found = new ArrayList<>();
        boolean brandName = brand.names().contains(keyword);
        boolean distinctive = brandName && brand.distinctiveName();
        String text = token.text();
        String folded = token.folded();
        String foldedKeyword = foldedKeywords.get(keyword);
        boolean literal = text.equals(keyword)
                || (brandName && text.contains(keyword) && (distinctive || amongScamWords(text, keyword, literalSplits(token))));
        if (literal) {
            found.add("brand_in_name");
        }
        if (!text.contains(keyword) && keyword.length() >= MIN_KEYWORD && folded.contains(foldedKeyword)
                && (distinctive || folded.equals(foldedKeyword) || amongScamWords(folded, foldedKeyword, foldedSplits(token)))) {
            found.add("homoglyph");
        }
        if (brandName && !folded.equals(foldedKeyword) && keyword.length() >= MIN_TYPO_NAME) {
            int allowed = keyword.length() >= 9 ? 2 : 1;
            // an edit costs 2, an ASCII look-alike in place of a letter (c for e, nn for m) 1: for names under
            // nine letters one edit or two look-alikes (annazon, qoogie), for longer ones twice that
            boolean whole = folded.length() >= MIN_TYPO_TOKEN
                    && (glyphDistance(folded, foldedKeyword) <= 2 * allowed || pluralInside(folded, foldedKeyword));
            boolean inside = keyword.length() >= MIN_FUZZY_INSIDE && !folded.contains(foldedKeyword)
                    && substringDistance(folded, foldedKeyword) <= 1;
            if (whole || inside) {
                found.add("typosquat");
            }
        }
        return found;
    }

    private WordSplits literalSplits(Token token) {
        if (token.literalSplits == null) {
            token.literalSplits = new WordSplits(token.text(), SCAM_WORDS, LONGEST_SCAM_WORD);
        }
        return token.literalSplits;
    }

    private WordSplits foldedSplits(Token token) {
        if (token.foldedSplits == null) {
            token.foldedSplits = new WordSplits(token.folded(), foldedScamWords, longestFoldedScamWord);
        }
        return token.foldedSplits;
    }

    /** Some occurrence of {@code keyword} in {@code text} has only scam words (or digits) before and after it. */
    private static boolean amongScamWords(String text, String keyword, WordSplits splits) {
        for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
            if (splits.prefixSplits(at) && splits.suffixSplits(at + keyword.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Word break over a set of words and runs of digits, for every prefix and every suffix of a
     * text at once: one pass each way, each position looking back (or ahead) no further than the
     * longest word, so the cost is linear in the text's length however many times a brand occurs.
     */
    static final class WordSplits {
        /** prefix[i]: text[0, i) splits into words; suffix[i]: text[i, n) does. */
        private final boolean[] prefix;
        private final boolean[] suffix;

        WordSplits(String text, Set<String> words, int longestWord) {
            int n = text.length();
            prefix = new boolean[n + 1];
            prefix[0] = true;
            // whether some position of the current run of digits, up to the one before end, is reachable
            boolean digitRunReachable = false;
            for (int end = 1; end <= n; end++) {
                boolean digit = Character.isDigit(text.charAt(end - 1));
                boolean runGoesOn = digit && end >= 2 && Character.isDigit(text.charAt(end - 2));
                digitRunReachable = digit && (prefix[end - 1] || (runGoesOn && digitRunReachable));
                boolean reachable = digitRunReachable;
                for (int start = end - 1; start >= Math.max(0, end - longestWord) && !reachable; start--) {
                    reachable = prefix[start] && words.contains(text.substring(start, end));
                }
                prefix[end] = reachable;
            }
            suffix = new boolean[n + 1];
            suffix[n] = true;
            digitRunReachable = false;
            for (int start = n - 1; start >= 0; start--) {
                boolean digit = Character.isDigit(text.charAt(start));
                boolean runGoesOn = digit && start + 1 < n && Character.isDigit(text.charAt(start + 1));
                digitRunReachable = digit && (suffix[start + 1] || (runGoesOn && digitRunReachable));
                boolean reachable = digitRunReachable;
                for (int end = start + 1; end <= Math.min(n, start + longestWord) && !reachable; end++) {
                    reachable = suffix[end] && words.contains(text.substring(start, end));
                }
                suffix[start] = reachable;
            }
        }

        boolean prefixSplits(int end) {
            return prefix[end];
        }

        boolean suffixSplits(int start) {
            return suffix[start];
        }
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
                tokens.add(token(token));
            }
        }
        return tokens;
    }

    private Token token(String text) {
        return new Token(text, fold(text));
    }

    /**
     * The folded form: lower case, diacritics and undecomposed letter variants to their base
     * letter (also those a UTS #39 prototype is, as ɢ for Komi ԍ), UTS #39 skeleton, look-alike
     * digits to letters, rn to m.
     */
    String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder base = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            String replacement = UNDECOMPOSED.get(cp);
            if (replacement != null) {
                base.append(replacement);
            } else {
                base.append(LatinVariants.TABLE.getOrDefault(cp, Character.toString(cp)));
            }
        });
        String stripped = stripMarks(base.toString());
        String skeleton = LatinVariants.replace(stripMarks(confusables.skeleton(stripped).toLowerCase(Locale.ROOT)));
        StringBuilder out = new StringBuilder(skeleton.length());
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            out.append(LEET.getOrDefault(c, c));
        }
        return out.toString().replace("rn", "m").replace("vv", "w");
    }

    /**
     * Latin letters named as a variant of one basic letter (ɾ, ʀ, ƈ, ƫ, ɢ: with a hook, small
     * capitals, …), from the Unicode character names (latin-variants.tsv, LatinVariantsTableGenerator).
     */
    private static final class LatinVariants {
        static final Map<Integer, String> TABLE = load();

        private static Map<Integer, String> load() {
            Map<Integer, String> table = new HashMap<>(512);
            try (var in = LookalikeDetector.class.getResourceAsStream("/io/scamsignal/domain/brand/latin-variants.tsv")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0) {
                        table.put(Integer.parseInt(line, 0, tab, 16), line.substring(tab + 1).strip());
                    }
                }
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("cannot read the bundled Latin variants table", e);
            }
            return Map.copyOf(table);
        }

        static String replace(String text) {
            if (text.chars().allMatch(c -> c < 0x80)) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> out.append(TABLE.getOrDefault(cp, Character.toString(cp))));
            return out.toString();
        }
    }

    private static String stripMarks(String text) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        return ascii ? text : COMBINING.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    private static String unicode(String ascii) {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    /**
     * Edit distance in half edits: insertions, deletions, substitutions and adjacent transpositions
     * cost 2, putting an ASCII look-alike for a letter or two (ascii-glyphs.tsv: c for e, q for g,
     * nn for m, cl for d) costs 1. Infinite where the lengths differ by more than two.
     */
    static int glyphDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = 2 * i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = 2 * j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int cost = x == y ? 0 : AsciiGlyphs.alike(x, y) ? 1 : 2;
                int best = Math.min(Math.min(d[i - 1][j] + 2, d[i][j - 1] + 2), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    best = Math.min(best, d[i - 2][j - 2] + 2);
                }
                if (i > 1 && AsciiGlyphs.alike(a.charAt(i - 2), x, y)) {
                    best = Math.min(best, d[i - 2][j - 1] + 1);
                }
                if (j > 1 && AsciiGlyphs.alike(b.charAt(j - 2), y, x)) {
                    best = Math.min(best, d[i - 1][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    /** ASCII look-alikes typed for letters, from dnstwist's table (ascii-glyphs.tsv, tools/refresh_ascii_glyphs.py). */
    private static final class AsciiGlyphs {
        /** For two ASCII characters, the letters they stand for as a pair (bit c of the two words: nn for m). */
        private static final long[][] TWO_FOR_ONE = new long[128 * 128][];
        private static final boolean[] ONE_FOR_ONE = new boolean[128 * 128];

        static {
            try (var in = LookalikeDetector.class.getResourceAsStream("/io/scamsignal/domain/brand/ascii-glyphs.tsv")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    String[] pair = line.split("\t");
                    if (line.startsWith("#") || pair.length != 2) {
                        continue;
                    }
                    String a = pair[0];
                    String b = pair[1];
                    if (a.length() == 1 && b.length() == 1) {
                        ONE_FOR_ONE[a.charAt(0) * 128 + b.charAt(0)] = true;
                        ONE_FOR_ONE[b.charAt(0) * 128 + a.charAt(0)] = true;
                    } else if (a.length() == 1 && b.length() == 2) {
                        int at = b.charAt(0) * 128 + b.charAt(1);
                        if (TWO_FOR_ONE[at] == null) {
                            TWO_FOR_ONE[at] = new long[2];
                        }
                        TWO_FOR_ONE[at][a.charAt(0) >>> 6] |= 1L << (a.charAt(0) & 63);
                    }
                }
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("cannot read the bundled ASCII look-alikes", e);
            }
        }

        static boolean alike(char a, char b) {
            return a < 128 && b < 128 && ONE_FOR_ONE[a * 128 + b];
        }

        /** Does the pair {@code first second} stand for {@code letter}? */
        static boolean alike(char first, char second, char letter) {
            if (first >= 128 || second >= 128 || letter >= 128) {
                return false;
            }
            long[] letters = TWO_FOR_ONE[first * 128 + second];
            return letters != null && (letters[letter >>> 6] & (1L << (letter & 63))) != 0;
        }
    }

    /** The name with "es" put after one of its s, x or z, as a plural is spelt (amazeson): one edit of two letters. */
    static boolean pluralInside(String token, String name) {
        if (token.length() != name.length() + 2) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c == 's' || c == 'x' || c == 'z') && token.startsWith(name.substring(0, i + 1))
                    && token.startsWith("es", i + 1) && token.endsWith(name.substring(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The least edit distance between {@code pattern} and any substring of {@code text} (transpositions count one). */
    static int substringDistance(String text, String pattern) {
        int m = pattern.length();
        int n = text.length();
        int[][] d = new int[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            d[i][0] = i;
        }
        int best = d[m][0];
        for (int j = 1; j <= n; j++) {
            for (int i = 1; i <= m; i++) {
                int cost = pattern.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && pattern.charAt(i - 1) == text.charAt(j - 2) && pattern.charAt(i - 2) == text.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
            best = Math.min(best, d[m][j]);
        }
        return best;
    }
}
