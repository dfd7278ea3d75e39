package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiGatewayPathTest {

    @Test
    void pathParametersMatchOneSegmentAndGreedyOnesTheRest() {
        assertThat(HttpApiGateway.matchPath("/reports", "/reports")).isEmpty();
        assertThat(HttpApiGateway.matchPath("/reports", "/reports/")).isNull();
        assertThat(HttpApiGateway.matchPath("/taxii2/api/collections/{collectionId}/objects/",
                "/taxii2/api/collections/abc/objects/")).isEqualTo(Map.of("collectionId", "abc"));
        assertThat(HttpApiGateway.matchPath("/taxii2/api/collections/{collectionId}/objects/",
                "/taxii2/api/collections//objects/")).isNull();
        assertThat(HttpApiGateway.matchPath("/taxii2/api/collections/{collectionId}/objects/",
                "/taxii2/api/collections/abc/manifest/")).isNull();
        assertThat(HttpApiGateway.matchPath("/misp/{file+}", "/misp/a/b.json")).isEqualTo(Map.of("file", "a/b.json"));
        assertThat(HttpApiGateway.matchPath("/misp/{eventFile}", "/misp/x%2Dy.json")).isEqualTo(Map.of("eventFile", "x-y.json"));
    }
}
