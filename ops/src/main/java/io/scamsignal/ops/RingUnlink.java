package io.scamsignal.ops;

import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingLinker;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingSplit;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ring-unlink <ringId> <indicatorKey A> <indicatorKey B> <reason>}: withdraws the link of A
 * and B, stores it ({@code UNLINK#a|b}, never linked again) and splits the ring into what stays
 * connected (RingSplit), in one transaction held to the ring head's version (re-read and re-planned
 * when a report changed the ring meanwhile), or in steps when it needs more item writes than one
 * transaction takes (a run cut short is finished by the next run, or by the next report meeting the
 * ring). Reads RINGS_TABLE (default: the local runner's) and RING_NETWORK_CAP (default 3, as enrichment).
 */
public final class RingUnlink implements Ops.Command {

    private static final int ATTEMPTS = 8;

    @Override
    public String usage() {
        return "<ringId> <indicator key A> <indicator key B> <reason>";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        if (args.size() != 4 || args.stream().anyMatch(String::isBlank)) {
            System.err.println("usage: ring-unlink " + usage());
            return 2;
        }
        boolean tableNamed = environment.get("RINGS_TABLE", null) != null;
        RingPlanner planner = new RingPlanner(Integer.parseInt(environment.get("RING_NETWORK_CAP", "3")));
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            DynamoDbRingStore store = new DynamoDbRingStore(dynamoDb, environment.table("RINGS_TABLE", "RingsTable"), planner);
            List<RingItems.Head> parts;
            try {
                parts = new RingLinker(planner, ATTEMPTS).unlink(args.get(0), args.get(1), args.get(2), args.get(3),
                        Instant.now(), store, store::applyOnce);
            } catch (RingSplit.NotALinkException e) {
                System.err.println(e.getMessage());
                return 1;
            } catch (RingLinker.ContendedException e) {
                System.err.println("ring " + args.get(0) + " kept changing; try again (a split under way is finished"
                        + " by the next run or the next report that meets it)");
                return 1;
            }
            for (RingItems.Head part : parts) {
                System.out.println("ring " + part.ringId() + " version " + part.version() + ": " + part.reports()
                        + " reports, " + part.members() + " members");
            }
            return 0;
        }
    }
}
