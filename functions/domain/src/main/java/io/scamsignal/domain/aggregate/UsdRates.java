package io.scamsignal.domain.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A dated table of exchange rates to US dollars, so losses in any currency add up. */
public final class UsdRates {

    private static final String DEFAULT_RESOURCE = "/io/scamsignal/domain/aggregate/usd-rates.properties";
    private final String asOf;
    private final Map<String, BigDecimal> usdPerUnit;

    public UsdRates(String asOf, Map<String, BigDecimal> usdPerUnit) {
        this.asOf = asOf;
        this.usdPerUnit = Map.copyOf(usdPerUnit);
    }

    public static UsdRates defaults() {
        try (InputStream in = UsdRates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rate table", e);
        }
    }

    public static UsdRates load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<String, BigDecimal> rates = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.matches("[A-Z]{3}")) {
                rates.put(name, new BigDecimal(p.getProperty(name).strip()));
            }
        }
        return new UsdRates(p.getProperty("asOf", "unknown"), rates);
    }

    public String asOf() {
        return asOf;
    }

    /** The amount in US dollars, rounded to cents; empty for a currency the table does not know. */
    public Optional<BigDecimal> toUsd(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return Optional.empty();
        }
        BigDecimal rate = usdPerUnit.get(currency);
        return rate == null ? Optional.empty() : Optional.of(amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
    }
}
