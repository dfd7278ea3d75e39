package io.scamsignal.domain.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.payment.WalletAddress;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a report body against the intake contract (contracts/report-api.openapi.yaml) and reports every
 * problem at once. Never throws on any JSON tree.
 */
public final class ReportValidator {

    private static final Set<String> TOP_FIELDS = Set.of("contactMethod", "impersonatedCompany", "incidentDate",
            "country", "scammer", "loss", "description", "reporter", "website");
    private static final Set<String> SCAMMER_FIELDS = Set.of("phoneNumbers", "websites", "emails",
            "remoteAccessTools", "names", "walletAddresses");
    private static final Set<String> LOSS_FIELDS = Set.of("amount", "currency", "paymentMethods");
    private static final Set<String> REPORTER_FIELDS = Set.of("email", "name", "contactConsent",
            "lawEnforcementContactConsent");
    private static final Set<String> TOOL_FIELDS = Set.of("tool", "id");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LocalDate EARLIEST_INCIDENT = LocalDate.of(2000, 1, 1);
    private static final BigDecimal MAX_LOSS = new BigDecimal("10000000");

    private final Clock clock;
    private final PhoneNormalizer phones;

    public ReportValidator(Clock clock, PhoneNormalizer phones) {
        this.clock = clock;
        this.phones = phones;
    }

    public ValidationResult validate(JsonNode body) {
        return validate(body, Messages.ENGLISH);
    }

    /** Validates, with every error's message in the language of {@code messages}. */
    public ValidationResult validate(JsonNode body, Messages messages) {
        Errors errors = new Errors(messages);
        if (body == null || !body.isObject()) {
            errors.add("", "invalid_type", "report.object");
            return new ValidationResult.Invalid(errors.list);
        }
        unknownFields(body, TOP_FIELDS, "", errors);

        ContactMethod contactMethod = requiredEnum(body, "contactMethod", ContactMethod::fromWire, errors);
        String company = requiredText(body, "impersonatedCompany", 1, 100, errors);
        LocalDate incidentDate = incidentDate(body.get("incidentDate"), errors);
        String country = country(body.get("country"), errors);
        Scammer scammer = scammer(body.get("scammer"), country, errors);
        Loss loss = loss(body.get("loss"), errors);
        String description = optionalText(body.get("description"), "description", 5000, true, errors);
        Reporter reporter = reporter(body.get("reporter"), errors);
        String honeypot = optionalText(body.get("website"), "website", 2048, false, errors);

        if (scammer != null && scammer.phoneNumbers().isEmpty() && scammer.websites().isEmpty()
                && scammer.emails().isEmpty() && scammer.walletAddresses().isEmpty()
                && scammer.remoteAccessTools().stream().allMatch(t -> t.id() == null)) {
            errors.add("scammer", "indicator_required", "indicator_required");
        }
        if (!errors.list.isEmpty()) {
            return new ValidationResult.Invalid(errors.list);
        }
        return new ValidationResult.Valid(new ReportSubmission(contactMethod, company, incidentDate, country,
                scammer, loss, description, reporter, honeypot != null && !honeypot.isEmpty()));
    }

