package io.scamsignal.domain.nextsteps;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.report.PaymentMethod;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextStepsTest {

    private static final Locale SPANISH = Locale.of("es");

    private static List<String> codes(List<NextStep> steps) {
        return steps.stream().map(NextStep::code).toList();
    }

    private static NextStep step(List<NextStep> steps, String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> urls(NextStep step) {
        return step.links().stream().map(NextStep.Link::url).toList();
    }

    @Test
    void giftCardPointsToTheIssuersFraudPages() {
        List<NextStep> steps = NextSteps.of("US", Locale.ENGLISH, Set.of(PaymentMethod.GIFT_CARD), false);
        assertThat(codes(steps)).containsExactly("contact_gift_card_issuer", "report_official", "never_call");
        assertThat(urls(step(steps, "contact_gift_card_issuer")))
                .contains("https://support.apple.com/itunes-gift-card-scams");
        assertThat(step(steps, "contact_gift_card_issuer").text()).contains("card numbers", "receipt");
    }

    @Test
    void bankTransferAndCardAreOneCallToTheBankOnTheNumberOnTheCard() {
        List<NextStep> steps = NextSteps.of("GB", Locale.ENGLISH,
                EnumSet.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.CREDIT_CARD), false);
        assertThat(codes(steps)).containsExactly("call_bank", "report_official", "never_call");
        assertThat(step(steps, "call_bank").text()).contains("number printed on your card");
        assertThat(step(steps, "call_bank").links()).isEmpty();
        for (PaymentMethod alone : List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.CREDIT_CARD)) {
            assertThat(codes(NextSteps.of("GB", Locale.ENGLISH, Set.of(alone), false))).contains("call_bank");
        }
    }

    @Test
    void moneyTransferGivesTheProvidersFraudLines() {
        List<NextStep> us = NextSteps.of("US", Locale.ENGLISH, Set.of(PaymentMethod.WIRE_TRANSFER), false);
        assertThat(urls(step(us, "contact_money_transfer_provider"))).contains("tel:+18004481492", "tel:+18009269400");
        List<NextStep> app = NextSteps.of("CA", Locale.FRENCH, Set.of(PaymentMethod.PAYMENT_APP), false);
        assertThat(codes(app)).contains("contact_money_transfer_provider");
        // the US numbers are the US lines: not given to someone in Canada
        assertThat(step(app, "contact_money_transfer_provider").links()).isEmpty();
    }

    @Test
    void cryptocurrencyAsksForTheWalletAddressAndTransactionId() {
        List<NextStep> steps = NextSteps.of("AU", Locale.ENGLISH, Set.of(PaymentMethod.CRYPTO), false);
        assertThat(codes(steps)).containsExactly("contact_crypto_exchange", "report_official", "never_call");
        assertThat(step(steps, "contact_crypto_exchange").text()).contains("wallet address", "transaction id");
    }

    @Test
    void cashAndOtherPaymentsAddNoPaymentStep() {
        assertThat(codes(NextSteps.of("US", Locale.ENGLISH, EnumSet.of(PaymentMethod.CASH, PaymentMethod.OTHER), false)))
                .containsExactly("report_official", "never_call");
    }

    @Test
    void aNamedRemoteAccessToolComesFirstDisconnectUninstallScanPasswordsWatch() {
        List<NextStep> steps = NextSteps.of("DE", Locale.GERMAN, Set.of(), true);
        assertThat(codes(steps)).containsExactly("disconnect_internet", "uninstall_remote_tool", "scan_computer",
                "change_passwords", "watch_accounts", "report_official", "never_call");
        assertThat(step(steps, "change_passwords").text()).contains("anderen Gerät");
        assertThat(codes(NextSteps.of("DE", Locale.GERMAN, Set.of(), false))).doesNotContain("disconnect_internet");
    }

    @Test
    void eachCountryGetsItsOfficialPlaces() {
        assertThat(urls(step(NextSteps.of("US", Locale.ENGLISH, Set.of(), false), "report_official")))
                .containsExactly("https://reportfraud.ftc.gov/", "https://www.ic3.gov/");
        assertThat(urls(step(NextSteps.of("CA", Locale.FRENCH, Set.of(), false), "report_official")))
                .containsExactly("https://antifraudcentre-centreantifraude.ca/", "tel:+18884958501");
        assertThat(step(NextSteps.of("GB", Locale.ENGLISH, Set.of(), false), "report_official").links())
                .extracting(NextStep.Link::label).contains("Action Fraud", "Police Scotland");
        assertThat(step(NextSteps.of("AU", Locale.ENGLISH, Set.of(), false), "report_official").links())
                .extracting(NextStep.Link::label).containsExactly("ReportCyber", "Scamwatch");
        assertThat(step(NextSteps.of("DE", Locale.GERMAN, Set.of(), false), "report_official").links())
                .extracting(NextStep.Link::label).contains("Verbraucherzentrale");
        NextStep spain = step(NextSteps.of("ES", SPANISH, Set.of(), false), "report_official");
        assertThat(urls(spain)).contains("tel:017", "https://www.policia.es/");
        assertThat(spain.text()).contains("017");
    }

    @Test
    void aCountryWithoutAnOfficialPlaceOnFileIsToldToGoToThePolice() {
        List<NextStep> steps = NextSteps.of("FR", Locale.FRENCH, Set.of(), false);
        assertThat(codes(steps)).containsExactly("report_to_police", "never_call");
        assertThat(steps.get(0).links()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "es", "fr"})
    void weWillNeverCallYouIsAlwaysTheLastStepInEveryLanguage(String language) {
        List<NextStep> steps = NextSteps.of("US", Locale.of(language), EnumSet.allOf(PaymentMethod.class), true);
        assertThat(steps.getLast().code()).isEqualTo("never_call");
        assertThat(steps.getLast().text()).contains("ScamSignal");
        assertThat(steps).allSatisfy(s -> assertThat(s.text()).isNotBlank());
    }

    @Test
    void theTextIsInTheRequestedLanguage() {
        assertThat(step(NextSteps.of("ES", SPANISH, Set.of(), false), "never_call").text()).startsWith("ScamSignal nunca");
        assertThat(step(NextSteps.of("CA", Locale.FRENCH, Set.of(), false), "never_call").text())
                .startsWith("ScamSignal ne vous appellera jamais");
        assertThat(step(NextSteps.of("US", Locale.ENGLISH, Set.of(), false), "never_call").text())
                .startsWith("ScamSignal will never call you");
    }
}
