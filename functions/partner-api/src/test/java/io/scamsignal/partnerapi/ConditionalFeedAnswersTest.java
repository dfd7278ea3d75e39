package io.scamsignal.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.aws.HttpApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionalFeedAnswersTest {

    @Test
    void theSameBodyHasTheSameETagAndAClientHoldingItGets304WithoutABody() {
        HttpApiResponse first = PartnerApiHandler.conditional(200, "text/csv", "e164\r\n+18885550142\r\n", Map.of(), null);
        String etag = first.headers().get("ETag");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).startsWith("\"").endsWith("\"");

        for (String held : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            HttpApiResponse again = PartnerApiHandler.conditional(200, "text/csv", "e164\r\n+18885550142\r\n", Map.of(), held);
            assertThat(again.statusCode()).as(held).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers()).containsEntry("ETag", etag).doesNotContainKey("Content-Type");
        }
    }

    @Test
    void aChangedBodyOrAStaleTagGetsTheBody() {
        String etag = PartnerApiHandler.etag("a");
        assertThat(PartnerApiHandler.etag("b")).isNotEqualTo(etag);
        HttpApiResponse changed = PartnerApiHandler.conditional(200, "text/csv", "b", Map.of("X-Next", "t"), etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("b");
        assertThat(changed.headers()).containsEntry("X-Next", "t").containsEntry("Content-Type", "text/csv");
        assertThat(PartnerApiHandler.conditional(200, "text/csv", "b", Map.of(), "").statusCode()).isEqualTo(200);
    }
}
