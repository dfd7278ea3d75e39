package io.scamsignal.domain.ring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ring items in memory, with the conditional, all-or-nothing application DynamoDB's
 * TransactWriteItems gives: for unit tests, the corpus tests and the local runner. Not thread-safe
 * beyond its synchronized methods; a plan whose conditions fail is rejected whole.
 */
public final class InMemoryRingStore implements RingReads {

    private final Map<String, RingItems.Member> members = new HashMap<>();
    private final Map<String, RingItems.Head> heads = new HashMap<>();
    private final Map<String, RingItems.Alias> aliases = new HashMap<>();
    private final Map<String, TreeMap<String, Boolean>> listings = new HashMap<>();
    private final Map<String, TreeMap<String, RingItems.Report>> reports = new HashMap<>();
    private final Map<String, TreeMap<String, RingItems.Reporter>> reporters = new HashMap<>();
    private final Map<String, TreeMap<String, Long>> networks = new HashMap<>();
    private final Map<String, RingItems.Link> links = new TreeMap<>();
    private final Map<String, RingItems.Unlink> unlinks = new TreeMap<>();
    private long writeCount;
    private long transactions;

    /** A plan's condition failed: another writer changed the ring between read and write. */
    public static final class ConflictException extends RuntimeException {
        ConflictException(String message) {
            super(message);
        }
    }

    /** Plans and applies one report, as enrichment does (retrying on a conflict, finishing merges). */
    public synchronized RingPlanner.Plan ingest(RingPlanner planner, RingReport report) {
        return new RingLinker(planner, 8).link(report, this, asTransactions());
    }

    /** This store as a linker applies writes: a failed condition is a false, not an exception. */
    public RingLinker.Transactions asTransactions() {
        return writes -> {
            try {
                apply(writes);
                return true;
            } catch (ConflictException e) {
                return false;
            }
        };
    }

    public synchronized void apply(List<RingWrite> writes) {
        Set<String> items = new HashSet<>();
        for (RingWrite w : writes) {
            if (!items.add(itemOf(w))) {
                // DynamoDB rejects such a transaction (ValidationException): a planner bug, not a conflict
                throw new IllegalStateException("one transaction writes " + itemOf(w) + " twice");
            }
        }
        for (RingWrite w : writes) {
            check(w);
        }
        for (RingWrite w : writes) {
            write(w);
        }
        writeCount += writes.size();
        if (!writes.isEmpty()) {
            transactions++;
        }
    }

    private void check(RingWrite w) {
        switch (w) {
            case RingWrite.PutMember m -> {
                RingItems.Member current = members.get(m.member().key());
                String home = current == null ? null : current.home();
                if (!Objects.equals(home, m.expectedHome())) {
                    throw new ConflictException("member " + m.member().key() + " is in " + home);
                }
            }
            case RingWrite.PutHead h -> checkVersion(h.head().home(), h.expectedVersion());
            case RingWrite.CheckHead h -> checkVersion(h.home(), h.expectedVersion());
            case RingWrite.PutReport r -> {
                if (reports.getOrDefault(r.home(), new TreeMap<>()).containsKey(r.report().reportId())) {
                    throw new ConflictException("report " + r.report().reportId() + " is already in " + r.home());
                }
            }
            default -> {
            }
        }
    }

    private static String itemOf(RingWrite w) {
        return switch (w) {
            case RingWrite.PutMember m -> "IND#" + m.member().key();
            case RingWrite.PutListing l -> l.home() + "/M#" + l.key();
            case RingWrite.DeleteListing l -> l.home() + "/M#" + l.key();
            case RingWrite.PutHead h -> h.head().home() + "/HEAD";
            case RingWrite.CheckHead h -> h.home() + "/HEAD";
            case RingWrite.PutReport r -> r.home() + "/REPORT#" + r.report().reportId();
            case RingWrite.DeleteReport r -> r.home() + "/REPORT#" + r.reportId();
            case RingWrite.PutReporter r -> r.home() + "/REPORTER#" + r.reporter().fingerprint();
            case RingWrite.DeleteReporter r -> r.home() + "/REPORTER#" + r.fingerprint();
            case RingWrite.PutNetwork n -> n.home() + "/NET#" + n.network().network();
            case RingWrite.PutAlias a -> "RINGID#" + a.alias().ringId();
            case RingWrite.PutLink l -> "LINK#" + l.link().a() + "|" + l.link().b();
            case RingWrite.PutUnlink u -> "UNLINK#" + u.unlink().a() + "|" + u.unlink().b();
        };
    }

    private void checkVersion(String home, long expected) {
        RingItems.Head current = heads.get(home);
        long version = current == null ? 0 : current.version();
        if (version != expected) {
            throw new ConflictException("head " + home + " is at version " + version);
        }
    }

