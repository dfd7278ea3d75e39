package io.scamsignal.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and spread of repeated measurements. */
record Stats(double median, double p10, double p90, int n) {

    static Stats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Stats(at(sorted, 0.5), at(sorted, 0.1), at(sorted, 0.9), sorted.size());
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }

    String format(String unit) {
        return String.format("%.1f %s (p10 %.1f, p90 %.1f, n=%d)", median, unit, p10, p90, n);
    }
}
