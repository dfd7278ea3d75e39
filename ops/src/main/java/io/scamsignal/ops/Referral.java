package io.scamsignal.ops;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.referral.ReferralHtml;
import io.scamsignal.domain.referral.ReferralPacket;
import io.scamsignal.domain.referral.ReferralStix;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import io.scamsignal.referral.adapter.DynamoDbReportDocuments;
import io.scamsignal.referral.service.ReferralService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code referral <ringId> [folder]}: a ring's referral packet, as {@code GET /rings/{ringId}/referral}
 * serves it, written to {@code <folder>/<ringId>/}: referral.json, referral.stix.json, referral.html
 * and evidence-manifest.json (the manifest and its hash, to check a later export against). Reads
 * RINGS_TABLE, REPORTS_TABLE, REPORTER_DATA_TABLE (defaults: the local runner's tables).
 */
public final class Referral implements Ops.Command {

    @Override
    public String usage() {
        return "<ringId> [folder, default target/referrals]";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        if (args.isEmpty() || args.size() > 2 || args.get(0).isBlank()) {
            System.err.println("usage: referral " + usage());
            return 2;
        }
        boolean tableNamed = environment.get("RINGS_TABLE", null) != null;
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            ReferralService service = new ReferralService(
                    new DynamoDbRingStore(dynamoDb, environment.table("RINGS_TABLE", "RingsTable"), new RingPlanner(1)),
                    new DynamoDbReportDocuments(dynamoDb, environment.table("REPORTS_TABLE", "ReportsTable"),
                            environment.table("REPORTER_DATA_TABLE", "ReporterDataTable"),
                            environment.table("ALERTS_TABLE", "AlertsTable"), environment.table("FEED_TABLE", "FeedTable")),
                    Clock.systemUTC());
            Optional<ReferralPacket> packet = service.packet(args.get(0));
            if (packet.isEmpty()) {
                System.err.println("no ring " + args.get(0));
                return 1;
            }
            Path folder = write(packet.get(), Path.of(args.size() == 2 ? args.get(1) : "target/referrals"));
            System.out.println("ring " + packet.get().ring().ringId() + " (" + packet.get().ring().reports()
                    + " reports, " + packet.get().contacts().agreed() + " reporters agreed to be contacted): " + folder);
            return 0;
        }
    }

    /** The three renderings and the evidence manifest in {@code <parent>/<ringId>/}. */
    public static Path write(ReferralPacket packet, Path parent) {
        Path folder = parent.resolve(packet.ring().ringId());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("referral.json"), Json.write(packet));
            Files.writeString(folder.resolve("referral.stix.json"), Json.write(ReferralStix.bundle(packet)));
            Files.writeString(folder.resolve("referral.html"), ReferralHtml.render(packet));
            Files.writeString(folder.resolve("evidence-manifest.json"), Json.write(packet.evidence()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the referral packet to " + folder, e);
        }
        return folder;
    }
}
