package io.scamsignal.domain.storage;

/** ReportsTable and ReporterDataTable: one item per report in each, under the same key. */
public final class ReportsTableKeys {

    /** The partition key of both tables: the report's random id, which spreads writes and stream shards. */
    public static final String REPORT_ID = "reportId";

    private ReportsTableKeys() {
    }
}
