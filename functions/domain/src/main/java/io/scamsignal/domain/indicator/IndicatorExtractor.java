package io.scamsignal.domain.indicator;

import io.scamsignal.domain.brand.Brand;
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
    private final BrandRegistry brands;
    private final LookalikeDetector lookalikes;

    public IndicatorExtractor(PhoneNormalizer phones, WebsiteNormalizer websites, BrandRegistry brands,
                              LookalikeDetector lookalikes) {
        this.phones = phones;
        this.websites = websites;
        this.brands = brands;
        this.lookalikes = lookalikes;
    }

    /** The normalisers and lookalike detection as the functions use them. */
    public static IndicatorExtractor standard(BrandRegistry brands) {
        return new IndicatorExtractor(new PhoneNormalizer(), new WebsiteNormalizer(), brands,
                new LookalikeDetector(brands, Confusables.load()));
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
                add(byKey, domainIndicator(site));
                if (!site.pathAndQuery().equals("/")) {
                    add(byKey, new Indicator(IndicatorType.URL, site.url(), site.displayUrl(),
                            Map.of("domain", site.registrableDomain())));
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

    private Indicator markOfficialPhone(Indicator phone) {
        Optional<Brand> owner = brands.ownerOfPhone(phone.value());
        if (owner.isEmpty()) {
            return phone;
        }
        Map<String, Object> enrichment = new LinkedHashMap<>(phone.enrichment());
        enrichment.put("allowListed", true);
        enrichment.put("officialOf", owner.get().name());
        return new Indicator(phone.type(), phone.value(), phone.display(), enrichment);
    }

    private Indicator domainIndicator(WebsiteNormalizer.Website site) {
        return new Indicator(IndicatorType.DOMAIN, site.registrableDomain(), site.displayDomain(),
                domainEnrichment(site.host(), site.registrableDomain()));
    }

    /** A brand's own domain is allow-listed; any other is checked for imitating a brand. */
    private Map<String, Object> domainEnrichment(String host, String registrableDomain) {
        Map<String, Object> enrichment = new LinkedHashMap<>();
        Optional<Brand> owner = brands.ownerOfDomain(registrableDomain);
        if (owner.isPresent()) {
            enrichment.put("allowListed", true);
            enrichment.put("officialOf", owner.get().name());
        } else {
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
