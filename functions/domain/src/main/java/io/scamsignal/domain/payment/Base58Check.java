package io.scamsignal.domain.payment;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/** Bitcoin's base58 with a 4-byte double-SHA-256 checksum (also TRON's address encoding). */
public final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Check() {
    }

    /** The payload (version byte included) when the checksum holds, else empty. */
    public static Optional<byte[]> decode(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        BigInteger n = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (char ch : text.toCharArray()) {
            int digit = ALPHABET.indexOf(ch);
            if (digit < 0) {
                return Optional.empty();
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] raw = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, raw, leadingZeros, magnitude.length);
        if (raw.length < 5) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        byte[] check = Arrays.copyOf(sha256d(payload), 4);
        return Arrays.equals(check, Arrays.copyOfRange(raw, raw.length - 4, raw.length)) ? Optional.of(payload)
                : Optional.empty();
    }

    public static String encode(byte[] payload) {
        byte[] raw = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(sha256d(payload), 0, raw, payload.length, 4);
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, raw);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < raw.length && raw[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    static byte[] sha256d(byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(sha.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
