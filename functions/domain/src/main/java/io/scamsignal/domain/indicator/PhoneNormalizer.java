package io.scamsignal.domain.indicator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Phone numbers as victims type them → E.164. Numbers without a country code are read in the
 * reporter's country; when that gives nothing valid but the digits are a North American number
 * (a leading 1 and ten digits), that is taken, because scam pop-ups show US toll-free numbers to
 * victims worldwide.
 */
public final class PhoneNormalizer {

    private static final int MAX_INPUT = 64;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    public Optional<Indicator> normalize(String raw, String reporterCountry) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String region = reporterCountry == null ? "ZZ" : reporterCountry;
        return parseValid(raw, region)
                .or(() -> northAmericanFallback(raw))
                .map(this::toIndicator);
    }

    private Optional<PhoneNumber> parseValid(String raw, String region) {
        try {
            PhoneNumber number = util.parse(raw, region);
            return util.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private Optional<PhoneNumber> northAmericanFallback(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return parseValid("+" + digits, "ZZ");
        }
        return Optional.empty();
    }

    private Indicator toIndicator(PhoneNumber number) {
        Map<String, Object> enrichment = new LinkedHashMap<>();
        enrichment.put("region", util.getRegionCodeForNumber(number));
        enrichment.put("numberType", util.getNumberType(number).name());
        return new Indicator(IndicatorType.PHONE,
                util.format(number, PhoneNumberFormat.E164),
                util.format(number, PhoneNumberFormat.INTERNATIONAL),
                enrichment);
    }
}
