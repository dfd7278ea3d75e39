package io.scamsignal.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** JsonTrees reads what the intake's ObjectMapper reader read, into equal trees, and rejects what it rejected. */
class JsonTreesTest {

    private static final ObjectReader MAPPER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of("0", "-1", "250.00", "1e3", "1.5E-7", "0.0", "-0.10", "12345678901",
                        "123456789012345678901234567890", "3.14159265358979323846264338327950288", "true", "false", "null"));
        Arbitrary<String> arrays = scalars.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> objects = Arbitraries.of("a", "b", "country", "scammer").list().ofMaxSize(3).flatMap(keys ->
                Arbitraries.oneOf(scalars, arrays).list().ofSize(keys.size()).map(values -> {
                    StringBuilder o = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        o.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":").append(values.get(i));
                    }
                    return o.append('}').toString();
                }));
        Arbitrary<String> noise = Arbitraries.of("", "", "", " ", "\n", " x", "}", "{}", ",", "]", " 1");
        return Combinators.combine(Arbitraries.oneOf(scalars, arrays, objects), noise).as((m, n) -> m + n);
    }

    @Property(tries = 2000)
    void sameTreeOrSameRejection(@ForAll("texts") String text) throws Exception {
        JsonNode expected;
        try {
            expected = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            assertThatThrownBy(() -> JsonTrees.read(text)).as(text).isInstanceOf(JsonProcessingException.class);
            return;
        }
        assertThat(JsonTrees.read(text)).as(text).isEqualTo(expected);
    }

    @Example
    void emptyTextIsMissingAndMalformedTextIsRejected() throws Exception {
        assertThat(JsonTrees.read("").isMissingNode()).isTrue();
        assertThat(JsonTrees.read("  ").isMissingNode()).isEqualTo(MAPPER.readTree("  ").isMissingNode());
        for (String bad : List.of("{\"a\":1,\"a\":2}", "{\"a\":1} {}", "[1,]", "{\"a\"}", "\"open", "{\"a\":1", "nul")) {
            assertThatThrownBy(() -> JsonTrees.read(bad)).as(bad).isInstanceOf(JsonProcessingException.class);
            assertThatThrownBy(() -> MAPPER.readTree(bad)).as(bad).isInstanceOf(JsonProcessingException.class);
        }
    }
}
