package io.scamsignal.domain.indicator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as victims type them → E.164. Numbers without a country code are read in the
 * reporter's country; when that gives nothing valid but the digits are a North American number
 * (a leading 1 and ten digits), that is taken, because scam pop-ups show US toll-free numbers to
 * victims worldwide.
 */
public final class PhoneNormalizer {

    private static final int MAX_INPUT = 64;
    private static final long MAX_TEXT_TRIES = 50;
    private static final String KEYPAD = "22233344455566677778889999";
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9A-Za-z\\s().-]+");
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    public Optional<Indicator> normalize(String raw, String reporterCountry) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String region = reporterCountry == null ? "ZZ" : reporterCountry;
        String dialled = dialVanity(raw);
        return parseValid(dialled, region)
                .or(() -> northAmericanFallback(dialled))
                .map(this::toIndicator);
    }

    /**
     * Whether {@link #normalize} would find a number, without building the indicator: intake's check,
     * which skips what normalisation adds (the region lookup, which for a +1 number tries every
     * North American region in turn, and the formatting).
     */
    public boolean isValid(String raw, String reporterCountry) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
            return false;
        }
        String region = reporterCountry == null ? "ZZ" : reporterCountry;
        String dialled = dialVanity(raw);
        if (valid(dialled, region)) {
            return true;
        }
        String digits = dialled.replaceAll("[^0-9]", "");
        return digits.length() == 11 && digits.charAt(0) == '1' && valid("+" + digits, "ZZ");
    }

    /**
     * libphonenumber's isValidNumber, tried first against the main region of the number's calling
     * code (US for +1, where toll-free numbers live), which saves the search through every region
     * sharing the code; the same answer as {@code getNumberType(n) != UNKNOWN}.
     */
    private boolean valid(String raw, String region) {
        try {
            PhoneNumber number = util.parse(raw, region);
            return util.isValidNumberForRegion(number, util.getRegionCodeForCountryCode(number.getCountryCode()))
                    || util.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A parsed number with its type; UNKNOWN is what libphonenumber answers for an invalid number. */
    private record Typed(PhoneNumber number, PhoneNumberUtil.PhoneNumberType type) {
    }

    /**
     * Every phone number in free text (a description, a pasted pop-up), read like typed numbers:
     * in the reporter's country, else as North American numbers when written with their leading 1.
     */
    public List<Indicator> findInText(String text, String reporterCountry) {
        // a phone number has at least seven digits: most descriptions have none, and skip the search
        if (text == null || text.chars().filter(Character::isDigit).count() < 7) {
            return List.of();
        }
        String region = reporterCountry == null ? "ZZ" : reporterCountry;
        Map<String, Indicator> found = new LinkedHashMap<>();
        for (PhoneNumberMatch match : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, MAX_TEXT_TRIES)) {
            Indicator indicator = toIndicator(match.number());
            found.putIfAbsent(indicator.value(), indicator);
        }
        for (PhoneNumberMatch match : util.findNumbers(text, "US", PhoneNumberUtil.Leniency.VALID, MAX_TEXT_TRIES)) {
            String digits = match.rawString().replaceAll("[^0-9]", "");
            if (digits.length() == 11 && digits.charAt(0) == '1') {
                Indicator indicator = toIndicator(match.number());
                found.putIfAbsent(indicator.value(), indicator);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * 1-800-MICROSOFT → 1-800-642-7676: letters dialled as on a phone keypad; a North American
     * vanity number longer than ten digits is cut after ten, as the phone network does.
     */
    static String dialVanity(String raw) {
        if (!isVanity(raw)) {
            return raw;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                digits.append(KEYPAD.charAt(c - 'A'));
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String d = digits.toString();
        boolean plus = raw.strip().startsWith("+");
        if (d.startsWith("1") && d.length() > 11) {
            d = d.substring(0, 11);
        }
        return (plus ? "+" : "") + d;
    }

    /** At least three digits, then letters: 1-800-MICROSOFT, +1 888 SCAMMER; not "call me". */
    private static boolean isVanity(String raw) {
        int digits = 0;
        int firstLetter = -1;
        for (int i = 0; i < raw.length() && firstLetter < 0; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                firstLetter = i;
            }
        }
        return firstLetter > 0 && digits >= 3 && PHONE_CHARACTERS.matcher(raw).matches();
    }

    private Optional<Typed> parseValid(String raw, String region) {
        try {
            PhoneNumber number = util.parse(raw, region);
            PhoneNumberUtil.PhoneNumberType type = util.getNumberType(number);
            return type == PhoneNumberUtil.PhoneNumberType.UNKNOWN ? Optional.empty() : Optional.of(new Typed(number, type));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Typed> northAmericanFallback(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return parseValid("+" + digits, "ZZ");
        }
        return Optional.empty();
    }

    private Indicator toIndicator(PhoneNumber number) {
        return toIndicator(new Typed(number, util.getNumberType(number)));
    }

    private Indicator toIndicator(Typed typed) {
        PhoneNumber number = typed.number();
        Map<String, Object> enrichment = new LinkedHashMap<>();
        enrichment.put("region", util.getRegionCodeForNumber(number));
        enrichment.put("numberType", typed.type().name());
        return new Indicator(IndicatorType.PHONE,
                util.format(number, PhoneNumberFormat.E164),
                util.format(number, PhoneNumberFormat.INTERNATIONAL),
                enrichment);
    }
}
