package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** The local gateway's check of IAM-authorized routes, against requests the AWS SDK's own signer signs. */
class SigV4VerifierTest {

    private static final SigV4Verifier LOCAL = new SigV4Verifier("test", "test", "us-east-1");
    private static final String PATH = "/rings/5619731c-dcfe-3adb-bb0c-d2d31cf361a9/referral";

    private static Map<String, String> signed(String secret, String query) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:3000" + PATH + "?" + query)).build();
        Map<String, String> headers = new HashMap<>();
        AwsV4HttpSigner.create().sign(r -> r.identity(AwsBasicCredentials.create("test", secret)).request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request().headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return headers;
    }

    private static String check(Map<String, String> headers, String query) {
        return LOCAL.refusal("GET", PATH, query, headers::get, new byte[0], Instant.now());
    }

    @Test
    void aRequestTheSdkSignedWithTheLocalCredentialsPasses() {
        assertThat(check(signed("test", "format=stix"), "format=stix")).isNull();
    }

    @Test
    void unsignedWronglySignedAndChangedRequestsAreRefused() {
        assertThat(check(Map.of("host", "127.0.0.1:3000"), "format=json")).isEqualTo("not signed");
        assertThat(check(signed("other-secret", "format=json"), "format=json")).isEqualTo("signature does not match");
        assertThat(check(signed("test", "format=json"), "format=html")).isEqualTo("signature does not match");
        Map<String, String> stale = new HashMap<>(signed("test", "format=json"));
        stale.put("x-amz-date", "20200101T000000Z");
        assertThat(check(stale, "format=json")).isNotNull();
    }

    @Test
    void pathTemplatesMatchWholeSegments() {
        assertThat(HttpApiGateway.matchPath("/rings/{ringId}/referral", PATH)).containsEntry("ringId",
                "5619731c-dcfe-3adb-bb0c-d2d31cf361a9");
        assertThat(HttpApiGateway.matchPath("/rings/{ringId}/referral", "/rings//referral")).isNull();
        assertThat(HttpApiGateway.matchPath("/rings/{ringId}/referral", "/rings/a/b/referral")).isNull();
        assertThat(HttpApiGateway.matchPath("/reports", "/reports")).isEmpty();
    }
}
