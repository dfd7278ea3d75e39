package io.scamsignal.domain.feed;

import io.scamsignal.domain.stix.StixTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One value of TAXII 2.1's {@code match[version]}: last (the default), first, all, or one version's timestamp. */
public sealed interface VersionMatch {

    record Last() implements VersionMatch {
    }

    record First() implements VersionMatch {
    }

    record All() implements VersionMatch {
    }

    record At(Instant version) implements VersionMatch {
        public At {
            version = StixTime.millis(version);
        }
    }

    List<VersionMatch> DEFAULT = List.of(new Last());

    default String wire() {
        return switch (this) {
            case Last l -> "last";
            case First f -> "first";
            case All a -> "all";
            case At at -> StixTime.format(at.version());
        };
    }

    /** A comma-separated {@code match[version]}; null or blank gives the default, last. */
    static List<VersionMatch> parseList(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        List<VersionMatch> out = new ArrayList<>();
        for (String v : value.split(",")) {
            out.add(parse(v.trim()));
        }
        return List.copyOf(out);
    }

    static VersionMatch parse(String v) {
        return switch (v) {
            case "last" -> new Last();
            case "first" -> new First();
            case "all" -> new All();
            default -> {
                try {
                    yield new At(Instant.parse(v));
                } catch (DateTimeParseException e) {
                    throw new FeedRequestException(FeedRequestException.Code.INVALID_MATCH_VERSION, v);
                }
            }
        };
    }

    /** Whether an entry's version is wanted, given the first and last versions of its object. */
    default boolean matches(Instant version, Instant first, Instant last) {
        return switch (this) {
            case Last l -> version.equals(last);
            case First f -> version.equals(first);
            case All a -> true;
            case At at -> version.equals(at.version());
        };
    }
}
