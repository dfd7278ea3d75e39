package io.scamsignal.domain.referral;

import io.scamsignal.domain.ring.RingReport;

import io.scamsignal.domain.html.Html;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A referral packet as one self-contained, printable HTML page in English: no script, no external
 * resource; charts are inline SVG (victims by country, reports per month, losses by size).
 */
public final class ReferralHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final BigDecimal[] LOSS_BOUNDS = {new BigDecimal("100"), new BigDecimal("500"), new BigDecimal("1000"),
            new BigDecimal("5000")};
    private static final String[] LOSS_LABELS = {"< $100", "$100–499", "$500–999", "$1,000–4,999", "≥ $5,000"};

    private ReferralHtml() {
    }

    public static String render(ReferralPacket p) {
        ReferralPacket.Ring r = p.ring();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Referral: tech-support scam ring ").append(esc(r.ringId())).append("</title>")
                .append("<style>body{font:11pt/1.4 system-ui,sans-serif;margin:2em;color:#111}")
                .append("h1{font-size:18pt}h2{font-size:14pt;margin-top:1.6em;border-bottom:1px solid #999}")
                .append("table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border:1px solid #bbb;padding:2px 4px;")
                .append("text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}")
                .append(".weak{color:#a40}.mono{font-family:ui-monospace,monospace;word-break:break-all}")
                .append("svg{max-width:100%;height:auto}.charts{display:flex;flex-wrap:wrap;gap:1em}")
                .append("@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}</style></head><body>\n");
        h.append("<h1>Tech-support scam ring ").append(esc(r.ringId())).append("</h1>\n");
        h.append("<p>Produced by ").append(esc(p.producer().name())).append(" on ").append(esc(DAY.format(p.generatedAt())))
                .append(". Packet ").append(esc(p.packetId())).append(". TLP:AMBER — limited disclosure to the recipient's ")
                .append("organisation and its clients on a need-to-know basis.</p>\n");
        h.append("<h2>Summary</h2>\n<table>");
        row(h, "Reports", Long.toString(r.reports()));
        row(h, "Reporters", r.effectiveReporters() + " counting at most a few per network (" + r.distinctReporters()
                + " distinct)");
        row(h, "Indicators", Long.toString(r.members()));
        row(h, "Brands impersonated", String.join(", ", r.brands().keySet()));
        row(h, "Countries of victims", String.join(", ", r.victimsByCountry().keySet()));
        row(h, "First and last report", DAY.format(r.firstReport()) + " — " + DAY.format(r.lastReport()));
        row(h, "Losses reported (USD)", "total " + money(r.lossUsd().total()) + ", median " + money(r.lossUsd().median())
                + " over " + r.lossUsd().reportsWithLoss() + " reports with a loss");
        row(h, "Contact methods", counts(r.contactMethods()));
        // the joint-referral case: the same ring seen through several companies' channels
        row(h, "Reported through (reports)", r.sources() == null || r.sources().isEmpty() ? "—" : sources(r.sources()));
        row(h, "Reporters who agreed to be contacted by law enforcement", p.contacts().agreed() + " of " + p.contacts().reporters());
        h.append("</table>\n");

        h.append("<h2>Charts</h2>\n<div class=\"charts\">");
        h.append(bars("Victims by country", r.victimsByCountry()));
        h.append(bars("Reports per month", r.reportsByMonth()));
        h.append(bars("Reports by loss (USD)", lossBuckets(p.reports())));
        h.append("</div>\n");

        h.append("<h2>Indicators</h2>\n<p>Marked <span class=\"weak\">one network</span>: known only through ")
                .append("the reports of one network, which one person could have made.</p>\n")
                .append("<table><tr><th>Type</th><th>Indicator</th><th>Reports</th><th>First seen</th>")
                .append("<th>Last seen</th></tr>");
        for (ReferralPacket.IndicatorEntry i : p.indicators()) {
            h.append("<tr><td>").append(esc(i.type())).append("</td><td class=\"mono\">").append(esc(i.display()))
                    .append(i.singleNetwork() ? " <span class=\"weak\">(one network)</span>" : "")
                    .append("</td><td class=\"n\">").append(i.reports()).append("</td><td>").append(esc(DAY.format(i.firstSeen())))
                    .append("</td><td>").append(esc(DAY.format(i.lastSeen()))).append("</td></tr>");
        }
        h.append("</table>\n");

        h.append("<h2>Payment rails</h2>\n<p>Payment methods named: ").append(esc(counts(p.paymentRails().methods())))
                .append(".</p>\n");
        if (p.paymentRails().wallets().isEmpty()) {
            h.append("<p>No cryptocurrency wallet was named.</p>\n");
        } else {
            h.append("<table><tr><th>Wallet</th><th>Chain</th><th>Reports</th><th>First seen</th><th>Last seen</th></tr>");
            for (ReferralPacket.IndicatorEntry w : p.paymentRails().wallets()) {
                h.append("<tr><td class=\"mono\">").append(esc(w.display())).append("</td><td>")
                        .append(esc(w.value().substring(0, w.value().indexOf(':')).toUpperCase(Locale.ROOT)))
                        .append("</td><td class=\"n\">").append(w.reports()).append("</td><td>")
                        .append(esc(DAY.format(w.firstSeen()))).append("</td><td>").append(esc(DAY.format(w.lastSeen())))
                        .append("</td></tr>");
            }
            h.append("</table>\n");
        }

        long weak = p.links().stream().filter(ReferralPacket.LinkEntry::weak).count();
        h.append("<h2>How the ring was linked</h2>\n<p>Two indicators are linked when a victim named both in one report. ")
                .append("The ring is every indicator connected through such links. ").append(p.links().size())
                .append(" links; ").append(weak).append(" rest on a single report and are marked <span class=\"weak\">weak</span>.</p>\n")
                .append("<table><tr><th>Indicator</th><th>Indicator</th><th>Reports</th><th>Reporters</th><th>Strength</th></tr>");
        for (ReferralPacket.LinkEntry l : p.links()) {
            h.append("<tr").append(l.weak() ? " class=\"weak\"" : "").append("><td class=\"mono\">").append(esc(l.a()))
                    .append("</td><td class=\"mono\">").append(esc(l.b())).append("</td><td class=\"n\">").append(l.reports())
                    .append("</td><td class=\"n\">").append(l.distinctReporters()).append("</td><td>")
                    .append(l.weak() ? "weak (one report: " + esc(l.reportIds().get(0)) + ")" : "corroborated").append("</td></tr>");
        }
        h.append("</table>\n");

        if (!p.candidateLinks().isEmpty()) {
            h.append("<h2>Candidate links to other rings (not merged)</h2>\n<p>Named together by reports from fewer ")
                    .append("networks than a merge needs: one person could have made them. The rings stay apart.</p>\n")
                    .append("<table><tr><th>Indicator</th><th>Indicator</th><th>Other ring</th><th>Reports</th>")
                    .append("<th>Networks</th><th>Report ids</th></tr>");
            for (ReferralPacket.CandidateEntry c : p.candidateLinks()) {
                h.append("<tr class=\"weak\"><td class=\"mono\">").append(esc(c.a())).append("</td><td class=\"mono\">")
                        .append(esc(c.b())).append("</td><td class=\"mono\">").append(esc(c.otherRingId()))
                        .append("</td><td class=\"n\">").append(c.reports()).append("</td><td class=\"n\">")
                        .append(c.networks()).append("</td><td class=\"mono\">")
                        .append(esc(String.join(", ", c.reportIds()))).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Reporters who agreed to be contacted by law enforcement</h2>\n<p>")
                .append(p.contacts().agreed()).append(" of ").append(p.contacts().reporters())
                .append(" distinct reporters agreed. Nobody else's personal data is in this packet.</p>\n");
        if (!p.contacts().consenting().isEmpty()) {
            h.append("<table><tr><th>Name</th><th>E-mail</th><th>Reports</th></tr>");
            for (ReferralPacket.Contact c : p.contacts().consenting()) {
                h.append("<tr><td>").append(esc(c.name() == null ? "" : c.name())).append("</td><td>")
                        .append(esc(c.email() == null ? "" : c.email())).append("</td><td class=\"mono\">")
                        .append(esc(String.join(", ", c.reportIds()))).append("</td></tr>");
            }
            h.append("</table>\n");
        }

        h.append("<h2>Evidence manifest</h2>\n<p>SHA-256 of each report's stored document in canonical form (")
                .append(esc(p.evidence().canonicalForm())).append("). SHA-256 over the manifest: <span class=\"mono\">")
                .append(esc(p.evidence().manifestSha256())).append("</span></p>\n<table><tr><th>Report</th><th>Received</th>")
                .append("<th>Country</th><th>Loss (USD)</th><th>SHA-256</th></tr>");
        Map<String, ReferralPacket.ReportEntry> byId = new LinkedHashMap<>();
        p.reports().forEach(e -> byId.put(e.reportId(), e));
        for (ReferralPacket.ManifestEntry m : p.evidence().manifest()) {
            ReferralPacket.ReportEntry e = byId.get(m.reportId());
            h.append("<tr><td class=\"mono\">").append(esc(m.reportId())).append("</td><td>")
                    .append(esc(DAY.format(e.receivedAt()))).append("</td><td>").append(esc(e.country() == null ? "" : e.country()))
                    .append("</td><td class=\"n\">").append(money(e.lossUsd())).append("</td><td class=\"mono\">")
                    .append(esc(m.sha256())).append("</td></tr>");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String sources(Map<String, Long> sources) {
        StringBuilder s = new StringBuilder();
        sources.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ")
                .append(RingReport.PUBLIC_SOURCE.equals(k) ? "ScamSignal's public form" : k).append(" (").append(v).append(')'));
        return s.toString();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k.replace('_', ' ')).append(" (").append(v).append(')'));
        return s.toString();
    }

    private static String money(BigDecimal amount) {
        return "$" + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static Map<String, Long> lossBuckets(List<ReferralPacket.ReportEntry> reports) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        for (String label : LOSS_LABELS) {
            buckets.put(label, 0L);
        }
        for (ReferralPacket.ReportEntry e : reports) {
            if (e.lossUsd().signum() <= 0) {
                continue;
            }
            int i = 0;
            while (i < LOSS_BOUNDS.length && e.lossUsd().compareTo(LOSS_BOUNDS[i]) >= 0) {
                i++;
            }
            buckets.merge(LOSS_LABELS[i], 1L, Long::sum);
        }
        return buckets;
    }

    /** A vertical bar chart as inline SVG, with its numbers as text so that it prints and reads without colour. */
    static String bars(String title, Map<String, Long> values) {
        int n = Math.max(values.size(), 1);
        int barWidth = Math.max(8, Math.min(48, 560 / n));
        int width = 60 + n * (barWidth + 4);
        int chartHeight = 160;
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(chartHeight + 70).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(chartHeight + 70).append("\"><title>").append(esc(title)).append("</title>")
                .append("<line x1=\"40\" y1=\"").append(chartHeight + 10).append("\" x2=\"").append(width)
                .append("\" y2=\"").append(chartHeight + 10).append("\" stroke=\"#333\"/>");
        int x = 44;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int height = max == 0 ? 0 : (int) Math.round((double) e.getValue() / max * chartHeight);
            s.append("<rect x=\"").append(x).append("\" y=\"").append(chartHeight + 10 - height).append("\" width=\"")
                    .append(barWidth).append("\" height=\"").append(height).append("\" fill=\"#4a6fa5\"><title>")
                    .append(esc(e.getKey())).append(": ").append(e.getValue()).append("</title></rect>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(chartHeight + 6 - height)
                    .append("\" font-size=\"9\" text-anchor=\"middle\">").append(e.getValue()).append("</text>")
                    .append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(chartHeight + 22)
                    .append("\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-45 ").append(x + barWidth / 2)
                    .append(' ').append(chartHeight + 22).append(")\">").append(esc(e.getKey())).append("</text>");
            x += barWidth + 4;
        }
        s.append("</svg><figcaption>").append(esc(title)).append("</figcaption></figure>");
        return s.toString();
    }

    static String esc(String text) {
        return Html.escape(text);
    }

    static String date(Instant instant) {
        return DAY.format(instant);
    }
}
