package io.scamsignal.partnerauth.config;

import io.scamsignal.aws.AwsClients;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.partnerauth.service.PartnerKeyAuthorizer;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Wires the partner authorizer from its environment, once per container. */
public final class PartnerAuthConfig {

    private PartnerAuthConfig() {
    }

    public static PartnerKeyAuthorizer authorizer(FunctionEnvironment env) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), env);
        String table = env.require("PARTNER_KEYS_TABLE");
        return new PartnerKeyAuthorizer(keyId -> {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                    .key(Map.of("keyId", AttributeValue.fromS(keyId)))).item();
            return item == null ? Map.of() : item;
        });
    }
}
