package io.scamsignal.domain.nextsteps;

import java.util.List;

/**
 * One thing a person who reported a scam can do now: a stable {@code code}, the text in their
 * language, and the places it names (web pages, telephone numbers).
 */
public record NextStep(String code, String text, List<Link> links) {

    public NextStep {
        links = List.copyOf(links);
    }

    /** A place a step names: its name as shown and an https: or tel: address. */
    public record Link(String label, String url) {
    }
}
