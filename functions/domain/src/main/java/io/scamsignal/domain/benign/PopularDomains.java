package io.scamsignal.domain.benign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Is a registrable domain among the million most popular (Tranco, through the MISP warninglist
 * {@code tranco})? The list is held as fingerprints, not names: the top 44 bits of SHA-256 of each
 * domain, sorted and Elias-Fano coded by {@code tools/refresh_benign_lists.py} as
 * {@code popular-domains.bin} (format {@code SSP2}, little-endian): a header (count, fingerprint
 * bits, high bits, sample interval), the starting bit of every 256th bucket, the top 20 bits of the
 * fingerprints in unary (per bucket, a 1 per fingerprint and a 0 to close it: about 2 bits a
 * domain), then the low 24 bits of each, packed: 26.2 bits, 3.3 bytes, a domain. A lookup hashes
 * once, skips at most 255 bucket ends from the sampled start (a few 64-bit words, counted with
 * {@link Long#bitCount}) and compares the low bits of the one or two fingerprints in its bucket;
 * nothing is decoded when the file is read. (Memory-mapping the file where Lambda unpacks it was
 * measured: the channel and mapping classes cost a first lookup more than reading 3.3 MB does.)
 * <p>
 * A domain not on the list is taken for popular when its fingerprint equals one on it: for a domain
 * nobody chose, n / 2^44 = 10^6 / 1.76·10^13 ≈ 5.7·10^-8 per lookup. One who searches for such a
 * domain needs about 2^24 SHA-256 evaluations (2^44 over the million targets; seconds on one core)
 * and then to register it. So {@link BenignIndicators#popular} lets a fingerprint vouch only for a
 * domain the lookalike detector does not flag (a flagged one must be on the plain-text
 * {@code popular-lookalikes.txt}); for a forged name that imitates no brand the operators'
 * override ({@code NotBenign}) is the answer.
 */
public final class PopularDomains {

    static final String FORMAT = "SSP2";
    private static final int HEADER = 24;

    /** Cloned per lookup: cheaper than a provider lookup by name each time. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm", e);
        }
    }

    private final ByteBuffer data;
    private final int size;
    private final int bits;
    private final int lowBits;
    private final long lowMask;
    private final int sampleBits;
    private final int samples;
    private final int highAt;
    private final int lowAt;

    PopularDomains(ByteBuffer buffer) {
        this.data = buffer.order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() < HEADER || data.get(0) != 'S' || data.get(1) != 'S' || data.get(2) != 'P' || data.get(3) != '2') {
            throw new IllegalStateException("not a popular-domains file (" + FORMAT + ")");
        }
        this.size = data.getInt(4);
        this.bits = data.get(8);
        int highBits = data.get(9);
        this.sampleBits = data.get(10);
        this.samples = data.getInt(12);
        int highWords = data.getInt(16);
        int lowWords = data.getInt(20);
        this.lowBits = bits - highBits;
        this.lowMask = (1L << lowBits) - 1;
        int table = HEADER + samples * 4;
        this.highAt = table + (-table & 7);
        this.lowAt = highAt + highWords * 8;
        if (bits > 64 || lowBits < 1 || lowBits > 63 || samples != ((1 << highBits) >> sampleBits) + 1
                || data.capacity() != lowAt + (long) lowWords * 8
                || data.getInt(table - 4) != size + (1 << highBits) || (long) highWords * 64 < size + (1L << highBits)
                || (long) lowWords * 64 < (long) size * lowBits + 64) {
            throw new IllegalStateException("truncated or inconsistent popular-domains file");
        }
    }

    /** Reads a bundled file (3.3 MB for the million: one read, nothing decoded). */
    public static PopularDomains read(String resource) {
        try (InputStream in = PopularDomains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled list " + resource);
            }
            return new PopularDomains(ByteBuffer.wrap(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled list " + resource, e);
        }
    }

    public int size() {
        return size;
    }

    /** Bits of SHA-256 kept per domain: a domain off the list passes for popular with probability size / 2^bits. */
    public int fingerprintBits() {
        return bits;
    }

    public boolean contains(String registrableDomain) {
        return containsFingerprint(fingerprint(registrableDomain) >>> (64 - bits));
    }

    /** @param f a fingerprint of {@link #fingerprintBits()} bits */
    boolean containsFingerprint(long f) {
        int bucket = (int) (f >>> lowBits);
        long low = f & lowMask;
        long position = bucketStart(bucket);
        // the bucket's fingerprints are the 1s from here to its closing 0; the 1s before are the entries before
        long index = position - bucket;
        while (bit(position)) {
            long v = lowAt(index);
            if (v == low) {
                return true;
            }
            if (v > low) {
                return false;
            }
            position++;
            index++;
        }
        return false;
    }

    /** The bit at which the bucket's run of 1s starts: the sampled start, then as many closing 0s skipped as buckets lie between. */
    private long bucketStart(int bucket) {
        long position = data.getInt(HEADER + (bucket >>> sampleBits) * 4);
        int skip = bucket & ((1 << sampleBits) - 1);
        if (skip == 0) {
            return position;
        }
        long word = position >>> 6;
        long zeros = ~highWord(word) & (-1L << (position & 63));
        while (true) {
            int count = Long.bitCount(zeros);
            if (skip <= count) {
                for (int k = 1; k < skip; k++) {
                    zeros &= zeros - 1;
                }
                return (word << 6) + Long.numberOfTrailingZeros(zeros) + 1;
            }
            skip -= count;
            zeros = ~highWord(++word);
        }
    }

    private boolean bit(long position) {
        return (highWord(position >>> 6) >>> (position & 63) & 1) != 0;
    }

    private long highWord(long word) {
        return data.getLong(highAt + (int) word * 8);
    }

    private long lowAt(long index) {
        long at = index * lowBits;
        int word = (int) (at >>> 6);
        int shift = (int) (at & 63);
        long v = data.getLong(lowAt + word * 8) >>> shift;
        if (shift + lowBits > 64) {
            v |= data.getLong(lowAt + (word + 1) * 8) << (64 - shift);
        }
        return v & lowMask;
    }

    /** Every stored fingerprint, in order (for tests: a walk of the whole unary part). */
    long[] fingerprints() {
        long[] out = new long[size];
        long bucket = 0;
        int index = 0;
        for (long position = 0; index < size; position++) {
            if (bit(position)) {
                out[index] = (bucket << lowBits) | lowAt(index);
                index++;
            } else {
                bucket++;
            }
        }
        return out;
    }

    /** The first 8 bytes of SHA-256 of the domain (ASCII), big-endian: the refresh script keeps its top bits. */
    static long fingerprint(String domain) {
        try {
            MessageDigest sha = (MessageDigest) SHA_256.clone();
            return ByteBuffer.wrap(sha.digest(domain.getBytes(StandardCharsets.US_ASCII))).getLong();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 provider cannot be cloned", e);
        }
    }
}
