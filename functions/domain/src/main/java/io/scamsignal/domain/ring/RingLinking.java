package io.scamsignal.domain.ring;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.util.function.Predicate;

/**
 * Which indicators may link reports into rings. A victim who also names microsoft.com or a news
 * site must not join every ring that someone else named it in, so these never link: allow-listed
 * indicators (a brand's own domain or phone number), URLs on a brand's or a benign domain, and
 * addresses at a brand's or a benign domain unless it is a free-mail provider (a scammer's Gmail
 * address is theirs alone).
 */
public final class RingLinking {

    private RingLinking() {
    }

    /** @param benignDomain the benign-site test (registrable domains of legitimate, non-brand sites) */
    public static Predicate<Indicator> linkable(BrandRegistry brands, Predicate<String> benignDomain) {
        return indicator -> {
            if (indicator.allowListed()) {
                return false;
            }
            if (indicator.type() == IndicatorType.DOMAIN) {
                return !benignDomain.test(indicator.value());
            }
            Object domain = indicator.enrichment().get("domain");
            if (!(domain instanceof String d)) {
                return true;
            }
            boolean legitimate = brands.ownerOfDomain(d).isPresent() || benignDomain.test(d);
            return switch (indicator.type()) {
                case URL -> !legitimate;
                case EMAIL -> !legitimate || Boolean.TRUE.equals(indicator.enrichment().get("freeMail"));
                default -> true;
            };
        };
    }
}
