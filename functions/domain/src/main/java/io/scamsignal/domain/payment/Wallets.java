package io.scamsignal.domain.payment;

import java.util.HexFormat;

/** Builds valid addresses from raw hashes: for tests and synthetic corpora (never for real payments). */
public final class Wallets {

    private Wallets() {
    }

    public static String p2pkh(byte[] hash160) {
        return Base58Check.encode(prefixed((byte) 0x00, hash160));
    }

    public static String p2sh(byte[] hash160) {
        return Base58Check.encode(prefixed((byte) 0x05, hash160));
    }

    public static String tron(byte[] hash20) {
        return Base58Check.encode(prefixed((byte) 0x41, hash20));
    }

    public static String segwit(int version, byte[] program) {
        return Bech32.encodeSegwit("bc", version, program);
    }

    public static String ethereum(byte[] hash20) {
        return "0x" + WalletAddress.eip55(HexFormat.of().formatHex(hash20));
    }

    private static byte[] prefixed(byte version, byte[] hash) {
        byte[] payload = new byte[hash.length + 1];
        payload[0] = version;
        System.arraycopy(hash, 0, payload, 1, hash.length);
        return payload;
    }
}
