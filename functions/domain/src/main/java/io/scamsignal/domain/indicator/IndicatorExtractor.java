package io.scamsignal.domain.indicator;

import io.scamsignal.domain.brand.Brand;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.StoredReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every distinct scam indicator in one report, normalised so one scammer is one indicator. */
public final class IndicatorExtractor {

    private final PhoneNormalizer phones;
    private final WebsiteNormalizer websites;
    private final BrandRegistry brands;

    public IndicatorExtractor(PhoneNormalizer phones, WebsiteNormalizer websites, BrandRegistry brands) {
        this.phones = phones;
        this.websites = websites;
        this.brands = brands;
    }

    public List<Indicator> extract(StoredReport report) {
        Map<String, Indicator> byKey = new LinkedHashMap<>();
        for (String raw : report.scammer().phoneNumbers()) {
            phones.normalize(raw, report.country()).map(this::markOfficialPhone).ifPresent(i -> byKey.putIfAbsent(i.key(), i));
        }
        for (String raw : report.scammer().websites()) {
            websites.normalize(raw).map(this::domainIndicator).ifPresent(i -> byKey.putIfAbsent(i.key(), i));
        }
        for (String raw : report.scammer().emails()) {
            email(raw).ifPresent(i -> byKey.putIfAbsent(i.key(), i));
        }
        for (RemoteAccessTool tool : report.scammer().remoteAccessTools()) {
            remoteAccessId(tool).ifPresent(i -> byKey.putIfAbsent(i.key(), i));
        }
        return List.copyOf(byKey.values());
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
        Map<String, Object> enrichment = new LinkedHashMap<>();
        brands.ownerOfDomain(site.registrableDomain()).ifPresent(owner -> {
            enrichment.put("allowListed", true);
            enrichment.put("officialOf", owner.name());
        });
        return new Indicator(IndicatorType.DOMAIN, site.registrableDomain(), site.displayDomain(), enrichment);
    }

    private Optional<Indicator> email(String raw) {
        String address = raw.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        return websites.normalize(address.substring(at + 1)).map(site -> {
            String normalized = address.substring(0, at) + "@" + site.host();
            Map<String, Object> enrichment = new LinkedHashMap<>();
            enrichment.put("domain", site.registrableDomain());
            return new Indicator(IndicatorType.EMAIL, normalized, normalized, enrichment);
        });
    }

    private static Optional<Indicator> remoteAccessId(RemoteAccessTool tool) {
        if (tool.id() == null) {
            return Optional.empty();
        }
        String digits = tool.id().replaceAll("[^0-9]", "");
        String name = tool.tool().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (digits.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        String value = name + ":" + digits;
        return Optional.of(new Indicator(IndicatorType.REMOTE_ACCESS_ID, value, tool.tool().strip() + " " + digits,
                Map.of("tool", tool.tool().strip())));
    }
}
