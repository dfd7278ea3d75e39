package io.scamsignal.domain.indicator;

import io.scamsignal.domain.benign.BenignIndicators;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.brand.Confusables;
import io.scamsignal.domain.brand.LookalikeDetector;
import io.scamsignal.domain.payment.WalletAddress;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.StoredReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every distinct scam indicator in one report, normalised so that one scammer is one indicator:
 * phone numbers typed, in a website's query string ({@code ?phone=…}), as {@code tel:} links, or
 * in the description; wallet addresses whose checksum holds; websites as registrable domains (with lookalike analysis) and, where a page
 * was named, as URLs; e-mail addresses; remote-access tool IDs.
 * <p>
 * Legitimate infrastructure ({@link BenignIndicators}) is extracted too, so it is counted, but
 * marked benign: a brand's or a listed site's domain and its pages, and listed numbers. On a
 * user-content host (Google Sites, an Azure storage endpoint, a URL shortener) only the domain is
 * benign; the page is someone's, so it stays an indicator, even a tenant host's root page.
 */
public final class IndicatorExtractor {

    private static final Set<String> PHONE_PARAMETERS = Set.of("phone", "tel", "telephone", "number", "num",
            "phonenumber", "phone_number", "phoneno", "callback", "call", "callnow", "support", "helpline",
            "hotline", "contact", "ph", "mobile", "tfn");
    private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "hotmail.co.uk", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "aol.com", "icloud.com",
            "me.com", "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com", "web.de",
            "t-online.de", "mail.com", "yandex.ru", "yandex.com", "zoho.com", "mail.ru", "qq.com", "163.com",
            "tutanota.com", "tuta.io", "fastmail.com", "btinternet.com", "bigpond.com", "rediffmail.com",
            "hushmail.com");

    private final PhoneNormalizer phones;
    private final WebsiteNormalizer websites;
    private final BenignIndicators benign;
    private final LookalikeDetector lookalikes;

    public IndicatorExtractor(PhoneNormalizer phones, WebsiteNormalizer websites, BenignIndicators benign,
                              LookalikeDetector lookalikes) {
        this.phones = phones;
        this.websites = websites;
        this.benign = benign;
        this.lookalikes = lookalikes;
    }

    /** The normalisers, bundled benign lists and lookalike detection as the functions use them. */
    public static IndicatorExtractor standard(BrandRegistry brands) {
        return standard(brands, BenignOverrides.none());
    }

    /** As {@link #standard(BrandRegistry)}, with operators' corrections to the benign lists. */
    public static IndicatorExtractor standard(BrandRegistry brands, BenignOverrides overrides) {
        LookalikeDetector lookalikes = new LookalikeDetector(brands, Confusables.load());
        return new IndicatorExtractor(new PhoneNormalizer(), new WebsiteNormalizer(),
                BenignIndicators.standard(brands, overrides, () -> lookalikes), lookalikes);
    }

    public List<Indicator> extract(StoredReport report) {
        Map<String, Indicator> byKey = new LinkedHashMap<>();
        String country = report.country();
        for (String raw : report.scammer().phoneNumbers()) {
            phones.normalize(raw, country).ifPresent(i -> add(byKey, markOfficialPhone(i)));
        }
        for (String raw : report.scammer().websites()) {
            if (raw.strip().toLowerCase(Locale.ROOT).startsWith("tel:")) {
                phones.normalize(raw.strip().substring(4), country).ifPresent(i -> add(byKey, markOfficialPhone(i)));
                continue;
            }
            websites.normalize(raw).ifPresent(site -> {
                Indicator domain = domainIndicator(site);
                add(byKey, domain);
                // a tenant's root page on a benign platform is the only indicator of the tenant
                boolean tenant = domain.allowListed()
                        && benign.userContent(site.host(), site.pathAndQuery()).filter(m -> m.tenant()).isPresent();
                if (!site.pathAndQuery().equals("/") || tenant) {
                    add(byKey, page(site));
                }
                for (String value : phoneParameters(site.pathAndQuery())) {
                    phones.normalize(value, country).ifPresent(i -> add(byKey, markOfficialPhone(i)));
                }
            });
        }
        for (String raw : report.scammer().emails()) {
            email(raw).ifPresent(i -> add(byKey, i));
        }
        for (RemoteAccessTool tool : report.scammer().remoteAccessTools()) {
            remoteAccessId(tool).ifPresent(i -> add(byKey, i));
        }
        for (String raw : report.scammer().walletAddresses()) {
            wallet(raw).ifPresent(i -> add(byKey, i));
        }
        phones.findInText(report.description(), country).forEach(i -> add(byKey, markOfficialPhone(i)));
        return List.copyOf(byKey.values());
    }

    private static void add(Map<String, Indicator> byKey, Indicator indicator) {
        byKey.putIfAbsent(indicator.key(), indicator);
    }

    /** A brand's own number or a listed hotline is counted but marked benign. */
    private Indicator markOfficialPhone(Indicator phone) {
        return benign.phone(phone.value()).map(m -> phone.markedBenign(m.list(), m.brand())).orElse(phone);
    }

    private Indicator domainIndicator(WebsiteNormalizer.Website site) {
        Indicator domain = new Indicator(IndicatorType.DOMAIN, site.registrableDomain(), site.displayDomain(),
                domainEnrichment(site.host(), site.registrableDomain()));
        return benign.domain(site.registrableDomain()).map(m -> domain.markedBenign(m.list(), m.brand())).orElse(domain);
    }

    private Indicator page(WebsiteNormalizer.Website site) {
        Indicator url = new Indicator(IndicatorType.URL, site.url(), site.displayUrl(),
                Map.of("domain", site.registrableDomain()));
        return benign.page(site.url(), site.host(), site.registrableDomain(), site.pathAndQuery())
                .map(m -> url.markedBenign(m.list(), m.brand())).orElse(url);
    }

    /** A benign domain is no lookalike; any other is checked for imitating a brand. */
    private Map<String, Object> domainEnrichment(String host, String registrableDomain) {
        Map<String, Object> enrichment = new LinkedHashMap<>();
        if (benign.domain(registrableDomain).isEmpty()) {
            lookalikes.detect(host, registrableDomain).ifPresent(l -> {
                enrichment.put("impersonates", l.impersonates());
                enrichment.put("technique", l.technique());
            });
        }
        return enrichment;
    }

    private static List<String> phoneParameters(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                if (PHONE_PARAMETERS.contains(name)) {
                    values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException badEncoding) {
                // not a parameter we can read
            }
        }
        return values;
    }

    /**
     * The lower-cased address; its domain is analysed like a website's, and free-mail providers are
     * marked. The address itself is never allow-listed: a scammer's Gmail address is an indicator.
     */
    private Optional<Indicator> email(String raw) {
        String address = raw.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            return Optional.empty();
        }
        return websites.normalize(address.substring(at + 1)).map(site -> {
            String normalized = address.substring(0, at) + "@" + site.host();
            Map<String, Object> enrichment = new LinkedHashMap<>();
            enrichment.put("domain", site.registrableDomain());
            if (FREE_MAIL.contains(site.registrableDomain())) {
                enrichment.put("freeMail", true);
            } else {
                domainEnrichment(site.host(), site.registrableDomain()).forEach((k, v) -> {
                    if (!k.equals("allowListed")) {
                        enrichment.put(k, v);
                    }
                });
            }
            return new Indicator(IndicatorType.EMAIL, normalized, normalized, enrichment);
        });
    }

    /** Only addresses whose checksum holds (intake already rejects the others). */
    private static Optional<Indicator> wallet(String raw) {
        return WalletAddress.parse(raw).map(w -> new Indicator(IndicatorType.WALLET, w.indicatorValue(),
                w.display(), Map.of("chain", w.chain().wireName())));
    }

    private static Optional<Indicator> remoteAccessId(RemoteAccessTool tool) {
        if (tool.id() == null) {
            return Optional.empty();
        }
        String digits = tool.id().replaceAll("[^0-9]", "");
        RemoteAccessTools.Tool canonical = RemoteAccessTools.canonical(tool.tool());
        if (digits.isEmpty() || canonical.key().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Indicator(IndicatorType.REMOTE_ACCESS_ID, canonical.key() + ":" + digits,
                canonical.name() + " " + digits, Map.of("tool", canonical.name())));
    }
}
