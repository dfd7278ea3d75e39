package io.scamsignal.domain.brand;

import java.util.List;
import java.util.Set;

/** A protected brand: the names scammers imitate, and what is genuinely the brand's own. */
public record Brand(String name, List<String> names, List<String> productKeywords, Set<String> officialDomains,
                    Set<String> officialPhones) {
}
