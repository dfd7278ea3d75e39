package io.scamsignal.domain.ring;

import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.Indicator;
import java.util.function.Predicate;

/**
 * Which indicators may link reports into rings. A victim who also names microsoft.com or a news
 * site must not join every ring that someone else named it in, so these never link: allow-listed
 * indicators (a brand's own domain or phone number), URLs on a brand's or a benign domain, and
 * addresses at a brand's or a benign domain unless it is a free-mail provider (a scammer's Gmail
 * address is theirs alone). Each indicator type declares which of these rules it follows
 * ({@link io.scamsignal.domain.indicator.IndicatorType#ringLink()}).
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
            boolean legitimate = indicator.enrichment().get("domain") instanceof String d
                    && (brands.ownerOfDomain(d).isPresent() || benignDomain.test(d));
            return switch (indicator.type().ringLink()) {
                case ALWAYS -> true;
                case UNLESS_BENIGN -> !benignDomain.test(indicator.value());
                case UNLESS_ON_A_LEGITIMATE_SITE -> !legitimate;
                case UNLESS_ON_A_LEGITIMATE_SITE_BUT_FREE_MAIL ->
                        !legitimate || Boolean.TRUE.equals(indicator.enrichment().get("freeMail"));
            };
        };
    }
}
