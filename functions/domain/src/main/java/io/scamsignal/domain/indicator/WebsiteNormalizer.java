package io.scamsignal.domain.indicator;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL or bare host as a victim typed or pasted it → its host, its registrable domain by the
 * public suffix list (private section included, so a tenant of a shared host is its own
 * indicator), and a normalised URL. Never throws.
 */
public final class WebsiteNormalizer {

    public record Website(String host, String registrableDomain, String displayDomain, String url, String displayUrl,
                          String pathAndQuery) {
    }

    private static final int MAX_INPUT = 2048;
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PORT = Pattern.compile(":(\\d{1,5})$");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public Optional<Website> normalize(String raw) {
        if (raw == null || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String input = INVISIBLE.matcher(raw).replaceAll("").strip();
        String scheme = "http";
        Matcher m = SCHEME.matcher(input);
        if (m.find()) {
            scheme = m.group(1).toLowerCase(Locale.ROOT);
            input = input.substring(m.end());
        } else if (input.startsWith("//")) {
            input = input.substring(2);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        int end = indexOfAny(input, "/?#\\");
        String authority = end < 0 ? input : input.substring(0, end);
        String rest = end < 0 ? "" : input.substring(end).replace('\\', '/');
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String port = null;
        Matcher p = PORT.matcher(authority);
        if (p.find()) {
            port = p.group(1);
            authority = authority.substring(0, p.start());
        }
        Optional<String> host = asciiHost(authority);
        return host.isEmpty() ? Optional.empty() : website(scheme, host.get(), port, rest);
    }

    private static Optional<Website> website(String scheme, String host, String port, String rest) {
        String registrable = registrableDomain(host);
        if (registrable == null) {
            return Optional.empty();
        }
        String portPart = port == null || isDefaultPort(scheme, port) ? "" : ":" + Integer.parseInt(port);
        int hash = rest.indexOf('#');
        String pathAndQuery = hash >= 0 ? rest.substring(0, hash) : rest;
        if (pathAndQuery.isEmpty() || pathAndQuery.charAt(0) != '/') {
            pathAndQuery = "/" + pathAndQuery;
        }
        return Optional.of(new Website(host, registrable, toUnicode(registrable),
                scheme + "://" + host + portPart + pathAndQuery,
                scheme + "://" + toUnicode(host) + portPart + pathAndQuery, pathAndQuery));
    }

    /** The lower-case ASCII (punycode) form of a host, or empty when it is no DNS name. */
    static Optional<String> asciiHost(String host) {
        String folded = Normalizer.normalize(host, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.');
        if (folded.endsWith(".")) {
            folded = folded.substring(0, folded.length() - 1);
        }
        if (folded.isEmpty() || folded.length() > 253 || IPV4.matcher(folded).matches() || !folded.contains(".")) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(folded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.length() > 253) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /**
     * The registrable domain with the private section; for a host that is itself a private suffix
     * (path-style {@code s3.amazonaws.com/bucket/…}, {@code storage.googleapis.com}), the operator's
     * domain by the ICANN section, so the page is still read (as a user-content page).
     */
    private static String registrableDomain(String asciiHost) {
        try {
            String registrable = EffectiveTldFinder.getAssignedDomain(asciiHost, true, false);
            return registrable != null ? registrable : EffectiveTldFinder.getAssignedDomain(asciiHost, true, true);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String toUnicode(String ascii) {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    private static boolean isDefaultPort(String scheme, String port) {
        int n = Integer.parseInt(port);
        return (scheme.equals("http") && n == 80) || (scheme.equals("https") && n == 443);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

}
