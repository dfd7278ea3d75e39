package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scanner finds what was planted, in every form it looks for, and nothing where nothing is. */
class PersonalDataScanTest {

    private final PersonalDataScan scan = PersonalDataScan.of(List.of("Jürgen.Müller@Example.org", "Pat Example", "on"));

    @Test
    void findsAValueAsTypedInAnyCase() {
        assertThat(scan.findIn("log", "contact: jürgen.müller@example.ORG")).extracting(PersonalDataScan.Finding::form)
                .contains("as typed");
        assertThat(scan.findIn("log", "by PAT EXAMPLE")).extracting(PersonalDataScan.Finding::value).containsExactly("Pat Example");
    }

    @Test
    void findsUrlEncodedAndJsonEscapedForms() {
        assertThat(scan.findIn("form body", "reporter.name=Pat+Example&x=1")).extracting(PersonalDataScan.Finding::form)
                .containsExactly("URL-encoded");
        assertThat(scan.findIn("query", "?who=J%C3%BCrgen.M%C3%BCller%40Example.org")).extracting(PersonalDataScan.Finding::form)
                .contains("URL-encoded");
        assertThat(scan.findIn("log line", "{\"email\":\"J\\u00FCrgen.M\\u00FCller@example.org\"}"))
                .extracting(PersonalDataScan.Finding::form).contains("JSON-escaped, non-ASCII as \\u");
        String twice = "{\"payload\":\"{\\\"name\\\":\\\"Pat Example\\\"}\"}";
        assertThat(scan.findIn("stream record", twice)).extracting(PersonalDataScan.Finding::value).contains("Pat Example");
    }

    @Test
    void findsValuesInsideEveryKindOfAttribute() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("phone#+18885550142"),
                "state", AttributeValue.fromM(Map.of("notes", AttributeValue.fromL(List.of(
                        AttributeValue.fromS("fine"), AttributeValue.fromSs(List.of("x", "pat example")))))),
                "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("jürgen.müller@example.org")));
        assertThat(scan.findIn("item", PersonalDataScan.render(item))).extracting(PersonalDataScan.Finding::value)
                .containsExactlyInAnyOrder("Pat Example", "Jürgen.Müller@Example.org");
    }

    @Test
    void theLoopbackAddressIsLookedForEverywhereButInLogs() {
        PersonalDataScan withAddress = PersonalDataScan.of(List.of("127.0.0.1", "Pat Example"));
        assertThat(withAddress.findIn("item", "sourceIp=127.0.0.1")).hasSize(1);
        assertThat(withAddress.forLogs().findIn("captured logs", "moto at http://127.0.0.1:4566")).isEmpty();
        assertThat(withAddress.forLogs().findIn("captured logs", "by Pat Example")).hasSize(1);
    }

    @Test
    void findsNothingInCleanTextAndIgnoresValuesTooShortToMeanAnything() {
        assertThat(scan.findIn("log", "{\"message\":\"reports enriched\",\"applied\":1,\"reportIds\":[\"94078e30\"]} on")).isEmpty();
        assertThat(scan.values()).containsExactlyInAnyOrder("Jürgen.Müller@Example.org", "Pat Example");
    }
}
