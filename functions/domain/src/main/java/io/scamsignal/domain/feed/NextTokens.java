package io.scamsignal.domain.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scamsignal.domain.feed.FeedEntry.FeedPosition;
import io.scamsignal.domain.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The paged feeds' {@code next} tokens (TAXII, the number feed): the whole query, readable (base64url JSON, nothing secret in it) but
 * tamper-evident, signed with HMAC-SHA256. A partner cannot edit a token to widen its filters or
 * jump to another collection (its keys may be limited to some collections); the server
 * keeps no paging state. Verification accepts earlier keys too, so the key can rotate without
 * breaking walks in progress.
 */
public final class NextTokens {

    private static final int VERSION = 1;
    private static final int MIN_KEY_BYTES = 32;

    private final List<byte[]> keys;

    /** {@code current} signs; it and the {@code previous} ones verify. Keys have at least 32 bytes. */
    public NextTokens(byte[] current, byte[]... previous) {
        List<byte[]> k = new ArrayList<>();
        k.add(current.clone());
        for (byte[] p : previous) {
            k.add(p.clone());
        }
        for (byte[] key : k) {
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("an HMAC key needs at least " + MIN_KEY_BYTES + " bytes");
            }
        }
        this.keys = List.copyOf(k);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Payload(int v, String c, String aa, List<String> id, List<String> ty, List<String> ve, int l, String at) {
    }

    public String encode(TaxiiQuery q) {
        return sign(new Payload(VERSION, q.collection(),
                q.addedAfter() == null ? null : q.addedAfter().toString(),
                List.copyOf(new TreeSet<>(q.ids())), List.copyOf(new TreeSet<>(q.types())),
                q.versions().stream().map(VersionMatch::wire).toList(), q.limit(),
                q.after() == null ? null : q.after().sortKey()));
    }

    /** The query of a token issued for {@code collection}; anything else is {@code invalid_next}. */
    public TaxiiQuery decode(String token, String collection) {
        Payload p = verify(token, Payload.class);
        try {
            if (p.v() != VERSION || !collection.equals(p.c())) {
                throw invalid(token);
            }
            return new TaxiiQuery(p.c(), p.aa() == null ? null : Instant.parse(p.aa()),
                    p.id() == null ? Set.of() : Set.copyOf(p.id()), p.ty() == null ? Set.of() : Set.copyOf(p.ty()),
                    p.ve() == null ? null : p.ve().stream().map(VersionMatch::parse).toList(), p.l(),
                    p.at() == null ? null : FeedPosition.parse(p.at()));
        } catch (FeedRequestException e) {
            throw e;
        } catch (Exception e) {
            // signed by us but unreadable: a token of a newer format after a rollback
            throw invalid(token);
        }
    }

    /**
     * A token for any paged feed: {@code payload} as base64url JSON, a dot, its HMAC. Each feed's
     * payload names the feed (TAXII: the collection id), so a token of one feed is refused by another.
     */
    public String sign(Object payload) {
        byte[] bytes = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(keys.getFirst(), bytes));
    }

    /** The payload of a token signed by {@link #sign} with one of the keys; anything else is {@code invalid_next}. */
    public <T> T verify(String token, Class<T> type) {
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.') || token.length() > 8192) {
            throw invalid(token);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        boolean signed = false;
        for (byte[] key : keys) {
            // constant-time comparison: no timing oracle for forging a signature byte by byte
            signed |= MessageDigest.isEqual(mac(key, payload), signature);
        }
        if (!signed) {
            throw invalid(token);
        }
        try {
            return Json.mapper().readValue(payload, type);
        } catch (Exception e) {
            // signed by us but unreadable: a token of a newer format after a rollback
            throw invalid(token);
        }
    }

    static FeedRequestException invalid(String token) {
        return new FeedRequestException(FeedRequestException.Code.INVALID_NEXT,
                token.length() > 40 ? token.substring(0, 40) + "…" : token);
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

}
