package io.scamsignal.domain.report;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Published cloud and VPN address ranges: networks anyone can rent by the minute, so an address in
 * one says nothing about who is behind it. {@link NetworkFingerprint} counts every address of one
 * list as one network. The ranges are the MISP warninglists {@code amazon-aws},
 * {@code microsoft-azure}, {@code google-gcp}, {@code ovh-cluster}, {@code akamai},
 * {@code cloudflare}, {@code fastly} and {@code vpn-ipv4}/{@code vpn-ipv6} (one list, {@code vpn}),
 * vendored by {@code tools/refresh_benign_lists.py rented-networks} into {@code rented-networks.bin}
 * (source, commit, date and licence in {@code rented-networks.json}).
 *
 * <p>The file holds sorted, disjoint ranges (where lists overlap, the earlier list wins), IPv4 by
 * address and IPv6 by /64: a lookup is one binary search over at most 2<sup>15</sup> ranges, about
 * 16 comparisons whatever the address.
 */
public final class RentedNetworks {

    private static final String RESOURCE = "rented-networks.bin";
    private static volatile RentedNetworks standard;

    private final List<String> names;
    /** IPv4 range bounds, inclusive, as unsigned ints with the sign bit flipped (signed order = address order). */
    private final int[] v4First;
    private final int[] v4Last;
    private final byte[] v4List;
    /** IPv6 range bounds in /64 units (the address's upper 64 bits), sign bit flipped. */
    private final long[] v6First;
    private final long[] v6Last;
    private final byte[] v6List;

    private RentedNetworks(List<String> names, int[] v4First, int[] v4Last, byte[] v4List,
                           long[] v6First, long[] v6Last, byte[] v6List) {
        this.names = List.copyOf(names);
        this.v4First = v4First;
        this.v4Last = v4Last;
        this.v4List = v4List;
        this.v6First = v6First;
        this.v6Last = v6Last;
        this.v6List = v6List;
    }

    /** The vendored lists, read once per class loader. */
    public static RentedNetworks standard() {
        RentedNetworks s = standard;
        if (s == null) {
            synchronized (RentedNetworks.class) {
                s = standard;
                if (s == null) {
                    try (InputStream in = RentedNetworks.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(RESOURCE + " is missing from the domain module");
                        }
                        s = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = s;
                }
            }
        }
        return s;
    }

    /** No rented ranges: every address is a network of its own (unit tests of other things). */
    public static RentedNetworks none() {
        return new RentedNetworks(List.of(), new int[0], new int[0], new byte[0], new long[0], new long[0], new byte[0]);
    }

    /** Reads the format tools/refresh_benign_lists.py writes. */
    static RentedNetworks read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] magic = in.readNBytes(5);
        if (!Arrays.equals(magic, new byte[] {'S', 'S', 'R', 'N', 1})) {
            throw new IOException("not a rented-networks file (version 1)");
        }
        int count = in.readUnsignedByte();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(new String(in.readNBytes(in.readUnsignedByte()), java.nio.charset.StandardCharsets.US_ASCII));
        }
        int n4 = in.readInt();
        int[] f4 = new int[n4];
        int[] l4 = new int[n4];
        byte[] k4 = new byte[n4];
        long next = 0;
        for (int i = 0; i < n4; i++) {
            long first = next + varint(in);
            long last = first + varint(in);
            k4[i] = list(in, count);
            if (last > 0xffff_ffffL) {
                throw new IOException("IPv4 range beyond 255.255.255.255");
            }
            f4[i] = (int) first ^ Integer.MIN_VALUE;
            l4[i] = (int) last ^ Integer.MIN_VALUE;
            next = last + 1;
        }
        int n6 = in.readInt();
        long[] f6 = new long[n6];
        long[] l6 = new long[n6];
        byte[] k6 = new byte[n6];
        long nextUnit = 0;
        for (int i = 0; i < n6; i++) {
            long first = nextUnit + varint(in);
            long last = first + varint(in);
            k6[i] = list(in, count);
            f6[i] = first ^ Long.MIN_VALUE;
            l6[i] = last ^ Long.MIN_VALUE;
            nextUnit = last + 1;
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes in a rented-networks file");
        }
        return new RentedNetworks(names, f4, l4, k4, f6, l6, k6);
    }

    /** The list an address (4 or 16 bytes, network order) is in, if any. */
    public Optional<String> listOf(byte[] address) {
        int i;
        if (address.length == 4) {
            int a = ((address[0] & 0xff) << 24 | (address[1] & 0xff) << 16 | (address[2] & 0xff) << 8 | (address[3] & 0xff))
                    ^ Integer.MIN_VALUE;
            i = Arrays.binarySearch(v4First, a);
            i = i >= 0 ? i : -i - 2; // the last range starting at or before the address
            return i >= 0 && a <= v4Last[i] ? Optional.of(names.get(v4List[i])) : Optional.empty();
        }
        if (address.length == 16) {
            long unit = 0;
            for (int b = 0; b < 8; b++) {
                unit = unit << 8 | (address[b] & 0xff);
            }
            long u = unit ^ Long.MIN_VALUE;
            i = Arrays.binarySearch(v6First, u);
            i = i >= 0 ? i : -i - 2;
            return i >= 0 && u <= v6Last[i] ? Optional.of(names.get(v6List[i])) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The names of the networks the lists count on ({@code amazon-aws}, …, {@code vpn}). */
    public List<String> names() {
        return names;
    }

    /** IPv4 ranges plus IPv6 /64 ranges held. */
    public int ranges() {
        return v4First.length + v6First.length;
    }

    private static long varint(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("varint too long");
    }

    private static byte list(DataInputStream in, int count) throws IOException {
        int k = in.readUnsignedByte();
        if (k >= count) {
            throw new IOException("range names list " + k + " of " + count);
        }
        return (byte) k;
    }
}
