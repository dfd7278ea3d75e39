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
 * same transaction as the indicator's STIX versions. The same write keeps, on that item, the keys of
 * three sparse indexes (computed by CurrentItemKeys), so that no feed request reads the whole partition:
 *
 * <ul>
 * <li>ByMispDay ({@code mispDay} = misp#collection#yyyy-mm-dd, {@code sk}): one MISP event's
 * indicators, those first alerted that day;</li>
 * <li>NumbersByWrite ({@code numWritePk} = numbers#collection, {@code numWriteSk} = the time of the
 * latest write and the number, io.scamsignal.domain.feed.NumberFeedPager#key): the live numbers
 * (not withdrawn, not benign) in order of writes; {@code numWritePk} is removed when one is withdrawn
 * or shown as benign, {@code numWriteSk} kept;</li>
 * <li>NumbersByExpiry ({@code numExpiryPk}, {@code numExpirySk}): the live numbers at their valid-until
 * (an expiry changes a row without a write), the withdrawn and benign ones at their latest write.</li>
 * </ul>
 *
 * <p>Partition {@code mispdays#collection} holds one summary item per MISP event ({@code sk} = the
 * event's uuid; {@code day}, {@code ts}, {@code tags}), updated in the same transaction (condition:
 * its timestamp as read), from which the manifest is built.
 */
public final class FeedTableKeys {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String OBJECT_ID = "objectId";
    public static final String BY_OBJECT_INDEX = "ByObject";
    public static final String COUNTER = "counter";

    public static final String BY_MISP_DAY_INDEX = "ByMispDay";
    public static final String MISP_DAY = "mispDay";
    public static final String NUMBERS_BY_WRITE_INDEX = "NumbersByWrite";
    public static final String NUM_WRITE_PK = "numWritePk";
    public static final String NUM_WRITE_SK = "numWriteSk";
    public static final String NUMBERS_BY_EXPIRY_INDEX = "NumbersByExpiry";
    public static final String NUM_EXPIRY_PK = "numExpiryPk";
    public static final String NUM_EXPIRY_SK = "numExpirySk";

    private FeedTableKeys() {
    }

    public static String currentPartition(String collection) {
        return "current#" + collection;
    }

    public static String counterPartition(String collection) {
        return "counter#" + collection;
    }

    /** The ByMispDay key of a day's event. */
    public static String mispDay(String collection, String day) {
        return "misp#" + collection + "#" + day;
    }

    public static String mispDaysPartition(String collection) {
        return "mispdays#" + collection;
    }

    public static String numbersPartition(String collection) {
        return "numbers#" + collection;
    }
}
