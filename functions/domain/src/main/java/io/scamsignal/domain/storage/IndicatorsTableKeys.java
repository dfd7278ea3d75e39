package io.scamsignal.domain.storage;

import io.scamsignal.domain.indicator.Indicator;

/**
 * IndicatorsTable: one partition per indicator ({@code pk} = type#value) holding its aggregate
 * ({@code sk} = AGG), one item per reporter whose reports were counted ({@code sk} = R#fingerprint)
 * and one marker per counted report ({@code sk} = C#reportId).
 */
public final class IndicatorsTableKeys {

    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    /** The sort key of the aggregate item, the one the stream filter passes on to alerting. */
    public static final String AGGREGATE = "AGG";
    /**
     * The partition of the operators' benign entries ({@code sk} = the indicator's key): no indicator
     * key lacks a '#', so it is no indicator's partition, and one Query reads every entry.
     */
    public static final String BENIGN_PARTITION = "BENIGN";
    /** The sort key prefix of the per-reporter items. */
    public static final String REPORTER_PREFIX = "R#";

    /** The sort key prefix of the counted-report markers (the exactly-once guard). */
    public static final String COUNTED_PREFIX = "C#";

    private IndicatorsTableKeys() {
    }

    public static String partitionKey(Indicator indicator) {
        return indicator.key();
    }

    public static String reporterSortKey(String fingerprint) {
        return REPORTER_PREFIX + fingerprint;
    }

    public static String countedSortKey(String reportId) {
        return COUNTED_PREFIX + reportId;
    }

    /** The report id of a counted-report marker's sort key; null for any other sort key. */
    public static String countedReport(String sortKey) {
        return sortKey != null && sortKey.startsWith(COUNTED_PREFIX) ? sortKey.substring(COUNTED_PREFIX.length()) : null;
    }

    public static boolean isAggregate(String sortKey) {
        return AGGREGATE.equals(sortKey);
    }

    /** The fingerprint of a per-reporter item's sort key; null for any other sort key. */
    public static String fingerprint(String sortKey) {
        return sortKey != null && sortKey.startsWith(REPORTER_PREFIX) ? sortKey.substring(REPORTER_PREFIX.length()) : null;
    }
}
