package io.scamsignal.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RentedNetworksTest {

    private static final RentedNetworks RENTED = RentedNetworks.standard();
    private final NetworkFingerprint networks = new NetworkFingerprint("a-secret-of-enough-length");

    /** Ten CIDRs of the vendored amazon-aws list, in ten address blocks (regions). */
    static final List<String> AWS_REGIONS = List.of("3.5.140.1", "13.112.0.5", "15.177.0.1", "18.34.0.1", "35.71.64.1",
            "52.94.0.1", "54.239.0.1", "99.77.0.1", "100.20.0.5", "108.128.0.5");

    @ParameterizedTest
    @CsvSource({
            "3.5.140.1, amazon-aws",
            "2600:1f18::1, amazon-aws",
            "104.16.0.1, cloudflare",
            "2606:4700::1111, cloudflare",
            "151.101.1.1, fastly",
            "104.154.113.9, google-gcp",
            "20.38.96.1, microsoft-azure"})
    void addressesInPublishedRangesAreInTheirList(String ip, String list) {
        assertThat(networks.rentedList(ip)).contains(list);
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7", "198.51.100.7", "192.0.2.9", "10.40.1.1", "2001:db8::1", "73.1.2.3", "86.1.1.1",
            "0.0.0.0", "255.255.255.255", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void homeDocumentationAndEdgeAddressesAreInNone(String ip) {
        assertThat(networks.rentedList(ip)).isEmpty();
        assertThat(networks.of(ip)).isEqualTo(networks.ofAddress(ip));
    }

    @Test
    void tenCloudRegionsAreOneNetworkButEachKeepsItsOwnRateLimitKey() {
        assertThat(AWS_REGIONS.stream().map(ip -> networks.of(ip).orElseThrow()).distinct()).hasSize(1);
        assertThat(AWS_REGIONS.stream().map(ip -> networks.ofAddress(ip).orElseThrow()).distinct()).hasSize(10);
        // the list's network is none of the prefixes', and another list's is another network
        assertThat(networks.of("3.5.140.1")).isNotEqualTo(networks.ofAddress("3.5.140.1"));
        assertThat(networks.of("104.16.0.1")).isNotEqualTo(networks.of("3.5.140.1"));
        // the same rule for IPv6 and IPv4-mapped addresses
        assertThat(networks.of("2600:1f18::1")).isEqualTo(networks.of("3.5.140.1"));
        assertThat(networks.of("::ffff:3.5.140.1")).isEqualTo(networks.of("3.5.140.1"));
        // without the lists every /24 is a network again
        NetworkFingerprint plain = new NetworkFingerprint("a-secret-of-enough-length", RentedNetworks.none());
        assertThat(AWS_REGIONS.stream().map(ip -> plain.of(ip).orElseThrow()).distinct()).hasSize(10);
    }

    @Test
    void everyVendoredCidrsFirstAndLastAddressIsFoundAndTheFileMatchesItsRecord() throws Exception {
        JsonNode record;
        try (InputStream in = RentedNetworks.class.getResourceAsStream("rented-networks.json")) {
            record = Json.mapper().readTree(in);
        }
        assertThat(record.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(record.get("licence").asText()).startsWith("CC0-1.0");
        assertThat(RENTED.ranges()).isEqualTo(record.get("ipv4Ranges").asInt() + record.get("ipv6Ranges64").asInt());
        assertThat(RENTED.names()).containsExactly("amazon-aws", "microsoft-azure", "google-gcp", "ovh-cluster",
                "akamai", "cloudflare", "fastly", "vpn");
        Set<String> listsNamed = new java.util.HashSet<>();
        record.get("lists").forEach(l -> listsNamed.add(l.get("list").asText()));
        assertThat(listsNamed).containsExactlyInAnyOrder("amazon-aws", "microsoft-azure", "google-gcp", "ovh-cluster",
                "akamai", "cloudflare", "fastly", "vpn-ipv4", "vpn-ipv6");
    }

    /** Random disjoint IPv4 ranges written in the refresh script's format: the binary search agrees with a linear scan. */
    @Property(tries = 300)
    void theLookupAgreesWithALinearScanOnEveryEdge(@ForAll("ranges") List<long[]> ranges, @ForAll int probe) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {'S', 'S', 'R', 'N', 1, 2, 1, 'a', 1, 'b'});
        file.write(new byte[] {0, 0, (byte) (ranges.size() >> 8), (byte) ranges.size()});
        long next = 0;
        for (long[] r : ranges) {
            varint(file, r[0] - next);
            varint(file, r[1] - r[0]);
            file.write((int) r[2]);
            next = r[1] + 1;
        }
        file.write(new byte[] {0, 0, 0, 0});
        RentedNetworks rented = RentedNetworks.read(new ByteArrayInputStream(file.toByteArray()));
        List<Long> probes = new ArrayList<>(List.of(probe & 0xffffffffL, 0L, 0xffffffffL));
        for (long[] r : ranges) {
            probes.addAll(List.of(r[0], r[1], r[0] - 1, r[1] + 1));
        }
        for (long p : probes) {
            if (p < 0 || p > 0xffffffffL) {
                continue;
            }
            Optional<String> expected = ranges.stream().filter(r -> r[0] <= p && p <= r[1]).findFirst()
                    .map(r -> r[2] == 0 ? "a" : "b");
            byte[] address = {(byte) (p >>> 24), (byte) (p >>> 16), (byte) (p >>> 8), (byte) p};
            assertThat(rented.listOf(address)).as("%d", p).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<long[]>> ranges() {
        // gaps and sizes from one address to a /8, so that ranges touch, nest in /24s and span blocks
        return Combinators.combine(Arbitraries.longs().between(0, 1L << 24), Arbitraries.longs().between(0, 1L << 24),
                        Arbitraries.integers().between(0, 1))
                .as((gap, size, list) -> new long[] {gap, size, list}).list().ofMaxSize(200)
                .map(steps -> {
                    List<long[]> out = new ArrayList<>();
                    long next = 0;
                    for (long[] s : steps) {
                        long first = next + s[0];
                        long last = first + s[1];
                        if (last > 0xffffffffL) {
                            break;
                        }
                        out.add(new long[] {first, last, s[2]});
                        next = last + 1;
                    }
                    return out;
                });
    }

    private static void varint(ByteArrayOutputStream out, long n) {
        while (true) {
            int b = (int) (n & 0x7f);
            n >>>= 7;
            if (n == 0) {
                out.write(b);
                return;
            }
            out.write(b | 0x80);
        }
    }

    @Test
    void knownCidrEdgesAreInsideAndTheirNeighboursOutside() {
        // 151.101.0.0/16 is Fastly's
        assertThat(networks.rentedList("151.101.0.0")).contains("fastly");
        assertThat(networks.rentedList("151.101.255.255")).contains("fastly");
        assertThat(networks.rentedList("151.100.255.255")).isNotEqualTo(Optional.of("fastly"));
        assertThat(networks.rentedList("151.102.0.0")).isNotEqualTo(Optional.of("fastly"));
    }
}
