package io.scamsignal.domain.storage;

/**
 * AlertsTable: one item per alert, found by its indicator through the ByIndicator index; beside them
 * one item per indicator that ever alerted, its STIX state ({@code alertId = stix#<indicator key>}).
 */
public final class AlertsTableKeys {

    /** The partition key: the alert's name-based UUID. */
    public static final String ALERT_ID = "alertId";
    /** The partition key of the index on indicator (ALERTS_BY_INDICATOR_INDEX): type#value. */
    public static final String INDICATOR = "indicator";

    private static final String STIX_STATE_PREFIX = "stix#";

    private AlertsTableKeys() {
    }

    /** The key of an indicator's STIX state item (its stable STIX id and current version). */
    public static String stixState(String indicatorKey) {
        return STIX_STATE_PREFIX + indicatorKey;
    }

    /** The key of a ring's campaign state item (rings collection): {@code stix#ring#<ringId>}. */
    public static String ringStixState(String ringId) {
        return stixState("ring#" + ringId);
    }

    public static boolean isStixState(String alertId) {
        return alertId.startsWith(STIX_STATE_PREFIX);
    }

    /** The index key of an alert's indicator, the same text as the indicator's key in IndicatorsTable. */
    public static String indicator(String type, String value) {
        return type + "#" + value;
    }
}
