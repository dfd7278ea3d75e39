package io.scamsignal.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.NetworkFingerprint;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.storage.ReportsTableKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic stored reports: a phone number and a website each, typed the ways victims type them. */
final class SampleReports {

    /** Fingerprints as the intake computes them (their size is what the aggregates store per network). */
    private static final NetworkFingerprint NETWORKS = new NetworkFingerprint("bench-network-secret-of-some-length");
    private static final String[][] PHONES = {{"+1 (888) 555-0142", "US"}, {"1-888-555-0142", "CA"},
            {"0800 1234567", "DE"}, {"001 855 326 7194", "DE"}, {"+44 20 7946 0958", "GB"}, {"02 9876 5432", "AU"},
            {"1 844 392 6105", "AU"}, {"888.555.0142", "US"}};
    private static final String[] SITES = {"http://rnicrosoft-support.com/help", "https://www.\u0430mazon-refunds.com/",
            "AMAZON.com.secure-login.xyz", "paypa1-secure.net", "https://mircosoft-help.com/start",
            "amazon-prime-refund.co.uk", "windows-defender-alert.com", "norton-renewal-desk.net"};

    private SampleReports() {
    }

    enum Spread {
        /** every report names a number and a site no other report names */
        UNIQUE,
        /** eight numbers and eight sites, typed in different ways, shared by all reports */
        POPULAR,
        /** one number in every report */
        HOT
    }

    static List<StoredReport> reports(int count, Spread spread) {
        List<StoredReport> reports = new ArrayList<>();
        Instant base = Instant.parse("2026-11-28T10:00:00Z");
        for (int i = 0; i < count; i++) {
            String[] phone = PHONES[i % PHONES.length];
            String typed = switch (spread) {
                case UNIQUE -> String.format("+1 888 555 %04d", i % 10_000);
                case POPULAR -> phone[0];
                case HOT -> "+1 (888) 555-0142";
            };
            String site = spread == Spread.UNIQUE ? "https://scam-" + i + "-support.com/" : SITES[i % SITES.length];
            reports.add(StoredReport.builder("report-" + spread + "-" + i).receivedAt(base.plusSeconds(i))
                    .contactMethod(ContactMethod.POPUP).impersonatedCompany(i % 2 == 0 ? "Microsoft" : "Amazon Prime")
                    .incidentDate(LocalDate.parse("2026-11-27"))
                    .country(spread == Spread.UNIQUE || spread == Spread.HOT ? "US" : phone[1])
                    .scammer(new Scammer(List.of(typed), List.of(site), List.of(), List.of(), List.of()))
                    .loss(new Loss(new BigDecimal("250.00"), "USD", List.of(PaymentMethod.GIFT_CARD)))
                    .description("A pop-up said my computer was infected and to call support.")
                    // each reporter on a network of its own: the aggregates' per-network map at its largest
                    .reporterFingerprint("fingerprint-" + i).networkFingerprint(NETWORKS.of("10." + (i >> 8 & 255) + "." + (i & 255) + ".1").orElseThrow()).build());
        }
        return reports;
    }

    static String json(StoredReport report) {
        return Json.write(report);
    }

    /** A DynamoDB stream batch of INSERT records, one per report, as Lambda delivers the reports table's stream. */
    static byte[] streamBatch(List<StoredReport> reports) {
        var event = Json.mapper().createObjectNode();
        var records = event.putArray("Records");
        int sequence = 0;
        for (StoredReport report : reports) {
            var record = records.addObject().put("eventID", "e" + sequence).put("eventName", "INSERT")
                    .put("eventSource", "aws:dynamodb").put("awsRegion", "us-east-1");
            var dynamodb = record.putObject("dynamodb").put("SequenceNumber", String.valueOf(100_000 + sequence++))
                    .put("StreamViewType", "NEW_IMAGE");
            dynamodb.putObject("Keys").putObject(ReportsTableKeys.REPORT_ID).put("S", report.reportId());
            var image = dynamodb.putObject("NewImage");
            image.putObject("reportId").put("S", report.reportId());
            image.putObject("payload").put("S", json(report));
        }
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
