package io.scamsignal.alerting.service;

import io.scamsignal.domain.indicator.Indicator;
import java.util.List;

public interface ReportIdLookup {

    /** Ids of reports that named the indicator, at most {@code max}. */
    List<String> reportIds(Indicator indicator, int max);
}
