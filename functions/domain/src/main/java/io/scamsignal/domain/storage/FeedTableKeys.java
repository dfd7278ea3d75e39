package io.scamsignal.domain.storage;

/**
 * FeedTable: the partner feeds' STIX objects, one item per object version ({@code pk} = the TAXII
 * collection's id, {@code sk} = date_added#seq, see io.scamsignal.domain.feed.FeedEntry), and one
 * counter item per collection ({@code pk} = counter#collection) holding the last position appended
 * and the ids of the objects appended once per collection (identity, marking, extension-definitions).
 * Index ByObject ({@code objectId}, {@code sk}): the versions of one object.
 *
 * <p>Partition {@code current#collection} holds one item per alerted indicator ({@code sk} = its
 * key, type#value) with what the MISP and number feeds show (FeedIndicator's fields), written in the
 * same transaction as the indicator's STIX versions.
 */
public final class FeedTableKeys {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String OBJECT_ID = "objectId";
    public static final String BY_OBJECT_INDEX = "ByObject";
    public static final String COUNTER = "counter";

    private FeedTableKeys() {
    }

    public static String currentPartition(String collection) {
        return "current#" + collection;
    }

    public static String counterPartition(String collection) {
        return "counter#" + collection;
    }
}
