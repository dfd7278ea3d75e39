package io.scamsignal.domain.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.InMemoryRingStore;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.domain.ring.RingView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The size: a packet for a 2,000-report, 300-indicator ring is quick to build (pure part only). */
class ReferralPacketScaleTest {

    @Test
    void aTwoThousandReportRingOfThreeHundredIndicators() {
        Random random = new Random(3);
        InMemoryRingStore store = new InMemoryRingStore();
        RingPlanner planner = new RingPlanner(3);
        Map<String, String> documents = new HashMap<>();
        List<ReporterContact> contacts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            List<RingReport.Member> named = new ArrayList<>();
            int a = i < 299 ? i : random.nextInt(300);
            int b = i < 299 ? i + 1 : random.nextInt(300);
            for (int k : new TreeSet<>(List.of(a, b))) {
                named.add(new RingReport.Member("phone#+1800555" + (1000 + k), "phone", "+1 800-555-" + (1000 + k)));
            }
            String id = String.format("r%05d", i);
            store.ingest(planner, new RingReport(id, Instant.parse("2021-01-01T00:00:00Z").plusSeconds(70_000L * i),
                    "fp" + i, "net" + i, new String[] {"US", "CA", "DE", "AU", "ES", "GB"}[i % 6],
                    new TreeSet<>(Set.of(i % 2 == 0 ? "Microsoft" : "Amazon")), BigDecimal.valueOf(random.nextInt(3000)),
                    new TreeSet<>(Set.of("gift_card")), "phone_call", named));
            documents.put(id, "{\"reportId\":\"" + id + "\",\"country\":\"US\",\"description\":\"" + "x".repeat(800) + "\"}");
            contacts.add(new ReporterContact(id, "Name " + i, "v" + i + "@example.org", i % 7 == 0));
        }
        assertThat(store.liveRings()).hasSize(1);

        long start = System.nanoTime();
        RingView view = RingView.of(store, store.liveRings().get(0));
        ReferralPacket packet = ReferralPacket.build(view, documents, contacts, Instant.now());
        String json = Json.write(packet);
        String stix = Json.write(ReferralStix.bundle(packet));
        String html = ReferralHtml.render(packet);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("referral packet, 2000 reports / 300 indicators: %d ms; JSON %d KiB, STIX %d KiB, HTML %d KiB%n",
                millis, json.length() / 1024, stix.length() / 1024, html.length() / 1024);
        assertThat(packet.indicators()).hasSize(300);
        assertThat(packet.evidence().manifest()).hasSize(2000);
        assertThat(millis).isLessThan(20_000);
    }
}
