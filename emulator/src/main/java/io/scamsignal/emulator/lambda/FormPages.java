package io.scamsignal.emulator.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference form's four pages ({@code /}, {@code /de/}, {@code /es/}, {@code /fr/}) from one
 * template, web/form.html, and one bundle per language, web/i18n/form*.properties: every
 * {@code {{key}}} is the bundle's text, escaped. A key the bundle lacks fails the page, never a
 * blank. {@link #main} writes the pages into a directory for static hosting.
 */
public final class FormPages {

    /** English first: its page is {@code /}. */
    public static final List<String> LANGUAGES = List.of("en", "de", "es", "fr");
    private static final Pattern KEY = Pattern.compile("\\{\\{([A-Za-z0-9_.]+)}}");

    private FormPages() {
    }

    /** The language of a form page's path below web/ ("index.html", "de/index.html"), if it is one. */
    public static Optional<String> languageOf(String file) {
        if (file.equals("index.html")) {
            return Optional.of("en");
        }
        for (String lang : LANGUAGES.subList(1, LANGUAGES.size())) {
            if (file.equals(lang + "/index.html")) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    public static Properties bundle(String lang) {
        String name = "/web/i18n/form" + (lang.equals("en") ? "" : "_" + lang) + ".properties";
        try (InputStream in = FormPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(String lang) {
        Properties texts = bundle(lang);
        String template;
        try (InputStream in = FormPages.class.getResourceAsStream("/web/form.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = KEY.matcher(template);
        StringBuilder page = new StringBuilder(template.length() + 4096);
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(value(m.group(1), lang, texts)));
        }
        m.appendTail(page);
        return page.toString();
    }

    private static String value(String key, String lang, Properties texts) {
        return switch (key) {
            case "lang" -> lang;
            case "action" -> lang.equals("en") ? "/reports" : "/reports?lang=" + lang;
            case "home" -> home(lang);
            case "languages" -> languages(lang);
            case "countries" -> countries(texts);
            default -> escape(text(texts, key));
        };
    }

    private static String home(String lang) {
        return lang.equals("en") ? "/" : "/" + lang + "/";
    }

    /** The other languages, each named in itself and marked as such for screen readers. */
    private static String languages(String current) {
        StringBuilder links = new StringBuilder();
        for (String lang : LANGUAGES) {
            if (!lang.equals(current)) {
                links.append("<li><a href=\"").append(home(lang)).append("\" hreflang=\"").append(lang)
                        .append("\" lang=\"").append(lang).append("\">")
                        .append(escape(text(bundle(lang), "language.name"))).append("</a></li>");
            }
        }
        return links.toString();
    }

    /** The countries in the bundle's order (a person's own country first). */
    private static String countries(Properties texts) {
        StringBuilder options = new StringBuilder();
        for (String code : text(texts, "countries.order").split(",")) {
            options.append("<option value=\"").append(code).append("\">")
                    .append(escape(text(texts, "country." + code))).append("</option>");
        }
        return options.toString();
    }

    private static String text(Properties texts, String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("web/i18n/form bundle lacks " + key);
        }
        return text;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Writes index.html and de/, es/, fr/index.html into the directory named by the first argument. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/web");
        for (String lang : LANGUAGES) {
            Path file = out.resolve(lang.equals("en") ? "index.html" : lang + "/index.html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(lang));
        }
    }
}
