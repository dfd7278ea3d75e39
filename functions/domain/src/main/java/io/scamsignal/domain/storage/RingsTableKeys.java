package io.scamsignal.domain.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.RingItems;

/**
 * RingsTable (docs/rings.md): {@code pk}/{@code sk} strings. An indicator's membership at
 * {@code IND#<key>}/{@code RING}; a ring's items under {@code RING#<home>} (head {@code HEAD},
 * listing {@code M#}, reports {@code REPORT#}, reporters {@code REPORTER#}, networks {@code NET#});
 * a public ring id's alias at {@code RINGID#<ringId>}/{@code ALIAS}; a candidate link at
 * {@code LINK#<a>|<b>}/{@code LINK}. Each item's record is JSON in
 * {@code state}; the attributes conditions and the stream filter need ({@code home},
 * {@code version}, {@code ringId}, {@code mergedInto}) sit beside it.
 */
public final class RingsTableKeys {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String STATE = "state";
    public static final String HEAD = "HEAD";
    public static final String MEMBER = "RING";
    public static final String ALIAS = "ALIAS";
    public static final String LISTING_PREFIX = "M#";
    public static final String REPORT_PREFIX = "REPORT#";
    public static final String REPORTER_PREFIX = "REPORTER#";
    public static final String NETWORK_PREFIX = "NET#";
    public static final String LINK = "LINK";
    public static final String UNLINK = "UNLINK";

    private RingsTableKeys() {
    }

    public static String memberPk(String indicatorKey) {
        return "IND#" + indicatorKey;
    }

    /** A candidate link's partition key, {@code LINK#<a>|<b>} with {@code a < b}. */
    public static String linkPk(String a, String b) {
        return "LINK#" + a + "|" + b;
    }

    /** A withdrawn link's partition key, {@code UNLINK#<a>|<b>} with {@code a < b}. */
    public static String unlinkPk(String a, String b) {
        return "UNLINK#" + a + "|" + b;
    }

    public static String ringPk(String home) {
        return "RING#" + home;
    }

    public static String aliasPk(String ringId) {
        return "RINGID#" + ringId;
    }

    /** The home of a {@code RING#<home>} partition key. */
    public static String home(String ringPk) {
        return ringPk.substring("RING#".length());
    }

    public static boolean isHead(String sortKey) {
        return HEAD.equals(sortKey);
    }

    /** A stored item's state: our own JSON, so a failure is corrupt storage, not bad input. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ring item cannot be read as " + type.getSimpleName(), e);
        }
    }

    public static RingItems.Head head(String json) {
        return read(json, RingItems.Head.class);
    }
}
