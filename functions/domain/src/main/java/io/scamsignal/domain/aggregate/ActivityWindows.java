package io.scamsignal.domain.aggregate;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rolling 24-hour and 7-day activity of one indicator, in hour and day buckets (UTC, since the
 * epoch). Reports are counted in the bucket of their time. Each reporter is counted once, in the
 * day of their latest report, and moves when they report again on a later day: so the reporters
 * of the last seven days are exactly the sum of the last seven day buckets. Buckets older than the
 * windows are dropped, which keeps the aggregate item small (and its writes cheap).
 */
public record ActivityWindows(SortedMap<Long, Long> reportsByHour, SortedMap<Long, Long> reportsByDay,
                              SortedMap<Long, Long> reportersByLastDay) {

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    public ActivityWindows {
        reportsByHour = Collections.unmodifiableSortedMap(new TreeMap<>(reportsByHour));
        reportsByDay = Collections.unmodifiableSortedMap(new TreeMap<>(reportsByDay));
        reportersByLastDay = Collections.unmodifiableSortedMap(new TreeMap<>(reportersByLastDay));
    }

    public static ActivityWindows empty() {
        return new ActivityWindows(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /**
     * @param reporterPreviousLast the reporter's latest report before this one, null for a new reporter
     */
    public ActivityWindows withReport(Instant at, Instant reporterPreviousLast) {
        TreeMap<Long, Long> hours = new TreeMap<>(reportsByHour);
        TreeMap<Long, Long> days = new TreeMap<>(reportsByDay);
        TreeMap<Long, Long> reporters = new TreeMap<>(reportersByLastDay);
        long day = Math.floorDiv(at.getEpochSecond(), DAY);
        hours.merge(Math.floorDiv(at.getEpochSecond(), HOUR), 1L, Long::sum);
        days.merge(day, 1L, Long::sum);
        if (reporterPreviousLast == null) {
            reporters.merge(day, 1L, Long::sum);
        } else {
            long previousDay = Math.floorDiv(reporterPreviousLast.getEpochSecond(), DAY);
            if (day > previousDay) {
                // a bucket already dropped held nobody inside the windows any more
                reporters.computeIfPresent(previousDay, (d, n) -> n > 1 ? n - 1 : null);
                reporters.merge(day, 1L, Long::sum);
            }
        }
        return new ActivityWindows(hours, days, reporters);
    }

    /** Drops buckets that no window ending at {@code asOf} or later can reach. */
    public ActivityWindows prunedAsOf(Instant asOf) {
        long hour = Math.floorDiv(asOf.getEpochSecond(), HOUR);
        long day = Math.floorDiv(asOf.getEpochSecond(), DAY);
        return new ActivityWindows(reportsByHour.tailMap(hour - 23), reportsByDay.tailMap(day - 6),
                reportersByLastDay.tailMap(day - 6));
    }

    /** Reports in the 24 hour buckets ending with the one of {@code asOf}. */
    public long reports24h(Instant asOf) {
        long hour = Math.floorDiv(asOf.getEpochSecond(), HOUR);
        return sum(reportsByHour, hour - 23, hour);
    }

    public long reports7d(Instant asOf) {
        long day = Math.floorDiv(asOf.getEpochSecond(), DAY);
        return sum(reportsByDay, day - 6, day);
    }

    public long distinctReporters7d(Instant asOf) {
        long day = Math.floorDiv(asOf.getEpochSecond(), DAY);
        return sum(reportersByLastDay, day - 6, day);
    }

    private static long sum(SortedMap<Long, Long> buckets, long from, long to) {
        return buckets.subMap(from, to + 1).values().stream().mapToLong(Long::longValue).sum();
    }
}
