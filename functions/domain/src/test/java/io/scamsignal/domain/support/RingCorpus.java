package io.scamsignal.domain.support;

import io.scamsignal.domain.payment.Wallets;
import io.scamsignal.domain.report.ContactMethod;
import io.scamsignal.domain.report.Loss;
import io.scamsignal.domain.report.PaymentMethod;
import io.scamsignal.domain.report.RemoteAccessTool;
import io.scamsignal.domain.report.Scammer;
import io.scamsignal.domain.report.StoredReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic scam campaigns with known truth, for ring tests (and integration tests, through the
 * domain's test jar). A campaign is a call centre: a pool of phone numbers, lookalike domains,
 * AnyDesk IDs, scammer e-mail addresses and valid (checksummed) wallets, used against victims of
 * one to three brands in several countries over months or years. Its first victims name the pool
 * as a chain, so that the campaign is connected; the others name a few pool items at random.
 * Noise reports each name their own indicators. Victims and noise also name legitimate sites
 * (a brand's own domain, a news site), which must never link anything. A bridge is two late
 * reports from two networks (after both campaigns' last victim) naming one indicator of each of two
 * campaigns: their true ring is then the union, and whoever links it must merge two grown rings.
 * The truth is the generator's own: {@link Corpus#trueRings()}.
 */
public final class RingCorpus {

    public static final Set<String> BENIGN_DOMAINS = Set.of("wikipedia.org", "bbc.co.uk", "facebook.com");
    private static final String[] BRANDS = {"Microsoft", "Amazon", "Apple", "Norton", "McAfee", "PayPal"};
    private static final String[] COUNTRIES = {"US", "CA", "DE", "AU", "ES", "GB"};
    private static final String[] CURRENCIES = {"USD", "CAD", "EUR", "AUD", "EUR", "GBP"};
    private static final String[] LEGITIMATE = {"https://www.microsoft.com/en-us/support", "amazon.com",
            "https://en.wikipedia.org/wiki/Technical_support_scam", "bbc.co.uk", "support@microsoft.com",
            "https://www.facebook.com/"};
    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");

    /** One campaign: its report ids and the raw indicators it used. */
    public record Campaign(int index, List<String> brands, List<String> reportIds, List<String> phones,
                           List<String> websites, List<String> emails, List<String> anyDeskIds, List<String> wallets) {
    }

    /** Two campaigns a bridge report joins (indices into the victims list). */
    public record Join(int first, int second) {
    }

    /**
     * The bridge reports and the two campaigns they name an indicator of: two victims on two networks
     * name the same pair (a link that one reporter or one network could make is not trusted).
     */
    public record Bridge(List<String> reportIds, int first, int second) {
    }

    /**
     * Reports with their truth: {@code campaignOf} maps every campaign report id to its campaign (noise
     * and bridges: absent). Each report carries its network fingerprint ({@code networkOf} too).
     */
    public record Corpus(List<StoredReport> reports, List<Campaign> campaigns, Map<String, Integer> campaignOf,
                         Map<String, String> networkOf, Map<String, Boolean> lawEnforcementConsent,
                         List<Bridge> bridges) {

        /**
         * The true rings as report ids, from the generator's labels alone: each campaign's reports,
         * campaigns a bridge joins together with the bridge's reports, and each noise report alone
         * (it names indicators of its own).
         */
        public Set<Set<String>> trueRings() {
            int[] joined = new int[campaigns.size()];
            for (int c = 0; c < joined.length; c++) {
                joined[c] = c;
            }
            for (Bridge b : bridges) {
                int from = root(joined, b.first());
                int to = root(joined, b.second());
                joined[from] = to;
            }
            Map<Integer, Set<String>> rings = new LinkedHashMap<>();
            campaignOf.forEach((id, c) -> rings.computeIfAbsent(root(joined, c), k -> new java.util.TreeSet<>()).add(id));
            bridges.forEach(b -> rings.computeIfAbsent(root(joined, b.first()), k -> new java.util.TreeSet<>())
                    .addAll(b.reportIds()));
            Set<Set<String>> out = new HashSet<>(rings.values());
            Set<String> bridgeReports = new HashSet<>();
            bridges.forEach(b -> bridgeReports.addAll(b.reportIds()));
            for (StoredReport r : reports) {
                if (!campaignOf.containsKey(r.reportId()) && !bridgeReports.contains(r.reportId())) {
                    out.add(Set.of(r.reportId()));
                }
            }
            return out;
        }

        private static int root(int[] joined, int c) {
            while (joined[c] != c) {
                c = joined[c];
            }
            return c;
        }
    }

    private final Random random;
    private final Set<String> used = new HashSet<>();
    private final List<StoredReport> reports = new ArrayList<>();
    private final Map<String, Integer> campaignOf = new LinkedHashMap<>();
    private final Map<String, String> networkOf = new LinkedHashMap<>();
    private final Map<String, Boolean> consent = new LinkedHashMap<>();
    private int next;

    private RingCorpus(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param victims victims per campaign (each between 10 and 2,000 in the issue's terms)
     * @param noise   unrelated reports
     */
    public static Corpus generate(long seed, List<Integer> victims, int noise) {
        return generate(seed, victims, noise, List.of());
    }

    /** @param joins the campaigns each bridge report joins, generated after the noise (in this order) */
    public static Corpus generate(long seed, List<Integer> victims, int noise, List<Join> joins) {
        RingCorpus g = new RingCorpus(seed);
        List<Campaign> campaigns = new ArrayList<>();
        for (int c = 0; c < victims.size(); c++) {
            campaigns.add(g.campaign(c, victims.get(c)));
        }
        for (int i = 0; i < noise; i++) {
            g.noiseReport();
        }
        List<Bridge> bridges = new ArrayList<>();
        for (Join join : joins) {
            bridges.add(g.bridge(campaigns.get(join.first()), campaigns.get(join.second())));
        }
        return new Corpus(List.copyOf(g.reports), List.copyOf(campaigns), Map.copyOf(g.campaignOf),
                Map.copyOf(g.networkOf), Map.copyOf(g.consent), List.copyOf(bridges));
    }

    /**
     * A day after both campaigns' last victim, two victims on two networks (an hour apart) each name
     * the first campaign's first number and the second's first website. Both are named by the
     * campaigns' chain victims (the pool's first items), so the bridge joins the two grown rings
     * rather than founding a member of its own.
     */
    private Bridge bridge(Campaign first, Campaign second) {
        Instant last = reports.stream().filter(r -> first.reportIds().contains(r.reportId())
                        || second.reportIds().contains(r.reportId()))
                .map(StoredReport::receivedAt).max(Instant::compareTo).orElseThrow();
        List<String> ids = new ArrayList<>();
        for (int victim = 1; victim <= 2; victim++) {
            String n = "bridge-" + first.index() + "-" + second.index() + "-" + victim;
            ids.add(report(last.plusSeconds(86_400 + 3_600L * (victim - 1)), first.brands().get(0),
                    List.of(new Item("phone", first.phones().get(0)), new Item("website", second.websites().get(0))),
                    n, "net-" + n));
        }
        return new Bridge(List.copyOf(ids), first.index(), second.index());
    }

    private Campaign campaign(int index, int victims) {
        int brandCount = 1 + random.nextInt(3);
        List<String> brands = new ArrayList<>();
        while (brands.size() < brandCount) {
            String b = BRANDS[random.nextInt(BRANDS.length)];
            if (!brands.contains(b)) {
                brands.add(b);
            }
        }
        List<String> phones = repeat(1 + random.nextInt(4), this::phone);
        List<String> websites = repeat(1 + random.nextInt(3), () -> lookalike(brands.get(0)));
        List<String> emails = repeat(random.nextInt(2), () -> "helpdesk" + random.nextInt(1000) + "@"
                + websites.get(0).replaceFirst("^https?://", "").replaceFirst("/.*$", ""));
        List<String> anyDesk = repeat(1 + random.nextInt(3), () -> unique(() -> Integer.toString(100_000_000
                + random.nextInt(900_000_000))));
        List<String> wallets = repeat(random.nextInt(3), this::wallet);
        List<Object> pool = new ArrayList<>();
        phones.forEach(p -> pool.add(new Item("phone", p)));
        websites.forEach(w -> pool.add(new Item("website", w)));
        emails.forEach(e -> pool.add(new Item("email", e)));
        anyDesk.forEach(a -> pool.add(new Item("anydesk", a)));
        wallets.forEach(w -> pool.add(new Item("wallet", w)));
        long span = 86_400L * (30 + random.nextInt(5 * 365));
        Instant begin = START.plusSeconds(random.nextLong(86_400L * 365));
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < victims; v++) {
            List<Item> named = new ArrayList<>();
            if (v < pool.size() - 1) {
                named.add((Item) pool.get(v));
                named.add((Item) pool.get(v + 1));
            } else if (pool.size() == 1 || v == pool.size() - 1) {
                named.add((Item) pool.get(0));
            } else {
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    Item item = (Item) pool.get(random.nextInt(pool.size()));
                    if (!named.contains(item)) {
                        named.add(item);
                    }
                }
            }
            String brand = brands.get(random.nextInt(brands.size()));
            String reporter = "c" + index + "-v" + (v > 3 && random.nextInt(20) == 0 ? v - 1 : v);
            String id = report(begin.plusSeconds(random.nextLong(span)), brand, named, reporter,
                    random.nextInt(10) == 0 ? "net-shared-" + index : "net-" + index + "-" + v);
            campaignOf.put(id, index);
            ids.add(id);
        }
        return new Campaign(index, List.copyOf(brands), List.copyOf(ids), phones, websites, emails, anyDesk, wallets);
    }

    private record Item(String kind, String value) {
    }

    private void noiseReport() {
        List<Item> named = new ArrayList<>();
        named.add(random.nextBoolean() ? new Item("phone", phone()) : new Item("website", lookalike(BRANDS[random.nextInt(BRANDS.length)])));
        if (random.nextInt(3) == 0) {
            named.add(new Item("anydesk", unique(() -> Integer.toString(100_000_000 + random.nextInt(900_000_000)))));
        }
        report(START.plusSeconds(random.nextLong(86_400L * 5 * 365)), BRANDS[random.nextInt(BRANDS.length)], named,
                "noise-" + next, "net-noise-" + next);
    }

    private String report(Instant at, String brand, List<Item> named, String reporter, String network) {
        String id = String.format("rep-%06d", next++);
        List<String> phones = new ArrayList<>();
        List<String> websites = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<RemoteAccessTool> tools = new ArrayList<>();
        List<String> wallets = new ArrayList<>();
        for (Item item : named) {
            switch (item.kind()) {
                case "phone" -> phones.add(item.value());
                case "website" -> websites.add(item.value());
                case "email" -> emails.add(item.value());
                case "anydesk" -> tools.add(new RemoteAccessTool(random.nextBoolean() ? "AnyDesk" : "any desk", item.value()));
                default -> wallets.add(item.value());
            }
        }
        // a victim who also names a legitimate site: it must not link anything
        if (random.nextInt(4) == 0) {
            String legit = LEGITIMATE[random.nextInt(LEGITIMATE.length)];
            (legit.contains("@") ? emails : websites).add(legit);
        }
        int country = random.nextInt(COUNTRIES.length);
        Loss loss = random.nextInt(3) == 0 ? Loss.none()
                : new Loss(BigDecimal.valueOf(50 + random.nextInt(5000)), CURRENCIES[country],
                List.of(wallets.isEmpty() ? PaymentMethod.GIFT_CARD : PaymentMethod.CRYPTO));
        reports.add(new StoredReport(StoredReport.SCHEMA_VERSION, id, at, ContactMethod.values()[random.nextInt(4)], brand,
                LocalDate.ofInstant(at, ZoneOffset.UTC), COUNTRIES[country],
                new Scammer(phones, websites, emails, tools, List.of(), wallets), loss, null, "fp-" + reporter, network));
        networkOf.put(id, network);
        consent.put(id, random.nextInt(5) == 0);
        return id;
    }

    private List<String> repeat(int n, java.util.function.Supplier<String> make) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.get());
        }
        return out;
    }

    private String unique(java.util.function.Supplier<String> make) {
        for (;;) {
            String s = make.get();
            if (used.add(s)) {
                return s;
            }
        }
    }

    /** A US or Canadian toll-free number as pop-ups show them. */
    private String phone() {
        String[] prefixes = {"800", "833", "844", "855", "866", "877", "888"};
        return unique(() -> "+1 " + prefixes[random.nextInt(prefixes.length)] + " " + (200 + random.nextInt(800)) + " "
                + String.format("%04d", random.nextInt(10_000)));
    }

    private String lookalike(String brand) {
        String b = brand.toLowerCase(java.util.Locale.ROOT);
        String[] shapes = {b.replace('o', '0') + "-support-%d.com", b + "-helpdesk-%d.net", "secure-" + b + "-%d.online",
                b + "-refund%d.com"};
        String host = unique(() -> String.format(shapes[random.nextInt(shapes.length)], random.nextInt(100_000)));
        return random.nextBoolean() ? host : "https://" + host + "/";
    }

    private String wallet() {
        byte[] hash = new byte[20];
        return unique(() -> {
            random.nextBytes(hash);
            return switch (random.nextInt(4)) {
                case 0 -> Wallets.p2pkh(hash);
                case 1 -> Wallets.segwit(0, hash);
                case 2 -> Wallets.ethereum(hash);
                default -> Wallets.tron(hash);
            };
        });
    }
}
