package io.scamsignal.domain.brand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * UTS #39 skeletons ("rnicrosoft" and "microsoft" look alike: both skeletons are "rnicrosoft")
 * from a compact table of Unicode's confusables, generated from ICU4J and checked against it in
 * the tests ({@code ConfusablesTest}). The table costs a few milliseconds to load; ICU4J itself
 * would add some 15 MB to the function's jar.
 */
public final class Confusables {

    private static final String RESOURCE = "/io/scamsignal/domain/brand/confusables.tsv";
    private final Map<Integer, String> prototypes;

    private Confusables(Map<Integer, String> prototypes) {
        this.prototypes = prototypes;
    }

    public static Confusables load() {
        Map<Integer, String> map = new HashMap<>(8192);
        try (InputStream in = Confusables.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                int source = Integer.parseInt(line, 0, tab, 16);
                StringBuilder target = new StringBuilder();
                for (String hex : line.substring(tab + 1).split(" ")) {
                    if (!hex.isEmpty()) {
                        target.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                }
                map.put(source, target.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled confusables table", e);
        }
        return new Confusables(map);
    }

    /** skeleton(X) = NFD(map each code point of NFD(X) to its prototype). */
    public String skeleton(String text) {
        String ascii = asciiSkeleton(text);
        if (ascii != null) {
            return ascii;
        }
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        nfd.codePoints().forEach(cp -> {
            String prototype = prototypes.get(cp);
            if (prototype == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(prototype);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFD);
    }

    /** Domain labels are mostly ASCII, and ASCII is its own NFD: the same result without normalising. */
    private String asciiSkeleton(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            String prototype = prototypes.get((int) c);
            if (prototype != null) {
                for (int j = 0; j < prototype.length(); j++) {
                    if (prototype.charAt(j) >= 0x80) {
                        return null;
                    }
                }
                if (out == null) {
                    out = new StringBuilder(text.length() + 4).append(text, 0, i);
                }
                out.append(prototype);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    int size() {
        return prototypes.size();
    }
}