    private static void unknownFields(JsonNode object, Set<String> known, String prefix, Errors errors) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                errors.add(prefix + name, "unknown_field", "unknown_field");
            }
        }
    }

    private static <E> E requiredEnum(JsonNode body, String field, Function<String, Optional<E>> parse,
                                      Errors errors) {
        JsonNode node = body.get(field);
        if (isMissing(node)) {
            errors.add(field, "required", "required");
            return null;
        }
        if (!node.isTextual()) {
            errors.add(field, "invalid_type", "type.string");
            return null;
        }
        return parse.apply(node.textValue()).orElseGet(() -> {
            errors.add(field, "invalid_value", "value.invalid");
            return null;
        });
    }

    private static String requiredText(JsonNode body, String field, int min, int max, Errors errors) {
        JsonNode node = body.get(field);
        if (isMissing(node) || (node.isTextual() && node.textValue().isBlank())) {
            errors.add(field, "required", "required");
            return null;
        }
        String text = text(node, field, max, false, errors);
        if (text != null && text.strip().length() < min) {
            errors.add(field, "required", "required");
            return null;
        }
        return text == null ? null : text.strip();
    }

    private static String optionalText(JsonNode node, String field, int max, boolean multiline, Errors errors) {
        if (isMissing(node)) {
            return null;
        }
        return text(node, field, max, multiline, errors);
    }

    /** NFC-normalises and checks a string node; returns null (with an error) when it is not acceptable. */
    private static String text(JsonNode node, String field, int max, boolean multiline, Errors errors) {
        if (!node.isTextual()) {
            errors.add(field, "invalid_type", "type.string");
            return null;
        }
        if (hasUnpairedSurrogate(node.textValue())) {
            errors.add(field, "invalid_characters", "text.surrogate");
            return null;
        }
        String value = Normalizer.normalize(node.textValue(), Normalizer.Form.NFC);
        if (hasControlCharacters(value, multiline)) {
            errors.add(field, "control_characters", "control");
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(field, "too_long", "too_long", max);
            return null;
        }
        return value;
    }

    /** JSON's \\u escapes can carry half a surrogate pair, which is no character at all. */
    static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacters(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return true;
            }
        }
        return false;
    }

    private LocalDate incidentDate(JsonNode node, Errors errors) {
        String field = "incidentDate";
        if (isMissing(node)) {
            errors.add(field, "required", "required");
            return null;
        }
        if (!node.isTextual() || !node.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
            errors.add(field, "invalid_date", "date.format");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(node.textValue());
            // the latest time zone on Earth is UTC+14: a date that is today there is not in the future
            if (date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.ofHours(14))))) {
                errors.add(field, "date_in_future", "date.future");
                return null;
            }
            if (date.isBefore(EARLIEST_INCIDENT)) {
                errors.add(field, "date_too_early", "date.early");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "invalid_date", "date.format");
            return null;
        }
    }

    private static String country(JsonNode node, Errors errors) {
        String field = "country";
        if (isMissing(node)) {
            errors.add(field, "required", "required");
            return null;
        }
        if (!node.isTextual() || !COUNTRIES.contains(node.textValue())) {
            errors.add(field, "invalid_country", "country.invalid");
            return null;
        }
        return node.textValue();
    }

    private Scammer scammer(JsonNode node, String country, Errors errors) {
        if (isMissing(node)) {
            return new Scammer(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        if (!node.isObject()) {
            errors.add("scammer", "invalid_type", "type.object");
            return null;
        }
        unknownFields(node, SCAMMER_FIELDS, "scammer.", errors);
        List<String> phoneNumbers = stringList(node.get("phoneNumbers"), "scammer.phoneNumbers", 10, 40, errors);
        for (int i = 0; i < phoneNumbers.size(); i++) {
            String phone = phoneNumbers.get(i);
            // without a valid country the number cannot be read; the country error already says why
            if (phone != null && country != null && !phones.isValid(phone, country)) {
                errors.add("scammer.phoneNumbers[" + i + "]", "invalid_phone", "phone.invalid");
            }
        }
        List<String> websites = stringList(node.get("websites"), "scammer.websites", 10, 2048, errors);
        List<String> emails = stringList(node.get("emails"), "scammer.emails", 10, 254, errors);
        for (int i = 0; i < emails.size(); i++) {
            if (emails.get(i) != null && !EMAIL.matcher(emails.get(i)).matches()) {
                errors.add("scammer.emails[" + i + "]", "invalid_email", "email.invalid");
            }
        }
        List<RemoteAccessTool> tools = tools(node.get("remoteAccessTools"), errors);
        List<String> names = stringList(node.get("names"), "scammer.names", 5, 100, errors);
        List<String> wallets = stringList(node.get("walletAddresses"), "scammer.walletAddresses", 10, 100, errors);
        for (int i = 0; i < wallets.size(); i++) {
            // a typo must not make a second wallet that could join two rings: the checksum decides
            if (wallets.get(i) != null && !wallets.get(i).isBlank() && !WalletAddress.isValid(wallets.get(i))) {
                errors.add("scammer.walletAddresses[" + i + "]", "invalid_wallet", "wallet.invalid");
            }
        }
        return new Scammer(strip(phoneNumbers), strip(websites), strip(emails), tools, strip(names), strip(wallets));
    }

    private static List<String> strip(List<String> values) {
        return values.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> stringList(JsonNode node, String field, int maxItems, int maxLength, Errors errors) {
        if (isMissing(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(field, "invalid_type", "type.list");
            return List.of();
        }
        if (node.size() > maxItems) {
            errors.add(field, "too_many", "too_many", maxItems);
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            values.add(text(node.get(i), field + "[" + i + "]", maxLength, false, errors));
        }
        return values;
    }

    private static List<RemoteAccessTool> tools(JsonNode node, Errors errors) {
        String field = "scammer.remoteAccessTools";
        if (isMissing(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(field, "invalid_type", "type.list");
            return List.of();
        }
        if (node.size() > 5) {
            errors.add(field, "too_many", "too_many", 5);
            return List.of();
        }
        List<RemoteAccessTool> tools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(path, "invalid_type", "type.tool");
                continue;
            }
            unknownFields(item, TOOL_FIELDS, path + ".", errors);
            String tool = requiredText(item, "tool", 1, 100, new Errors(path + ".", errors));
            String id = optionalText(item.get("id"), path + ".id", 100, false, errors);
            if (tool != null) {
                tools.add(new RemoteAccessTool(tool, id == null || id.isBlank() ? null : id.strip()));
            }
        }
        return tools;
    }

    private static Loss loss(JsonNode node, Errors errors) {
        if (isMissing(node)) {
            return Loss.none();
        }
        if (!node.isObject()) {
            errors.add("loss", "invalid_type", "type.object");
            return null;
        }
        unknownFields(node, LOSS_FIELDS, "loss.", errors);
        BigDecimal amount = amount(node.get("amount"), errors);
        String currency = null;
        JsonNode currencyNode = node.get("currency");
        if (!isMissing(currencyNode)) {
            if (!currencyNode.isTextual() || !CURRENCIES.contains(currencyNode.textValue())) {
                errors.add("loss.currency", "invalid_currency", "currency.invalid");
            } else {
                currency = currencyNode.textValue();
            }
        } else if (amount != null) {
            errors.add("loss.currency", "required", "currency.required");
        }
        List<PaymentMethod> methods = new ArrayList<>();
        JsonNode methodsNode = node.get("paymentMethods");
        if (!isMissing(methodsNode)) {
            if (!methodsNode.isArray()) {
                errors.add("loss.paymentMethods", "invalid_type", "type.paymentMethods");
            } else if (methodsNode.size() > PaymentMethod.values().length) {
                errors.add("loss.paymentMethods", "too_many", "too_many", PaymentMethod.values().length);
            } else {
                for (int i = 0; i < methodsNode.size(); i++) {
                    JsonNode m = methodsNode.get(i);
                    var method = m.isTextual() ? PaymentMethod.fromWire(m.textValue()) : Optional.<PaymentMethod>empty();
                    if (method.isEmpty()) {
                        errors.add("loss.paymentMethods[" + i + "]", "invalid_value", "value.invalid");
                    } else if (!methods.contains(method.get())) {
                        methods.add(method.get());
                    }
                }
            }
        }
        return new Loss(amount, amount == null ? null : currency, methods);
    }

    private static BigDecimal amount(JsonNode node, Errors errors) {
        if (isMissing(node)) {
            return null;
        }
        BigDecimal amount;
        try {
            if (node.isNumber()) {
                amount = node.decimalValue();
            } else if (node.isTextual() && node.textValue().matches("\\d{1,9}(\\.\\d{1,2})?")) {
                amount = new BigDecimal(node.textValue());
            } else {
                errors.add("loss.amount", "invalid_amount", "amount.format");
                return null;
            }
        } catch (NumberFormatException e) {
            errors.add("loss.amount", "invalid_amount", "amount.format");
            return null;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_LOSS) > 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.add("loss.amount", "invalid_amount", "amount.range");
            return null;
        }
        return amount;
    }

    private static Reporter reporter(JsonNode node, Errors errors) {
        if (isMissing(node)) {
            return Reporter.anonymous();
        }
        if (!node.isObject()) {
            errors.add("reporter", "invalid_type", "type.object");
            return null;
        }
        unknownFields(node, REPORTER_FIELDS, "reporter.", errors);
        String email = optionalText(node.get("email"), "reporter.email", 254, false, errors);
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            errors.add("reporter.email", "invalid_email", "email.invalid");
        }
        String name = optionalText(node.get("name"), "reporter.name", 100, false, errors);
        boolean contactConsent = flag(node, "contactConsent", errors);
        boolean lawEnforcementConsent = flag(node, "lawEnforcementContactConsent", errors);
        return new Reporter(email == null || email.isBlank() ? null : email.strip(),
                name == null || name.isBlank() ? null : name.strip(), contactConsent, lawEnforcementConsent);
    }

    /** An optional boolean of the reporter object; absent or null is false. */
    private static boolean flag(JsonNode reporter, String field, Errors errors) {
        JsonNode value = reporter.get(field);
        if (isMissing(value)) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add("reporter." + field, "invalid_type", "type.boolean");
            return false;
        }
        return value.booleanValue();
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Collects errors; a prefixed view lets nested objects reuse the top-level checks. */
    private static final class Errors {
        private final List<FieldError> list;
        private final String prefix;
        private final Messages messages;

        Errors(Messages messages) {
            this.list = new ArrayList<>();
            this.prefix = "";
            this.messages = messages;
        }

        Errors(String prefix, Errors parent) {
            this.list = parent.list;
            this.prefix = parent.prefix + prefix;
            this.messages = parent.messages;
        }

        void add(String field, String code, String messageKey, Object... arguments) {
            list.add(new FieldError(prefix + field, code, messages.text(messageKey, arguments)));
        }
    }

}
