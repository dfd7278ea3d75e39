package io.scamsignal.domain.payment;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cryptocurrency address whose checksum holds, so that a mistyped character makes no address
 * at all instead of a second one that could join two rings. {@code value} is the normal form:
 * base58 addresses as they are (base58 is case-sensitive), bech32 in lower case, Ethereum in
 * lower case with its 0x.
 */
public record WalletAddress(Chain chain, String value, String display) {

    public enum Chain {
        BTC("Bitcoin"), ETH("Ethereum"), TRX("TRON");

        private final String label;

        Chain(String label) {
            this.label = label;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }
    }

    private static final Pattern ETH = Pattern.compile("0[xX][0-9a-fA-F]{40}");

    /** The address typed or pasted, or empty when it is none of the supported kinds or its checksum fails. */
    public static Optional<WalletAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 100) {
            return Optional.empty();
        }
        if (ETH.matcher(s).matches()) {
            return ethereum(s);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1")) {
            return Bech32.decodeSegwit("bc", s).map(w -> new WalletAddress(Chain.BTC, lower, lower));
        }
        if (s.startsWith("1") || s.startsWith("3")) {
            return Base58Check.decode(s)
                    .filter(p -> p.length == 21 && (p[0] == 0x00 || p[0] == 0x05))
                    .map(p -> new WalletAddress(Chain.BTC, s, s));
        }
        if (s.startsWith("T")) {
            return Base58Check.decode(s)
                    .filter(p -> p.length == 21 && p[0] == 0x41)
                    .map(p -> new WalletAddress(Chain.TRX, s, s));
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return parse(raw).isPresent();
    }

    /** The indicator value: chain and address, so that equal strings on two chains stay two wallets. */
    public String indicatorValue() {
        return chain.wireName() + ":" + value;
    }

    private static Optional<WalletAddress> ethereum(String s) {
        String hex = s.substring(2);
        String lower = hex.toLowerCase(Locale.ROOT);
        boolean mixed = !hex.equals(lower) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        // an address in one case carries no checksum (EIP-55): accepted as it is
        if (mixed && !hex.equals(eip55(lower))) {
            return Optional.empty();
        }
        return Optional.of(new WalletAddress(Chain.ETH, "0x" + lower, "0x" + eip55(lower)));
    }

    /** The EIP-55 mixed-case form of 40 lower-case hex digits. */
    public static String eip55(String lowerHex) {
        String hash = HexFormat.of().formatHex(Keccak256.hash(lowerHex.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder(40);
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
