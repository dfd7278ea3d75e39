package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReportValidatorPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("contactMethod", "impersonatedCompany", "incidentDate", "country",
            "scammer", "loss", "description", "reporter", "website", "phoneNumbers", "websites", "emails",
            "remoteAccessTools", "names", "walletAddresses", "amount", "currency", "paymentMethods", "email", "name",
            "contactConsent", "lawEnforcementContactConsent",
            "tool", "id", "unknown");
    private final ReportValidator validator = new ReportValidator(
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), new PhoneNormalizer());

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return json(3);
    }

    /** Arbitrary JSON trees whose keys are mostly the report's own field names, to reach deep into the rules. */
    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(NODES::textNode),
                Arbitraries.of("popup", "US", "DE", "2026-11-20", "2030-01-01", "+1 888 555 0142", "USD", "gift_card",
                        "a@b.co", "250.00", "", " ", "\u0000", "1999-12-31").map(NODES::textNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = json(depth - 1).list().ofMaxSize(12).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(FIELDS), json(depth - 1)).ofMaxSize(8).map(map -> {
            ObjectNode object = NODES.objectNode();
            map.forEach(object::set);
            return object;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaves), net.jqwik.api.Tuple.of(2, arrays), net.jqwik.api.Tuple.of(5, objects));
    }

    @Property(tries = 3000)
    void noInputMakesTheValidatorThrowAndEveryRejectionNamesItsField(@ForAll("anyJson") JsonNode body) {
        ValidationResult result = validator.validate(body, Messages.GERMAN);

        if (result instanceof ValidationResult.Invalid invalid) {
            assertThat(invalid.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.code()).matches("[a-z_]+");
                assertThat(error.message()).isNotBlank();
                // a field is named, except when the body as a whole is not a report object
                assertThat(error.field().isEmpty()).isEqualTo(!body.isObject());
            });
        }
    }
}
