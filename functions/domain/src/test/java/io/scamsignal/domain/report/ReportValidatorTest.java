package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private final ReportValidator validator = new ReportValidator(CLOCK, new PhoneNormalizer());

    private static ObjectNode validReport() throws Exception {
        return (ObjectNode) Json.mapper().readTree("""
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                 "country":"US","scammer":{"phoneNumbers":["+1 (888) 555-0142"]}}""");
    }

    private List<FieldError> errorsOf(JsonNode body) {
        ValidationResult result = validator.validate(body);
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) result).errors();
    }

    @Test
    void aMinimalReportIsValid() throws Exception {
        ValidationResult result = validator.validate(validReport());

        assertThat(result).isInstanceOfSatisfying(ValidationResult.Valid.class, v -> {
            assertThat(v.submission().contactMethod()).isEqualTo(ContactMethod.POPUP);
            assertThat(v.submission().incidentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(v.submission().scammer().phoneNumbers()).containsExactly("+1 (888) 555-0142");
            assertThat(v.submission().honeypotHit()).isFalse();
        });
    }

    @Test
    void everyMissingRequiredFieldIsReportedAtOnce() {
        List<FieldError> errors = errorsOf(Json.mapper().createObjectNode());

        assertThat(errors).extracting(FieldError::field, FieldError::code).contains(
                org.assertj.core.groups.Tuple.tuple("contactMethod", "required"),
                org.assertj.core.groups.Tuple.tuple("impersonatedCompany", "required"),
                org.assertj.core.groups.Tuple.tuple("incidentDate", "required"),
                org.assertj.core.groups.Tuple.tuple("country", "required"),
                org.assertj.core.groups.Tuple.tuple("scammer", "indicator_required"));
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Test
    void anUnrecognisablePhoneNumberIsNamedByItsIndex() throws Exception {
        ObjectNode body = validReport();
        body.withObject("scammer").putArray("phoneNumbers").add("888.555.0142").add("call me");

        assertThat(errorsOf(body)).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scammer.phoneNumbers[1]", "invalid_phone"));
    }

    @Test
    void aWalletFailingItsChecksumIsNamedByItsIndex() throws Exception {
        ObjectNode body = validReport();
        body.withObject("scammer").putArray("walletAddresses").add("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
                .add("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb");

        List<FieldError> errors = errorsOf(body);
        assertThat(errors).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scammer.walletAddresses[1]", "invalid_wallet"));
        assertThat(((ValidationResult.Invalid) validator.validate(body, Messages.GERMAN)).errors().get(0).message())
                .contains("Prüfsumme");
    }

    @Test
    void aWalletAloneIsEnoughAndLawEnforcementConsentDefaultsToFalse() throws Exception {
        ObjectNode body = validReport();
        body.withObject("scammer").remove("phoneNumbers");
        body.withObject("scammer").putArray("walletAddresses").add(" TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ");
        body.putObject("reporter").put("email", "victim@example.org");

        ValidationResult result = validator.validate(body);
        assertThat(result).isInstanceOfSatisfying(ValidationResult.Valid.class, v -> {
            assertThat(v.submission().scammer().walletAddresses()).containsExactly("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
            assertThat(v.submission().reporter().lawEnforcementContactConsent()).isFalse();
        });
        ((ObjectNode) body.get("reporter")).put("lawEnforcementContactConsent", true);
        assertThat(((ValidationResult.Valid) validator.validate(body)).submission().reporter()
                .lawEnforcementContactConsent()).isTrue();
        ((ObjectNode) body.get("reporter")).put("lawEnforcementContactConsent", "yes");
        assertThat(errorsOf(body)).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reporter.lawEnforcementContactConsent", "invalid_type"));
    }

    @Test
    void unknownFieldsAreRejected() throws Exception {
        ObjectNode body = validReport();
        body.put("ssn", "123");
        body.withObject("scammer").put("bank", "x");

        assertThat(errorsOf(body)).extracting(FieldError::field).containsExactlyInAnyOrder("ssn", "scammer.bank");
    }

    @Test
    void datesMustBePastAndNotAncient() throws Exception {
        ObjectNode future = validReport().put("incidentDate", "2026-12-01");
        ObjectNode ancient = validReport().put("incidentDate", "1999-12-31");
        ObjectNode garbled = validReport().put("incidentDate", "2026-02-30");

        assertThat(errorsOf(future)).extracting(FieldError::code).containsExactly("date_in_future");
        assertThat(errorsOf(ancient)).extracting(FieldError::code).containsExactly("date_too_early");
        assertThat(errorsOf(garbled)).extracting(FieldError::code).containsExactly("invalid_date");
    }

    @Test
    void lossNeedsACurrencyAndAtMostTwoDecimals() throws Exception {
        ObjectNode noCurrency = validReport();
        noCurrency.putObject("loss").put("amount", "100");
        ObjectNode threeDecimals = validReport();
        threeDecimals.putObject("loss").put("amount", 1.005).put("currency", "USD");

        assertThat(errorsOf(noCurrency)).extracting(FieldError::field).containsExactly("loss.currency");
        assertThat(errorsOf(threeDecimals)).extracting(FieldError::code).containsExactly("invalid_amount");
    }

    @Test
    void controlCharactersAreRejectedButDescriptionsMayHaveLines() throws Exception {
        ObjectNode company = validReport().put("impersonatedCompany", "Micro\u0007soft");
        ObjectNode description = validReport().put("description", "line one\r\nline two\tend");

        assertThat(errorsOf(company)).extracting(FieldError::code).containsExactly("control_characters");
        assertThat(validator.validate(description)).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void textIsNfcNormalised() throws Exception {
        ObjectNode body = validReport().put("impersonatedCompany", "Cafe\u0301 Support");

        assertThat(validator.validate(body)).isInstanceOfSatisfying(ValidationResult.Valid.class,
                v -> assertThat(v.submission().impersonatedCompany()).isEqualTo("Caf\u00e9 Support"));
    }

    @Test
    void aFilledHoneypotIsFlagged() throws Exception {
        ObjectNode body = validReport().put("website", "http://spam.example");

        assertThat(validator.validate(body)).isInstanceOfSatisfying(ValidationResult.Valid.class,
                v -> assertThat(v.submission().honeypotHit()).isTrue());
    }

    @Test
    void nonObjectsAreRejected() throws Exception {
        assertThat(errorsOf(Json.mapper().readTree("[1,2]"))).extracting(FieldError::code).containsExactly("invalid_type");
        assertThat(errorsOf(null)).hasSize(1);
    }
}
