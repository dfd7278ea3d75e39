package io.scamsignal.domain.payment;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Segregated-witness addresses: bech32 (BIP-173) for witness version 0, bech32m (BIP-350) for
 * versions 1 to 16 (taproot is version 1, bc1p…). Mixed case is invalid, as the BIPs say.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32 = 1;
    private static final int BECH32M = 0x2bc830a3;

    /** A decoded segwit address: witness version and program. */
    public record Segwit(String hrp, int version, byte[] program) {
    }

    private Bech32() {
    }

    public static Optional<Segwit> decodeSegwit(String expectedHrp, String address) {
        if (address.length() > 90 || address.length() < 8
                || (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        String lower = address.toLowerCase(Locale.ROOT);
        int separator = lower.lastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.length() || !lower.substring(0, separator).equals(expectedHrp)) {
            return Optional.empty();
        }
        int[] data = new int[lower.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = CHARSET.indexOf(lower.charAt(separator + 1 + i));
            if (data[i] < 0) {
                return Optional.empty();
            }
        }
        int constant = polymod(expand(expectedHrp, data));
        if (constant != BECH32 && constant != BECH32M) {
            return Optional.empty();
        }
        int version = data[0];
        if (version > 16 || (version == 0) != (constant == BECH32)) {
            return Optional.empty();
        }
        Optional<byte[]> program = convertBits(data, 1, data.length - 6);
        if (program.isEmpty() || program.get().length < 2 || program.get().length > 40
                || (version == 0 && program.get().length != 20 && program.get().length != 32)) {
            return Optional.empty();
        }
        return Optional.of(new Segwit(expectedHrp, version, program.get()));
    }

    public static String encodeSegwit(String hrp, int version, byte[] program) {
        int[] bits = toFiveBits(program);
        int[] values = new int[bits.length + 1];
        values[0] = version;
        System.arraycopy(bits, 0, values, 1, bits.length);
        int[] withChecksum = new int[values.length + 6];
        System.arraycopy(values, 0, withChecksum, 0, values.length);
        int mod = polymod(expand(hrp, withChecksum)) ^ (version == 0 ? BECH32 : BECH32M);
        StringBuilder out = new StringBuilder(hrp).append('1');
        for (int v : values) {
            out.append(CHARSET.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            out.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return out.toString();
    }

    /** hrp expansion followed by the data; for encoding the last six values are zero. */
    private static int[] expand(String hrp, int[] data) {
        int[] out = new int[hrp.length() * 2 + 1 + data.length];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = hrp.charAt(i) >> 5;
            out[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, out, hrp.length() * 2 + 1, data.length);
        return out;
    }

    private static int polymod(int[] values) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= generator[i];
                }
            }
        }
        return chk;
    }

    private static Optional<byte[]> convertBits(int[] data, int from, int to) {
        int acc = 0;
        int bits = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >>> bits) & 0xff);
            }
        }
        // at most 4 bits of zero padding
        if (bits >= 5 || ((acc << (8 - bits)) & 0xff) != 0) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static int[] toFiveBits(byte[] program) {
        int[] out = new int[(program.length * 8 + 4) / 5];
        int acc = 0;
        int bits = 0;
        int n = 0;
        for (byte b : program) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = (acc >>> bits) & 31;
            }
        }
        if (bits > 0) {
            out[n] = (acc << (5 - bits)) & 31;
        }
        return out;
    }
}
