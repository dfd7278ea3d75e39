package io.scamsignal.domain.support;

/**
 * Long hosts for the lookalike detector's cost checks (LookalikeScalingTest, and bench's
 * lookalike benchmarks through the domain's test jar).
 */
public final class LookalikeHosts {

    private LookalikeHosts() {
    }

    /** A host of about {@code length} characters: the piece repeated in labels of at most 63, then the suffix. */
    public static String repeatedHost(String piece, int length, String suffix) {
        StringBuilder host = new StringBuilder();
        StringBuilder label = new StringBuilder();
        while (host.length() + label.length() + piece.length() + suffix.length() + 1 <= length) {
            if (label.length() + piece.length() > 63) {
                host.append(label).append('.');
                label.setLength(0);
            }
            label.append(piece);
        }
        return host.append(label).append(suffix).toString();
    }
}
