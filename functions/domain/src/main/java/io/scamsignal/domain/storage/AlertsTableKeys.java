package io.scamsignal.domain.storage;

/** AlertsTable: one item per alert, found by its indicator through the ByIndicator index. */
public final class AlertsTableKeys {

    /** The partition key: the alert's name-based UUID. */
    public static final String ALERT_ID = "alertId";
    /** The partition key of the index on indicator (ALERTS_BY_INDICATOR_INDEX): type#value. */
    public static final String INDICATOR = "indicator";

    private AlertsTableKeys() {
    }

    /** The index key of an alert's indicator, the same text as the indicator's key in IndicatorsTable. */
    public static String indicator(String type, String value) {
        return type + "#" + value;
    }
}
