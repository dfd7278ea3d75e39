package io.scamsignal.domain.benign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts where anyone can publish a page. A pattern is a host ({@code sites.google.com}), a host
 * and path prefix ({@code www.youtube.com/watch}), or {@code *.suffix} (every host under it, each
 * a tenant: {@code x.blob.core.windows.net}).
 */
public final class UserContentHosts {

    /** @param tenant whether the host itself is someone's (a {@code *.suffix} match), so even its root page is */
    public record Match(String pattern, boolean tenant) {
    }

    private final Map<String, List<String>> pathPrefixesByHost = new HashMap<>();
    private final List<String> suffixes = new ArrayList<>();

    public UserContentHosts(List<String> patterns) {
        for (String raw : patterns) {
            String pattern = raw.strip().toLowerCase(Locale.ROOT);
            if (pattern.startsWith("*.")) {
                suffixes.add(pattern.substring(1));
            } else {
                int slash = pattern.indexOf('/');
                String host = slash < 0 ? pattern : pattern.substring(0, slash);
                pathPrefixesByHost.computeIfAbsent(host, h -> new ArrayList<>()).add(slash < 0 ? "/" : pattern.substring(slash));
            }
        }
    }

    public Optional<Match> match(String asciiHost, String pathAndQuery) {
        List<String> prefixes = pathPrefixesByHost.get(asciiHost);
        if (prefixes != null) {
            String path = pathAndQuery.toLowerCase(Locale.ROOT);
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return Optional.of(new Match(asciiHost + (prefix.equals("/") ? "" : prefix), false));
                }
            }
        }
        for (String suffix : suffixes) {
            if (asciiHost.endsWith(suffix) && asciiHost.length() > suffix.length()) {
                return Optional.of(new Match("*" + suffix, true));
            }
        }
        return Optional.empty();
    }
}
