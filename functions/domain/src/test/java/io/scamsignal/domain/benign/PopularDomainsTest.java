package io.scamsignal.domain.benign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopularDomainsTest {

    private static final PopularDomains POPULAR = PopularDomains.read("/io/scamsignal/domain/benign/popular-domains.bin");

    @Test
    void theFingerprintIsTheRefreshScriptsFirstEightBytesOfSha256() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'google.com').digest()[:8].hex())"
        assertThat(PopularDomains.fingerprint("google.com")).isEqualTo(0xd4c9d9027326271aL);
        assertThat(PopularDomains.fingerprint("paypay-insurance.co.jp")).isEqualTo(0x7d234b5533081b26L);
    }

    @Test
    void holdsTrancosMillionFromTheTopToTheTail() {
        assertThat(POPULAR.size()).isEqualTo(1_000_000);
        // the first, a middle and the last entry of the MISP list in its own (alphabetical) order
        assertThat(POPULAR.contains("0-1.jp")).isTrue();
        assertThat(POPULAR.contains("leco.com")).isTrue();
        assertThat(POPULAR.contains("zzzzzl.me")).isTrue();
        assertThat(POPULAR.contains("google.com")).isTrue();
        assertThat(POPULAR.contains("rnicrosoft-support-desk.com")).isFalse();
        assertThat(POPULAR.contains("google.com.")).isFalse();
    }

    @Test
    void everyStoredFingerprintIsFoundAndItsNeighboursAreNot() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream("/io/scamsignal/domain/benign/popular-domains.bin")) {
            file = in.readAllBytes();
        }
        var data = java.nio.ByteBuffer.wrap(file);
        int index = 8 + 65_537 * 4;
        int found = 0;
        int neighbours = 0;
        for (int bucket = 0; bucket < 65_536; bucket++) {
            for (int i = data.getInt(8 + bucket * 4); i < data.getInt(8 + (bucket + 1) * 4); i++) {
                long remainder = 0;
                for (int b = 0; b < 6; b++) {
                    remainder = (remainder << 8) | (file[index + i * 6 + b] & 0xFF);
                }
                long f = ((long) bucket << 48) | remainder;
                found += POPULAR.containsFingerprint(f) ? 1 : 0;
                neighbours += POPULAR.containsFingerprint(f + 1) ? 1 : 0;
            }
        }
        assertThat(found).isEqualTo(1_000_000);
        assertThat(neighbours).isZero();
    }

    @Test
    void fewerThanOneInAMillionMadeUpDomainsPassForPopular() {
        SplittableRandom random = new SplittableRandom(21);
        int popular = 0;
        int lookups = 1_000_000;
        for (int i = 0; i < lookups; i++) {
            // 16 random letters: none of them is a real site
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            if (POPULAR.contains(name.append(".com").toString())) {
                popular++;
            }
        }
        // expected n / 2^64 per lookup, about 5e-14: one in a million would be 1
        assertThat(popular).isZero();
    }
}
