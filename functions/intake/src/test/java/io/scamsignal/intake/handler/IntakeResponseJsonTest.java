package io.scamsignal.intake.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.nextsteps.NextSteps;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.intake.service.IntakeResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written answers are the documents the mapper would write. */
class IntakeResponseJsonTest {

    @Test
    void acceptedAndErrorsAreTheMappersDocuments() throws Exception {
        Object accepted = IntakeResponse.accepted("r-1", Instant.parse("2026-11-28T15:04:05.120Z"),
                NextSteps.of("GB", Locale.ENGLISH, Set.of(PaymentMethod.GIFT_CARD), true)).body();
        Object errors = IntakeResponse.invalid(List.of(new FieldError("scammer.phoneNumbers[0]", "invalid_phone",
                "Diese \"Nummer\" ist ungültig.\n"), new FieldError("", "required", "x"))).body();

        for (Object body : List.of(accepted, errors)) {
            assertThat(Json.mapper().readTree(IntakeResponseJson.write(body)))
                    .isEqualTo(Json.mapper().readTree(Json.write(body)));
        }
        assertThat(IntakeResponseJson.write(accepted)).contains("\"receivedAt\":\"2026-11-28T15:04:05.120Z\"")
                .contains("\"nextSteps\":[{\"code\":\"disconnect_internet\"", "\"url\":\"tel:101\"");
    }
}
