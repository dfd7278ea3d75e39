package io.scamsignal.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.Messages;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The incident date of a plain form post as the person typed it. Without JavaScript the form's date
 * field is a text field, so it comes as the person writes dates: month first on the English page
 * when the country is the United States (11/20/2026), day first otherwise (20/11/2026, 20.11.2026);
 * dots, slashes or hyphens between (spaces around them and the date allowed), a four-digit year. ISO 8601 (2026-11-20, what a browser's date
 * picker sends) is taken as it is. A date read either way becomes ISO 8601 before validation; one
 * that cannot be read stays as typed, and its error names the format the person's page expects.
 */
final class FormDates {

    enum Order { DAY_FIRST, MONTH_FIRST }

    private static final String FIELD = "incidentDate";
    /** As the contract's ReportForm pattern for incidentDate: ISO 8601, or day and month either way round. */
    private static final Pattern DATE = Pattern.compile(
            " *(?:(\\d{4}-\\d{2}-\\d{2})|(\\d{1,2}) *[./-] *(\\d{1,2}) *[./-] *(\\d{4})) *");

    private FormDates() {
    }

    /** Month first only for English with the United States (or no country yet: the page's first). */
    static Order order(String language, String country) {
        return language.equals("en") && (country == null || country.equals("US")) ? Order.MONTH_FIRST : Order.DAY_FIRST;
    }

    /** The date as ISO 8601, or null when it is neither ISO 8601 nor a real date in the given order. */
    static String toIso(String typed, Order order) {
        Matcher m = DATE.matcher(typed);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return m.group(1);
        }
        int first = Integer.parseInt(m.group(2));
        int second = Integer.parseInt(m.group(3));
        try {
            return (order == Order.DAY_FIRST ? LocalDate.of(Integer.parseInt(m.group(4)), second, first)
                    : LocalDate.of(Integer.parseInt(m.group(4)), first, second)).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Rewrites a form's incidentDate to ISO 8601 where it can be read in the page's order. */
    static void normalise(ObjectNode form, Messages messages) {
        JsonNode date = form.get(FIELD);
        if (date != null && date.isTextual()) {
            String iso = toIso(date.textValue(), order(messages.locale().getLanguage(), country(form)));
            if (iso != null) {
                form.put(FIELD, iso);
            }
        }
    }

    /** The validator's date-format error, for a form, in the format the person's page asks for. */
    static List<FieldError> explain(List<FieldError> errors, ObjectNode form, Messages messages) {
        return errors.stream().map(e -> e.field().equals(FIELD) && e.code().equals("invalid_date")
                ? new FieldError(FIELD, e.code(), hint(order(messages.locale().getLanguage(), country(form)), messages))
                : e).toList();
    }

    static String hint(Order order, Messages messages) {
        return order == Order.MONTH_FIRST
                ? messages.text("date.local_format", messages.text("date.pattern_month_first"), "11/20/2026")
                : messages.text("date.local_format", messages.text("date.pattern_day_first"),
                        messages.locale().getLanguage().equals("de") ? "20.11.2026" : "20/11/2026");
    }

    private static String country(ObjectNode form) {
        JsonNode country = form.get("country");
        return country != null && country.isTextual() ? country.textValue() : null;
    }
}
