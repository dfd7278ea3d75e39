package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static final String AGGREGATE_MODIFIED = """
            {"eventName":"MODIFY","dynamodb":{"Keys":{"pk":{"S":"phone#+1"},"sk":{"S":"AGG"}},
             "NewImage":{"sk":{"S":"AGG"},"indicatorType":{"S":"phone"},"reports":{"N":"3"}}}}""";

    @Test
    void theAlertingFilterLetsOnlyWrittenAggregatesThrough() throws Exception {
        EventFilter filter = new EventFilter(List.of(json("""
                {"eventName": ["INSERT", "MODIFY"], "dynamodb": {"Keys": {"sk": {"S": ["AGG"]}},
                 "NewImage": {"indicatorType": {"S": [{"exists": true}]}}}}""")));

        assertThat(filter.matches(json(AGGREGATE_MODIFIED))).isTrue();
        assertThat(filter.matches(json(AGGREGATE_MODIFIED.replace("\"AGG\"}},", "\"R#abc\"}},")))).isFalse();
        assertThat(filter.matches(json(AGGREGATE_MODIFIED.replace("MODIFY", "REMOVE")))).isFalse();
        assertThat(filter.matches(json("""
                {"eventName":"INSERT","dynamodb":{"Keys":{"sk":{"S":"AGG"}},"NewImage":{"sk":{"S":"AGG"}}}}""")))
                .isFalse();
    }

    @Test
    void filtersAreAlternativesAndNoFilterPassesEverything() throws Exception {
        EventFilter inserts = new EventFilter(List.of(json("{\"eventName\":[\"INSERT\"]}"),
                json("{\"eventName\":[\"REMOVE\"]}")));

        assertThat(inserts.matches(json("{\"eventName\":\"REMOVE\"}"))).isTrue();
        assertThat(inserts.matches(json("{\"eventName\":\"MODIFY\"}"))).isFalse();
        assertThat(new EventFilter(List.of()).matches(json("{\"eventName\":\"MODIFY\"}"))).isTrue();
    }

    @Test
    void operatorsBehaveAsInLambda() throws Exception {
        JsonNode record = json(AGGREGATE_MODIFIED);

        assertThat(new EventFilter(List.of(json("{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"phone#\"}]}}}}"))).matches(record)).isTrue();
        assertThat(new EventFilter(List.of(json("{\"eventName\":[{\"anything-but\":[\"MODIFY\"]}]}"))).matches(record)).isFalse();
        assertThat(new EventFilter(List.of(json("{\"dynamodb\":{\"OldImage\":[{\"exists\":false}]}}"))).matches(record)).isTrue();
        assertThat(new EventFilter(List.of(json("{\"n\":[{\"numeric\":[\">=\",3,\"<\",10]}]}"))).matches(json("{\"n\":3}"))).isTrue();
        assertThat(new EventFilter(List.of(json("{\"n\":[{\"numeric\":[\">=\",3,\"<\",10]}]}"))).matches(json("{\"n\":10}"))).isFalse();
    }
}
