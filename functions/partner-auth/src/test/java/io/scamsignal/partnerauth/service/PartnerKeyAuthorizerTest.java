package io.scamsignal.partnerauth.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PartnerKeyAuthorizerTest {

    private static final String SECRET = "s3cr3t-with-enough-entropy-for-a-test-0123456789";

    private static Map<String, AttributeValue> item(String status) {
        return Map.of("keyId", AttributeValue.fromS("pk_1"), "partner", AttributeValue.fromS("acme"),
                "status", AttributeValue.fromS(status), "collections", AttributeValue.fromS("*"),
                "secretSha256", AttributeValue.fromS(HexFormat.of().formatHex(PartnerKeyAuthorizer.sha256(SECRET))));
    }

    private static Map<String, AttributeValue> withScopes(String scopes) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(item("ACTIVE"));
        item.remove("collections");
        item.put("scopes", AttributeValue.fromS(scopes));
        return item;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRightSecretIsAuthorizedWithThePartnersContext() {
        ObjectNode answer = new PartnerKeyAuthorizer(id -> id.equals("pk_1") ? item("ACTIVE") : Map.of())
                .authorize(basic("pk_1", SECRET));
        assertThat(answer.get("isAuthorized").asBoolean()).isTrue();
        assertThat(answer.get("context").get("partner").asText()).isEqualTo("acme");
        assertThat(answer.get("context").get("collections").asText()).isEqualTo("*");
    }

    @Test
    void wrongSecretUnknownKeyRevokedKeyAndGarbageAreRefused() {
        PartnerKeyAuthorizer active = new PartnerKeyAuthorizer(id -> id.equals("pk_1") ? item("ACTIVE") : Map.of());
        assertThat(active.authorize(basic("pk_1", SECRET + "x")).get("isAuthorized").asBoolean()).isFalse();
        assertThat(active.authorize(basic("pk_2", SECRET)).get("isAuthorized").asBoolean()).isFalse();
        assertThat(active.authorize("Bearer abc").get("isAuthorized").asBoolean()).isFalse();
        assertThat(active.authorize("Basic !!!").get("isAuthorized").asBoolean()).isFalse();
        assertThat(active.authorize(null).get("isAuthorized").asBoolean()).isFalse();
        assertThat(active.authorize(basic("pk_1", SECRET)).has("context")).isTrue();
        PartnerKeyAuthorizer revoked = new PartnerKeyAuthorizer(id -> item("REVOKED"));
        assertThat(revoked.authorize(basic("pk_1", SECRET)).get("isAuthorized").asBoolean()).isFalse();
    }

    @Test
    void theContextCarriesTheKeysScopesAndTheCollectionsTheyRead() {
        ObjectNode reader = new PartnerKeyAuthorizer(id -> withScopes("read:6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11"))
                .authorize(basic("pk_1", SECRET));
        assertThat(reader.get("context").get("scopes").asText()).isEqualTo("read:6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11");
        assertThat(reader.get("context").get("collections").asText()).isEqualTo("6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11");
        ObjectNode writer = new PartnerKeyAuthorizer(id -> withScopes("read:*,submit,victim-network"))
                .authorize(basic("pk_1", SECRET));
        assertThat(writer.get("context").get("scopes").asText()).isEqualTo("read:*,submit,victim-network");
        assertThat(writer.get("context").get("collections").asText()).isEqualTo("*");
        ObjectNode submitOnly = new PartnerKeyAuthorizer(id -> withScopes("submit")).authorize(basic("pk_1", SECRET));
        assertThat(submitOnly.get("context").get("collections").asText()).isEmpty();
    }

    @Test
    void anItemWithoutScopesReadsItsCollectionsAndMayNotSubmit() {
        ObjectNode legacy = new PartnerKeyAuthorizer(id -> item("ACTIVE")).authorize(basic("pk_1", SECRET));
        assertThat(legacy.get("context").get("scopes").asText()).isEqualTo("read:*");
        assertThat(PartnerKeyAuthorizer.readScopes("a,b")).isEqualTo("read:a,read:b");
        assertThat(PartnerKeyAuthorizer.collections("read:a,read:b,submit")).isEqualTo("a,b");
    }
}
