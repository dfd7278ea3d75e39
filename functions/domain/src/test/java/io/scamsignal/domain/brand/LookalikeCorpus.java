package io.scamsignal.domain.brand;

import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated lookalikes of the protected brands' names, per technique (after dnstwist's fuzzers
 * and IDN homograph cases), each wrapped in a plausible scam host. Deterministic:
 * a fixed seed picks the variants and the wrapping, so its figures repeat.
 */
final class LookalikeCorpus {

    record Sample(String technique, String brand, String host) {
    }

    static final List<String> BRANDS = List.of("microsoft", "amazon", "apple", "paypal", "norton", "mcafee", "google");
    private static final int PER_BRAND = 6;
    private static final String[] TLDS = {".com", ".net", ".info", ".online", ".co.uk", ".de", ".com.au", ".es"};
    private static final String[] WORDS = {"", "", "-support", "-help", "-billing", "-secure", "-refund", "-login"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String VOWELS = "aeiou";
    private static final Map<Character, String> KEYBOARD = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qes"), Map.entry('e', "wrd"), Map.entry('r', "etf"), Map.entry('t', "ryg"),
            Map.entry('y', "tuh"), Map.entry('u', "yij"), Map.entry('i', "uok"), Map.entry('o', "ipl"), Map.entry('p', "ol"),
            Map.entry('a', "qsz"), Map.entry('s', "adw"), Map.entry('d', "sfe"), Map.entry('f', "dgr"), Map.entry('g', "fht"),
            Map.entry('h', "gjy"), Map.entry('j', "hku"), Map.entry('k', "jli"), Map.entry('l', "ko"), Map.entry('z', "xa"),
            Map.entry('x', "zc"), Map.entry('c', "xv"), Map.entry('v', "cb"), Map.entry('b', "vn"), Map.entry('n', "bm"),
            Map.entry('m', "n"));
    private static final Map<Character, String> ASCII_HOMOGLYPHS = Map.of('o', "0", 'l', "1", 'i', "1", 'm', "rn",
            'w', "vv", 'e', "3", 'a', "4", 's', "5", 'g', "9");
    private static final Map<Character, String> DIACRITICS = Map.ofEntries(
            Map.entry('a', "àáâäąạăå"), Map.entry('o', "òóôöŏøọő"), Map.entry('e', "èéêëęẹě"), Map.entry('i', "ìíîïıị"),
            Map.entry('u', "ùúûüůų"), Map.entry('c', "çćč"), Map.entry('n', "ñńň"), Map.entry('l', "łľĺ"),
            Map.entry('z', "źżž"), Map.entry('s', "śšş"), Map.entry('g', "ğġģ"), Map.entry('r', "řŕ"), Map.entry('t', "ţť"),
            Map.entry('f', "ƒ"), Map.entry('p', "ṗ"), Map.entry('m', "ṁ"), Map.entry('y', "ýÿ"));
    private static final Map<Character, Character> CYRILLIC = Map.of('a', 'а', 'e', 'е', 'o', 'о', 'p', 'р', 'c', 'с',
            'x', 'х', 'y', 'у', 'i', 'і', 's', 'ѕ');

    private LookalikeCorpus() {
    }

    static List<Sample> generate() {
        Random random = new Random(12);
        List<Sample> samples = new ArrayList<>();
        for (String brand : BRANDS) {
            Map<String, Set<String>> byTechnique = new LinkedHashMap<>();
            byTechnique.put("omission", omission(brand));
            byTechnique.put("insertion", insertion(brand, random));
            byTechnique.put("replacement", replacement(brand));
            byTechnique.put("transposition", transposition(brand));
            byTechnique.put("repetition", repetition(brand));
            byTechnique.put("hyphenation", hyphenation(brand));
            byTechnique.put("addition", addition(brand));
            byTechnique.put("vowel-swap", vowelSwap(brand));
            byTechnique.put("bitsquatting", bitsquatting(brand));
            byTechnique.put("plural", Set.of(brand + "s", brand + "es"));
            byTechnique.put("homoglyph-ascii", substitute(brand, ASCII_HOMOGLYPHS));
            byTechnique.put("homoglyph-diacritic", diacritics(brand));
            byTechnique.put("diacritic+digit", diacriticAndDigit(brand, random));
            byTechnique.put("cyrillic", cyrillic(brand));
            byTechnique.put("brand+com", Set.of(brand + "com", brand + "-com", "www" + brand + "com"));
            byTechnique.put("dots", Set.of());
            byTechnique.forEach((technique, labels) -> {
                List<String> pool = new ArrayList<>(labels);
                pool.remove(brand);
                java.util.Collections.shuffle(pool, random);
                for (String label : pool.subList(0, Math.min(PER_BRAND, pool.size()))) {
                    String host = label + WORDS[random.nextInt(WORDS.length)] + TLDS[random.nextInt(TLDS.length)];
                    samples.add(new Sample(technique, brand, IDN.toASCII(host, IDN.ALLOW_UNASSIGNED)));
                }
            });
            List<Integer> cuts = new ArrayList<>();
            for (int i = 2; i < brand.length() - 1; i++) {
                cuts.add(i);
            }
            java.util.Collections.shuffle(cuts, random);
            for (int cut : cuts.subList(0, Math.min(PER_BRAND, cuts.size()))) {
                String word = WORDS[2 + random.nextInt(WORDS.length - 2)];
                samples.add(new Sample("dots", brand, brand.substring(0, cut) + "." + brand.substring(cut) + word
                        + TLDS[random.nextInt(TLDS.length)]));
            }
        }
        return samples;
    }

