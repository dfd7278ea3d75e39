package io.scamsignal.domain.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The API's messages in the reporter's language: English (the default), German, Spanish or French,
 * chosen from an Accept-Language header by its q-values or named by a form's {@code lang}.
 */
public final class Messages {

    private static final String BUNDLE = "io.scamsignal.domain.report.messages";
    public static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    public static final Messages GERMAN = new Messages(Locale.GERMAN);
    public static final Messages SPANISH = new Messages(Locale.of("es"));
    public static final Messages FRENCH = new Messages(Locale.FRENCH);
    /** Every language the API speaks, English first. */
    public static final List<Messages> ALL = List.of(ENGLISH, GERMAN, SPANISH, FRENCH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The best supported language of an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8"), else English. */
    public static Messages forAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 200) {
            return ENGLISH;
        }
        double bestQuality = -1;
        Messages best = ENGLISH;
        for (String part : header.split(",")) {
            // limit -1: ";" alone gives [""], not an empty array (found by schemathesis: a 500 on "Accept-Language: ;")
            String[] pieces = part.strip().split(";", -1);
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            Messages candidate = tag.equals("*") ? ENGLISH : forLanguage(tag.split("-", 2)[0]);
            if (candidate != null && quality > 0 && quality > bestQuality) {
                bestQuality = quality;
                best = candidate;
            }
        }
        return best;
    }

    /** The messages of a language code ("de", "fr"), or null when the API does not speak it. */
    public static Messages forLanguage(String language) {
        for (Messages messages : ALL) {
            if (messages.locale.getLanguage().equals(language)) {
                return messages;
            }
        }
        return null;
    }

    public String text(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = ENGLISH.bundle.getString(key);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
