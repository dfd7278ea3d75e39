package io.scamsignal.domain.brand;

import java.util.List;
import java.util.Set;

/**
 * A protected brand: the names scammers imitate, what is genuinely the brand's own (registrable
 * domains, or {@code *.suffix} for every registrable domain under a suffix the brand runs), and the
 * hosts on its own domains where anyone can publish a page ({@code userContentHosts}: host,
 * host/path-prefix, or {@code *.suffix}), whose pages are real indicators although the domain is
 * not. {@code distinctiveName}: no ordinary word contains the name (microsoft, paypal), so it is a
 * lookalike inside any longer word; other names only beside words scammers add.
 */
public record Brand(String name, List<String> names, List<String> productKeywords, Set<String> officialDomains,
                    Set<String> officialPhones, List<String> userContentHosts, boolean distinctiveName) {

    public Brand {
        names = List.copyOf(names);
        productKeywords = List.copyOf(productKeywords);
        officialDomains = Set.copyOf(officialDomains);
        officialPhones = Set.copyOf(officialPhones);
        userContentHosts = List.copyOf(userContentHosts);
    }

    public Brand(String name, List<String> names, List<String> productKeywords, Set<String> officialDomains,
                 Set<String> officialPhones) {
        this(name, names, productKeywords, officialDomains, officialPhones, List.of(), false);
    }
}