    private static Set<String> omission(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            out.add(b.substring(0, i) + b.substring(i + 1));
        }
        return out;
    }

    private static Set<String> insertion(String b, Random random) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < b.length(); i++) {
            String near = KEYBOARD.getOrDefault(b.charAt(i), LETTERS);
            out.add(b.substring(0, i) + near.charAt(random.nextInt(near.length())) + b.substring(i));
        }
        return out;
    }

    private static Set<String> replacement(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            for (char c : KEYBOARD.getOrDefault(b.charAt(i), "").toCharArray()) {
                out.add(b.substring(0, i) + c + b.substring(i + 1));
            }
        }
        return out;
    }

    private static Set<String> transposition(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < b.length(); i++) {
            if (b.charAt(i) != b.charAt(i + 1)) {
                out.add(b.substring(0, i) + b.charAt(i + 1) + b.charAt(i) + b.substring(i + 2));
            }
        }
        return out;
    }

    private static Set<String> repetition(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            out.add(b.substring(0, i + 1) + b.charAt(i) + b.substring(i + 1));
        }
        return out;
    }

    private static Set<String> hyphenation(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < b.length(); i++) {
            out.add(b.substring(0, i) + "-" + b.substring(i));
        }
        return out;
    }

    private static Set<String> addition(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (char c : LETTERS.toCharArray()) {
            out.add(b + c);
        }
        for (char c : "0123456789".toCharArray()) {
            out.add(b + c);
        }
        return out;
    }

    private static Set<String> vowelSwap(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            if (VOWELS.indexOf(b.charAt(i)) >= 0) {
                for (char v : VOWELS.toCharArray()) {
                    if (v != b.charAt(i)) {
                        out.add(b.substring(0, i) + v + b.substring(i + 1));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> bitsquatting(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char c = (char) (b.charAt(i) ^ (1 << bit));
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    out.add(b.substring(0, i) + c + b.substring(i + 1));
                }
            }
        }
        return out;
    }

    private static Set<String> substitute(String b, Map<Character, String> map) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            String s = map.get(b.charAt(i));
            if (s != null) {
                out.add(b.substring(0, i) + s + b.substring(i + 1));
            }
        }
        return out;
    }

    private static Set<String> diacritics(String b) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < b.length(); i++) {
            for (char c : DIACRITICS.getOrDefault(b.charAt(i), "").toCharArray()) {
                out.add(b.substring(0, i) + c + b.substring(i + 1));
            }
        }
        return out;
    }

    /** One accented letter and one digit for a letter: ạmaz0n. */
    private static Set<String> diacriticAndDigit(String b, Random random) {
        Set<String> out = new LinkedHashSet<>();
        for (String accented : diacritics(b)) {
            for (int i = 0; i < b.length(); i++) {
                String digit = Map.of('o', "0", 'l', "1", 'i', "1", 'e', "3", 'a', "4", 's', "5").get(b.charAt(i));
                if (digit != null && accented.charAt(i) == b.charAt(i)) {
                    out.add(accented.substring(0, i) + digit + accented.substring(i + 1));
                }
            }
        }
        return out;
    }

    private static Set<String> cyrillic(String b) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < b.length(); i++) {
            Character c = CYRILLIC.get(b.charAt(i));
            all.append(c == null ? b.charAt(i) : c);
            if (c != null) {
                out.add(b.substring(0, i) + c + b.substring(i + 1));
            }
        }
        out.add(all.toString());
        return out;
    }
}
