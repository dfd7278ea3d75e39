package io.scamsignal.domain.benign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopularDomainsTest {

    private static final String RESOURCE = "/io/scamsignal/domain/benign/popular-domains.bin";
    private static final PopularDomains POPULAR = PopularDomains.read(RESOURCE);

    @Test
    void theFingerprintIsTheRefreshScriptsFirstEightBytesOfSha256() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'google.com').digest()[:8].hex())"
        assertThat(PopularDomains.fingerprint("google.com")).isEqualTo(0xd4c9d9027326271aL);
        assertThat(PopularDomains.fingerprint("paypay-insurance.co.jp")).isEqualTo(0x7d234b5533081b26L);
        assertThat(POPULAR.fingerprintBits()).isEqualTo(44);
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
    void everyStoredFingerprintIsFoundAndItsNeighboursAreNot() {
        long[] stored = POPULAR.fingerprints();
        int found = 0;
        int neighbours = 0;
        for (int i = 0; i < stored.length; i++) {
            assertThat(i == 0 || stored[i] > stored[i - 1]).as("sorted and distinct at %d", i).isTrue();
            found += POPULAR.containsFingerprint(stored[i]) ? 1 : 0;
            boolean belowStored = i > 0 && stored[i - 1] == stored[i] - 1;
            boolean aboveStored = i + 1 < stored.length && stored[i + 1] == stored[i] + 1;
            neighbours += !belowStored && POPULAR.containsFingerprint(stored[i] - 1) ? 1 : 0;
            neighbours += !aboveStored && stored[i] + 1 < (1L << 44) && POPULAR.containsFingerprint(stored[i] + 1) ? 1 : 0;
        }
        assertThat(found).isEqualTo(1_000_000);
        assertThat(neighbours).isZero();
        assertThat(stored[stored.length - 1]).isLessThan(1L << 44);
    }

    @Test
    void thisEncoderAndTheRefreshScriptWriteTheSameBytes() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream(RESOURCE)) {
            file = in.readAllBytes();
        }
        assertThat(encode(POPULAR.fingerprints(), 44, 20, 8)).isEqualTo(file);
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
        // expected n / 2^44 = 5.7e-8 per lookup, 0.057 in a million; 3 or more has probability 3e-5
        assertThat(popular).isLessThanOrEqualTo(2);
    }

    /**
     * The false-popular rate is n / 2^bits, as the docs state: measured where it is large enough to
     * count, with 30-bit fingerprints of a million random keys in the same coding (20 high bits, 10
     * low), against two million random non-keys. Expected 2·10^6 · 10^6 / 2^30 ≈ 1,863 (σ ≈ 43).
     */
    @Test
    void theFalsePopularRateIsTheCountOverTwoToTheBits() {
        SplittableRandom random = new SplittableRandom(44);
        long[] keys = random.longs(1_000_000, 0, 1L << 30).sorted().distinct().toArray();
        PopularDomains narrow = new PopularDomains(ByteBuffer.wrap(encode(keys, 30, 20, 8)));
        assertThat(narrow.size()).isEqualTo(keys.length);
        assertThat(Arrays.mismatch(narrow.fingerprints(), keys)).as("first difference").isEqualTo(-1);
        int lookups = 2_000_000;
        int hits = 0;
        for (int i = 0; i < lookups; i++) {
            hits += narrow.containsFingerprint(random.nextLong(1L << 30)) ? 1 : 0;
        }
        double expected = (double) lookups * keys.length / (1L << 30);
        assertThat((double) hits).isBetween(expected - 5 * Math.sqrt(expected), expected + 5 * Math.sqrt(expected));
    }

    @Test
    void everyWidthReadsBackWhatWasWritten() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits : new int[] {21, 33, 44, 57}) {
            long[] keys = random.longs(100_000, 0, 1L << bits).sorted().distinct().toArray();
            PopularDomains coded = new PopularDomains(ByteBuffer.wrap(encode(keys, bits, 16, 8)));
            assertThat(Arrays.mismatch(coded.fingerprints(), keys)).as("first difference, %d bits", bits).isEqualTo(-1);
            assertThat(Arrays.stream(keys).allMatch(coded::containsFingerprint)).as("%d bits", bits).isTrue();
        }
    }

    @Test
    void aTruncatedOrForeignFileIsRefused() throws Exception {
        byte[] file;
        try (var in = getClass().getResourceAsStream(RESOURCE)) {
            file = in.readAllBytes();
        }
        assertThatThrownBy(() -> new PopularDomains(ByteBuffer.wrap(Arrays.copyOf(file, file.length - 8))))
                .isInstanceOf(IllegalStateException.class);
        byte[] old = file.clone();
        old[3] = '1';
        assertThatThrownBy(() -> new PopularDomains(ByteBuffer.wrap(old))).isInstanceOf(IllegalStateException.class);
    }

    /** The refresh script's encode_popular, written again: the format has two writers that must agree. */
    static byte[] encode(long[] sorted, int bits, int high, int sample) {
        int low = bits - high;
        int buckets = 1 << high;
        BitWriter unary = new BitWriter();
        BitWriter lows = new BitWriter();
        int[] samples = new int[(buckets >> sample) + 1];
        int position = 0;
        int i = 0;
        for (int bucket = 0; bucket < buckets; bucket++) {
            if ((bucket & ((1 << sample) - 1)) == 0) {
                samples[bucket >> sample] = position;
            }
            int start = i;
            while (i < sorted.length && sorted[i] >>> low == bucket) {
                lows.write(sorted[i] & ((1L << low) - 1), low);
                i++;
            }
            for (int k = start; k < i; k++) {
                unary.write(1, 1);
            }
            unary.write(0, 1);
            position += i - start + 1;
        }
        samples[samples.length - 1] = position;
        byte[] highWords = unary.words(0);
        byte[] lowWords = lows.words(1);
        ByteBuffer header = ByteBuffer.allocate(24 + samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        header.put("SSP2".getBytes()).putInt(sorted.length).put((byte) bits).put((byte) high).put((byte) sample)
                .put((byte) 0).putInt(samples.length).putInt(highWords.length / 8).putInt(lowWords.length / 8);
        for (int s : samples) {
            header.putInt(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(new byte[-header.capacity() & 7]);
        out.writeBytes(highWords);
        out.writeBytes(lowWords);
        return out.toByteArray();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long word;
        private int used;

        void write(long value, int width) {
            for (int b = 0; b < width; b++) {
                word |= ((value >>> b) & 1) << used;
                if (++used == 64) {
                    flush();
                }
            }
        }

        private void flush() {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(word).array());
            word = 0;
            used = 0;
        }

        byte[] words(int extra) {
            if (used > 0) {
                flush();
            }
            out.writeBytes(new byte[8 * extra]);
            return out.toByteArray();
        }
    }
}
