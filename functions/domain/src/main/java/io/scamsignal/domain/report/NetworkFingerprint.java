package io.scamsignal.domain.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts distinct source networks without keeping addresses: an HMAC, under the same kind of
 * secret as {@link ReporterFingerprint}, of the client's IPv4 /24 or IPv6 /48. One household, one
 * office or one laptop with three e-mail addresses is one network; a reporter's own address is
 * never stored. The prefix lengths are those a single subscriber typically holds (an IPv4 NAT
 * address's neighbours, an IPv6 site prefix), so separate reporters rarely share one.
 *
 * <p>Networks anyone can rent are the exception: an address in a published cloud or VPN range
 * ({@link RentedNetworks}) counts on its list's one network, so ten machines in ten cloud regions
 * are one network for the per-network rules, not ten. {@link #ofAddress} keeps the prefix for the
 * per-network rate limit, so that VPN users do not share one hourly quota.
 */
public final class NetworkFingerprint {

    /** Address literals only: never a host name, so parsing never resolves anything. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    /**
     * 64 bits: fingerprints only need to tell apart the networks of one indicator's reporters, and
     * aggregates keep up to 256 of them as map keys, so every byte counts in write units.
     */
    private static final int BYTES = 8;
    private final KeyedHash hash;
    private final RentedNetworks rented;

    /** With the vendored cloud and VPN ranges. */
    public NetworkFingerprint(String secret) {
        this(secret, RentedNetworks.standard());
    }

    public NetworkFingerprint(String secret, RentedNetworks rented) {
        this.hash = new KeyedHash(secret, "network fingerprint", BYTES);
        this.rented = rented;
    }

    /**
     * The network an address counts on for the rules: its rented list's one network when the address
     * is in a published cloud or VPN range, else its own prefix's; empty for anything that is no IP
     * address literal.
     */
    public Optional<String> of(String sourceIp) {
        byte[] bytes = address(sourceIp);
        if (bytes == null) {
            return Optional.empty();
        }
        Optional<String> list = rented.listOf(bytes);
        return Optional.of(list.isPresent() ? hash.hex("rented:" + list.get()) : hash.hex("net:" + prefix(bytes)));
    }

    /** The fingerprint of the address's own prefix (/24, /48), rented or not: the rate limit's key. */
    public Optional<String> ofAddress(String sourceIp) {
        return prefix(sourceIp).map(p -> hash.hex("net:" + p));
    }

    /** The rented list ({@code amazon-aws}, …, {@code vpn}) an address is in, if any. */
    public Optional<String> rentedList(String sourceIp) {
        byte[] bytes = address(sourceIp);
        return bytes == null ? Optional.empty() : rented.listOf(bytes);
    }

    /**
     * The network of a partner organisation's reports that name no victim network: one per
     * organisation, whichever of its servers sends, so that an organisation counts as one source
     * for the per-network rules. Never equal to an address's fingerprint (another prefix is hashed).
     */
    public String ofOrganisation(String organisation) {
        return hash.hex("org:" + organisation);
    }

    /** Whether the text is an IPv4 or IPv6 address literal this class fingerprints (no host name, no prefix). */
    public static boolean isAddress(String text) {
        return prefix(text).isPresent();
    }

    /** "v4:203.0.113.0/24" or "v6:2001:db8:1::/48" style prefix (canonical bytes), for tests and docs. */
    static Optional<String> prefix(String sourceIp) {
        byte[] bytes = address(sourceIp);
        return bytes == null ? Optional.empty() : Optional.of(prefix(bytes));
    }

    private static String prefix(byte[] bytes) {
        HexFormat hex = HexFormat.of();
        return bytes.length == 4
                ? "v4:" + (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24"
                : "v6:" + hex.formatHex(bytes, 0, 6) + "::/48";
    }

    /** The address's bytes (4, or 16 unless IPv4-mapped), null for anything that is no address literal. */
    private static byte[] address(String sourceIp) {
        if (sourceIp == null) {
            return null;
        }
        String ip = sourceIp.strip();
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        int zone = ip.indexOf('%');
        if (zone >= 0) {
            ip = ip.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(ip).matches();
        if (!v4 && !(ip.indexOf(':') >= 0 && IPV6.matcher(ip).matches())) {
            return null;
        }
        byte[] bytes;
        if (v4) {
            // parsed here: InetAddress would look up a string that is no valid literal (999.1.1.1) in DNS
            String[] octets = ip.split("\\.");
            bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
        } else {
            try {
                // a string with a colon is only ever parsed as an IPv6 literal, never resolved
                bytes = InetAddress.getByName(ip).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
