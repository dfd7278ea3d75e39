package io.scamsignal.intake.handler;

import io.scamsignal.domain.html.Html;
import io.scamsignal.domain.nextsteps.NextStep;
import io.scamsignal.domain.nextsteps.NextSteps;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.Messages;
import io.scamsignal.intake.service.IntakeResponse;
import java.util.List;
import java.util.Locale;

/**
 * The answer a browser without JavaScript gets when a plain HTML form posts a report: a page with
 * the reference number and the next steps, or the errors by field, in the form's language.
 * Everything shown is escaped.
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
                    .append(escape(accepted.reportId())).append("</strong></p>\n");
            nextSteps(body, accepted.nextSteps(), messages.locale());
            body.append("<p><a href=\"").append(lang.equals("en") ? "/" : "/" + lang + "/").append("\">")
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

    /** The steps as a list; each step's places as links (https: pages, tel: numbers). */
    private static void nextSteps(StringBuilder body, List<NextStep> steps, Locale language) {
        body.append("<h2 id=\"next-steps-heading\">").append(escape(NextSteps.heading(language)))
                .append("</h2>\n<ol id=\"next-steps\" aria-labelledby=\"next-steps-heading\">\n");
        for (NextStep step : steps) {
            body.append("  <li data-code=\"").append(escape(step.code())).append("\">").append(escape(step.text()));
            if (!step.links().isEmpty()) {
                body.append("<ul class=\"links\">");
                for (NextStep.Link link : step.links()) {
                    body.append("<li><a href=\"").append(escape(link.url())).append("\">").append(escape(link.label()))
                            .append("</a></li>");
                }
                body.append("</ul>");
            }
            body.append("</li>\n");
        }
        body.append("</ol>\n");
    }

    private static String page(String lang, String title, String body) {
        return "<!doctype html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                + " — ScamSignal</title>\n<link rel=\"stylesheet\" href=\"/form.css\">\n</head>\n<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