    private void write(RingWrite w) {
        switch (w) {
            case RingWrite.PutMember m -> members.put(m.member().key(), m.member());
            case RingWrite.PutListing l -> listings.computeIfAbsent(l.home(), h -> new TreeMap<>()).put(l.key(), true);
            case RingWrite.DeleteListing l -> remove(listings, l.home(), l.key());
            case RingWrite.PutHead h -> heads.put(h.head().home(), h.head());
            case RingWrite.PutReport r -> reports.computeIfAbsent(r.home(), h -> new TreeMap<>())
                    .put(r.report().reportId(), r.report());
            case RingWrite.DeleteReport r -> remove(reports, r.home(), r.reportId());
            case RingWrite.PutReporter r -> reporters.computeIfAbsent(r.home(), h -> new TreeMap<>())
                    .put(r.reporter().fingerprint(), r.reporter());
            case RingWrite.DeleteReporter r -> remove(reporters, r.home(), r.fingerprint());
            case RingWrite.PutNetwork n -> {
                if (n.network().reporters() == 0) {
                    remove(networks, n.home(), n.network().network());
                } else {
                    networks.computeIfAbsent(n.home(), h -> new TreeMap<>()).put(n.network().network(),
                            n.network().reporters());
                }
            }
            case RingWrite.PutAlias a -> aliases.put(a.alias().ringId(), a.alias());
            case RingWrite.PutLink l -> links.put(l.link().a() + "|" + l.link().b(), l.link());
            case RingWrite.PutUnlink u -> unlinks.put(u.unlink().a() + "|" + u.unlink().b(), u.unlink());
            case RingWrite.CheckHead h -> {
            }
        }
    }

    private static <V> void remove(Map<String, TreeMap<String, V>> map, String home, String key) {
        TreeMap<String, V> items = map.get(home);
        if (items != null) {
            items.remove(key);
            if (items.isEmpty()) {
                map.remove(home);
            }
        }
    }

    /** Item writes applied so far (each is one DynamoDB write of at least one write unit). */
    public synchronized long writeCount() {
        return writeCount;
    }

    public synchronized long transactions() {
        return transactions;
    }

    /** Every live ring's head. */
    public synchronized List<RingItems.Head> liveRings() {
        return heads.values().stream().filter(RingItems.Head::live).toList();
    }

    /** The live ring a (possibly retired) ring id answers with. */
    public synchronized Optional<RingItems.Head> resolve(String ringId) {
        RingItems.Alias alias = aliases.get(ringId);
        for (int hops = 0; alias != null && alias.mergedInto() != null && hops < 1000; hops++) {
            alias = aliases.get(alias.mergedInto());
        }
        return alias == null ? Optional.empty() : Optional.ofNullable(heads.get(alias.home())).filter(RingItems.Head::live);
    }

    @Override
    public synchronized Optional<RingItems.Member> member(String indicatorKey) {
        return Optional.ofNullable(members.get(indicatorKey));
    }

    @Override
    public synchronized Optional<RingItems.Head> head(String home) {
        return Optional.ofNullable(heads.get(home));
    }

    @Override
    public synchronized Optional<RingItems.Report> report(String home, String reportId) {
        return Optional.ofNullable(reports.getOrDefault(home, new TreeMap<>()).get(reportId));
    }

    @Override
    public synchronized Optional<RingItems.Reporter> reporter(String home, String fingerprint) {
        return Optional.ofNullable(reporters.getOrDefault(home, new TreeMap<>()).get(fingerprint));
    }

    @Override
    public synchronized long networkReporters(String home, String network) {
        return networks.getOrDefault(home, new TreeMap<>()).getOrDefault(network, 0L);
    }

    @Override
    public synchronized Optional<RingItems.Alias> alias(String ringId) {
        return Optional.ofNullable(aliases.get(ringId));
    }

    @Override
    public synchronized Optional<RingItems.Link> link(String x, String y) {
        RingItems.Link key = RingItems.Link.empty(x, y);
        return Optional.ofNullable(links.get(key.a() + "|" + key.b()));
    }

    @Override
    public synchronized Optional<RingItems.Unlink> unlink(String x, String y) {
        RingItems.Link key = RingItems.Link.empty(x, y);
        return Optional.ofNullable(unlinks.get(key.a() + "|" + key.b()));
    }

    /** Every candidate link item. */
    public synchronized List<RingItems.Link> links() {
        return List.copyOf(links.values());
    }

    @Override
    public synchronized List<String> memberKeys(String home) {
        return new ArrayList<>(listings.getOrDefault(home, new TreeMap<>()).keySet());
    }

    @Override
    public synchronized List<RingItems.Report> reports(String home) {
        return new ArrayList<>(reports.getOrDefault(home, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<RingItems.Reporter> reporters(String home) {
        return new ArrayList<>(reporters.getOrDefault(home, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<RingItems.Network> networks(String home) {
        return networks.getOrDefault(home, new TreeMap<>()).entrySet().stream()
                .map(e -> new RingItems.Network(e.getKey(), e.getValue())).toList();
    }
}
