package io.scamsignal.domain.nextsteps;

import io.scamsignal.domain.report.PaymentMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What a person can do now, from four things they told us and nothing else: their country, their
 * language, how they paid and whether a remote-access tool was named. Texts come from the steps
 * bundles (one key set in every language), places and numbers from {@link OfficialContacts}.
 * No personal data goes in, so none comes out; no table is read.
 */
public final class NextSteps {

    static final String BUNDLE = "io.scamsignal.domain.nextsteps.steps";
    static final List<String> REMOTE_ACCESS_STEPS = List.of("disconnect_internet", "uninstall_remote_tool",
            "scan_computer", "change_passwords", "watch_accounts");

    private NextSteps() {
    }

    /**
     * @param country ISO 3166-1 alpha-2, upper case
     * @param language one the API speaks ({@code Messages.locale()}); others get English
     */
    public static List<NextStep> of(String country, Locale language, Collection<PaymentMethod> paymentMethods,
                                    boolean remoteAccessNamed) {
        ResourceBundle texts = texts(language);
        List<NextStep> steps = new ArrayList<>();
        if (remoteAccessNamed) {
            for (String code : REMOTE_ACCESS_STEPS) {
                steps.add(step(texts, code, List.of()));
            }
        }
        if (paymentMethods.contains(PaymentMethod.GIFT_CARD)) {
            steps.add(step(texts, "contact_gift_card_issuer", OfficialContacts.links("gift_card", country)));
        }
        if (paymentMethods.contains(PaymentMethod.CREDIT_CARD) || paymentMethods.contains(PaymentMethod.BANK_TRANSFER)) {
            steps.add(step(texts, "call_bank", List.of()));
        }
        if (paymentMethods.contains(PaymentMethod.WIRE_TRANSFER) || paymentMethods.contains(PaymentMethod.PAYMENT_APP)) {
            steps.add(step(texts, "contact_money_transfer_provider", OfficialContacts.links("money_transfer", country)));
        }
        if (paymentMethods.contains(PaymentMethod.CRYPTO)) {
            steps.add(step(texts, "contact_crypto_exchange", List.of()));
        }
        List<NextStep.Link> official = OfficialContacts.links("report_official", country);
        if (official.isEmpty()) {
            steps.add(step(texts, "report_to_police", List.of()));
        } else {
            steps.add(new NextStep("report_official", texts.getString("report_official." + country), official));
        }
        steps.add(step(texts, "never_call", List.of()));
        return List.copyOf(steps);
    }

    /** The steps' heading ("What to do now") in a language. */
    public static String heading(Locale language) {
        return texts(language).getString("heading");
    }

    private static ResourceBundle texts(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static NextStep step(ResourceBundle texts, String code, List<NextStep.Link> links) {
        return new NextStep(code, texts.getString(code), links);
    }
}
