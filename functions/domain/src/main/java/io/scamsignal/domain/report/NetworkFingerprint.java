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

    public NetworkFingerprint(String secret) {
        this.hash = new KeyedHash(secret, "network fingerprint", BYTES);
    }

    /** The fingerprint of the address's network; empty for anything that is no IP address literal. */
    public Optional<String> of(String sourceIp) {
        return prefix(sourceIp).map(p -> hash.hex("net:" + p));
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
        if (sourceIp == null) {
            return Optional.empty();
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
            return Optional.empty();
        }
        byte[] bytes;
        if (v4) {
            // parsed here: InetAddress would look up a string that is no valid literal (999.1.1.1) in DNS
            String[] octets = ip.split("\\.");
            bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
        } else {
            try {
                // a string with a colon is only ever parsed as an IPv6 literal, never resolved
                bytes = InetAddress.getByName(ip).getAddress();
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        HexFormat hex = HexFormat.of();
        return Optional.of(bytes.length == 4
                ? "v4:" + (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24"
                : "v6:" + hex.formatHex(bytes, 0, 6) + "::/48");
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
