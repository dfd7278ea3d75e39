package io.scamsignal.bench;

import io.scamsignal.domain.report.NetworkFingerprint;
import io.scamsignal.domain.report.RentedNetworks;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What counting rented (cloud, VPN) ranges as one network costs: loading the vendored ranges once per
 * container, one lookup, and the intake's whole network fingerprint with and without it. A timing
 * loop, not JMH: five rounds of a million random addresses after two untimed ones, the median round printed
 * (the fingerprints: a quarter million, three interleaved medians, their median).
 * Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * io.scamsignal.bench.RentedNetworksBenchmark}.
 */
public final class RentedNetworksBenchmark {

    private static final int ADDRESSES = 1 << 20;
    private static final int ROUNDS = 5;
    private static volatile Object sink;

    private RentedNetworksBenchmark() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        RentedNetworks rented = RentedNetworks.standard();
        double loadMs = (System.nanoTime() - start) / 1e6;

        SplittableRandom random = new SplittableRandom(24);
        byte[][] v4 = new byte[ADDRESSES][4];
        byte[][] v6 = new byte[ADDRESSES][16];
        String[] texts = new String[ADDRESSES / 4];
        int rentedHits = 0;
        for (int i = 0; i < ADDRESSES; i++) {
            int a = random.nextInt();
            v4[i] = new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
            random.nextBytes(v6[i]);
            v6[i][0] = (byte) (0x20 | (v6[i][0] & 0x0f)); // 2000::/4, where the allocations are
            if (i < texts.length) {
                texts[i] = (v4[i][0] & 0xff) + "." + (v4[i][1] & 0xff) + "." + (v4[i][2] & 0xff) + "." + (v4[i][3] & 0xff);
            }
            if (rented.listOf(v4[i]).isPresent()) {
                rentedHits++;
            }
        }
        NetworkFingerprint withLists = new NetworkFingerprint("a-benchmark-secret-of-length", rented);
        NetworkFingerprint without = new NetworkFingerprint("a-benchmark-secret-of-length", RentedNetworks.none());

        System.out.printf("== Rented networks: %,d ranges (IPv4 and IPv6 /64), %s ==%n", rented.ranges(), Runtime.version());
        System.out.printf("load once per container (first call, cold): %.1f ms%n", loadMs);
        System.out.printf("random IPv4 addresses in a rented range: %.1f %%%n", 100.0 * rentedHits / ADDRESSES);
        System.out.printf("lookup, IPv4: %.0f ns%n", median(() -> {
            for (byte[] a : v4) {
                sink = rented.listOf(a);
            }
        }, ADDRESSES));
        System.out.printf("lookup, IPv6: %.0f ns%n", median(() -> {
            for (byte[] a : v6) {
                sink = rented.listOf(a);
            }
        }, ADDRESSES));
        // interleaved, so that warm-up and the machine's drift hit both alike
        double[] with = new double[3];
        double[] plain = new double[3];
        for (int r = 0; r < 3; r++) {
            plain[r] = median(() -> {
                for (String t : texts) {
                    sink = without.of(t);
                }
            }, texts.length);
            with[r] = median(() -> {
                for (String t : texts) {
                    sink = withLists.of(t);
                }
            }, texts.length);
        }
        Arrays.sort(with);
        Arrays.sort(plain);
        System.out.printf("network fingerprint of an IPv4 text (parse, lookup, HMAC), with the lists: %.0f ns, without: %.0f ns%n",
                with[1], plain[1]);
    }

    /** Median ns per operation over {@link #ROUNDS} timed rounds, after two untimed ones. */
    private static double median(Runnable round, int operations) {
        round.run();
        round.run();
        double[] ns = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t = System.nanoTime();
            round.run();
            ns[r] = (System.nanoTime() - t) / (double) operations;
        }
        Arrays.sort(ns);
        return ns[ROUNDS / 2];
    }
}
