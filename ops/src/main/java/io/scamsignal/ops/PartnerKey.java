package io.scamsignal.ops;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.partner.PartnerScopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code partner-key create <partner> [scopes]}, {@code partner-key scopes <keyId> <scopes>} and
 * {@code partner-key revoke <keyId>}: the partner API keys the HttpApi's authorizer checks. A key is
 * an id and a 256-bit random secret, printed once; the table keeps the secret's SHA-256 only, and the
 * key's scopes ({@link PartnerScopes}: {@code read:<collection>}, {@code read:*}, {@code submit},
 * {@code victim-network}; a key given none reads the indicators collection only). Changing a key's
 * scopes keeps its secret. Reads {@code PARTNER_KEYS_TABLE} (default: the local runner's
 * {@code <STACK_NAME>-PartnerKeysTable}).
 */
public final class PartnerKey implements Ops.Command {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A created key: what the partner configures (HTTP Basic user and password). */
    public record Created(String keyId, String secret) {
    }

    @Override
    public String usage() {
        return "create <partner> [scopes: read:<indicators|rings|id|*>, submit, victim-network; default read:indicators]"
                + " | scopes <keyId> <scopes> | revoke <keyId>";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        boolean create = args.size() >= 2 && args.size() <= 3 && args.get(0).equals("create") && !args.get(1).isBlank();
        boolean change = args.size() == 3 && args.get(0).equals("scopes") && !args.get(1).isBlank();
        boolean revoke = args.size() == 2 && args.get(0).equals("revoke");
        if (!create && !change && !revoke) {
            System.err.println("usage: partner-key " + usage());
            return 2;
        }
        if (create && args.get(1).strip().equalsIgnoreCase(IndicatorAggregate.PUBLIC_SOURCE)) {
            System.err.println("\"" + IndicatorAggregate.PUBLIC_SOURCE + "\" names the public API in aggregates, alerts"
                    + " and feeds (sources): choose another partner name");
            return 2;
        }
        PartnerScopes scopes = PartnerScopes.DEFAULT;
        if ((create && args.size() == 3 && !args.get(2).isBlank()) || change) {
            try {
                scopes = PartnerScopes.parse(args.get(2));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
        boolean tableNamed = environment.get("PARTNER_KEYS_TABLE", null) != null;
        String table = environment.table("PARTNER_KEYS_TABLE", "PartnerKeysTable");
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            if (create) {
                Created key = create(dynamoDb, table, args.get(1), scopes, Instant.now());
                System.out.println("partner:  " + args.get(1));
                System.out.println("key id:   " + key.keyId());
                System.out.println("secret:   " + key.secret() + "   (shown once; HTTP Basic user = key id, password = secret)");
                System.out.println("scopes:   " + scopes.describe());
                return 0;
            }
            if (change) {
                boolean changed = changeScopes(dynamoDb, table, args.get(1), scopes, Instant.now());
                System.out.println(changed ? "key " + args.get(1) + " now has the scopes " + scopes.describe()
                        + " (writes follow within PartnerWriteAuthCacheSeconds, reads within PartnerAuthCacheSeconds)"
                        : "no key " + args.get(1) + " in " + table);
                return changed ? 0 : 1;
            }
            boolean revoked = revoke(dynamoDb, table, args.get(1), Instant.now());
            System.out.println(revoked ? "revoked " + args.get(1) + " (refused at the latest when API Gateway's authorizer caches"
                    + " expire: PartnerWriteAuthCacheSeconds for writes, PartnerAuthCacheSeconds for reads)"
                    : "no key " + args.get(1) + " in " + table);
            return revoked ? 0 : 1;
        }
    }

    public static Created create(DynamoDbClient dynamoDb, String table, String partner, PartnerScopes scopes, Instant now) {
        if (partner.strip().equalsIgnoreCase(IndicatorAggregate.PUBLIC_SOURCE)) {
            throw new IllegalArgumentException("the partner name " + partner + " is reserved for the public API");
        }
        byte[] id = new byte[9];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Created key = new Created("pk_" + b64.encodeToString(id), b64.encodeToString(secret));
        dynamoDb.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(keyId)").item(Map.of(
                "keyId", AttributeValue.fromS(key.keyId()),
                "partner", AttributeValue.fromS(partner),
                "secretSha256", AttributeValue.fromS(sha256Hex(key.secret())),
                "scopes", AttributeValue.fromS(scopes.format()),
                "status", AttributeValue.fromS("ACTIVE"),
                "createdAt", AttributeValue.fromS(now.toString()))));
        return key;
    }

    /** A key that reads the collections named ({@code *} for all, or ids comma-separated) and may not submit. */
    public static Created create(DynamoDbClient dynamoDb, String table, String partner, String collections, Instant now) {
        return create(dynamoDb, table, partner, PartnerScopes.ofCollections(collections), now);
    }

    /** Replaces a key's scopes, secret unchanged; false when there is no such key. */
    public static boolean changeScopes(DynamoDbClient dynamoDb, String table, String keyId, PartnerScopes scopes, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("keyId", AttributeValue.fromS(keyId)))
                    .updateExpression("SET scopes = :scopes, scopesChangedAt = :now REMOVE collections")
                    .conditionExpression("attribute_exists(keyId)")
                    .expressionAttributeValues(Map.of(":scopes", AttributeValue.fromS(scopes.format()),
                            ":now", AttributeValue.fromS(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public static boolean revoke(DynamoDbClient dynamoDb, String table, String keyId, Instant now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("keyId", AttributeValue.fromS(keyId)))
                    .updateExpression("SET #status = :revoked, revokedAt = :now")
                    .conditionExpression("attribute_exists(keyId)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":revoked", AttributeValue.fromS("REVOKED"),
                            ":now", AttributeValue.fromS(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
