package io.scamsignal.intake.handler;

import io.scamsignal.domain.html.Html;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.intake.service.IntakeResponse;
import java.util.List;
import java.util.Locale;

/**
 * The answer a browser without JavaScript gets when a plain HTML form posts a report: a page with
 * the reference number, or the errors by field. Everything shown is escaped.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    /** A browser navigating (not a script calling) wants a page back. */
    static boolean wanted(String accept, String contentType) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html") && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static String render(IntakeResponse response, Messages messages) {
        String lang = messages.locale().getLanguage();
        StringBuilder body = new StringBuilder();
        if (response.body() instanceof IntakeResponse.Accepted accepted) {
            body.append("<h1>").append(escape(messages.text("page.thanks.title"))).append("</h1>\n")
                    .append("<p>").append(escape(messages.text("page.thanks.reference"))).append(": <strong id=\"reference\">")
                    .append(escape(accepted.reportId())).append("</strong></p>\n")
                    .append("<p><a href=\"").append(lang.equals("de") ? "/de/" : "/").append("\">")
                    .append(escape(messages.text("page.thanks.next"))).append("</a></p>\n");
            return page(lang, messages.text("page.thanks.title"), body.toString());
        }
        List<FieldError> errors = response.body() instanceof IntakeResponse.Errors e ? e.errors() : List.of();
        body.append("<h1>").append(escape(messages.text("page.errors.title"))).append("</h1>\n<ul id=\"errors\">\n");
        for (FieldError error : errors) {
            body.append("  <li><code>").append(escape(error.field())).append("</code>: ")
                    .append(escape(error.message())).append("</li>\n");
        }
        body.append("</ul>\n<p>").append(escape(messages.text("page.errors.back"))).append("</p>\n");
        return page(lang, messages.text("page.errors.title"), body.toString());
    }

    private static String page(String lang, String title, String body) {
        return "<!doctype html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + " — ScamSignal</title>\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
