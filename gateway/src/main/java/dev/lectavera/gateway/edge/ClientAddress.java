package dev.lectavera.gateway.edge;

import io.netty.util.NetUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for every per-address rate limit. {@code X-Forwarded-For} is believed only when the TCP
 * peer is one of the configured proxies ({@code gateway.client-address.trusted-proxies}, CIDRs); the client is
 * then the right-most entry that is not itself a trusted proxy. Entries to its left were written by whoever
 * sent the request to the first trusted proxy and prove nothing, so a client inventing a new
 * {@code X-Forwarded-For} per request still gets one bucket. No proxies configured (the default): the peer is
 * the client and the header is ignored.
 * <p>
 * Addresses are parsed as literals only (never a DNS lookup) and printed in one canonical form, so
 * {@code ::1} and {@code 0:0::1}, or {@code ::ffff:10.0.0.1} and {@code 10.0.0.1}, are the same client.
 */
public final class ClientAddress {

    private final List<Cidr> trustedProxies;

    /** @param trustedProxies CIDRs such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128 */
    public ClientAddress(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>(trustedProxies.size());
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry.trim()));
            }
        }
        this.trustedProxies = List.copyOf(parsed);
    }

    public boolean trustsAnyProxy() {
        return !trustedProxies.isEmpty();
    }

    /**
     * @param peer          the TCP peer's address
     * @param forwardedFor  every {@code X-Forwarded-For} header line, in the order received
     * @return the client's address in canonical form (the peer's text when it is not an IP literal)
     */
    public String resolve(String peer, List<String> forwardedFor) {
        byte[] peerBytes = bytesOf(peer);
        if (peerBytes == null) {
            return peer == null ? "unknown" : peer;
        }
        if (!isTrusted(peerBytes) || forwardedFor.isEmpty()) {
            return NetUtil.bytesToIpAddress(peerBytes);
        }
        byte[] client = peerBytes;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] entries = forwardedFor.get(line).split(",");
            for (int i = entries.length - 1; i >= 0; i--) {
                byte[] entry = bytesOf(stripPort(entries[i].trim()));
                if (entry == null) {
                    // Not an address: nothing further left can be believed; the last trusted hop is the client.
                    return NetUtil.bytesToIpAddress(client);
                }
                client = entry;
                if (!isTrusted(entry)) {
                    return NetUtil.bytesToIpAddress(entry);
                }
            }
        }
        return NetUtil.bytesToIpAddress(client); // every hop a trusted proxy: the farthest one
    }

    private boolean isTrusted(byte[] address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 1.2.3.4:567} → {@code 1.2.3.4}; {@code [::1]:80} → {@code ::1}; anything else unchanged. */
    static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(1, close);
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** 4 bytes for IPv4 (also for IPv4-mapped IPv6), 16 for IPv6, null when the text is not an IP literal. */
    static byte[] bytesOf(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            byte[] ipv4 = new byte[4];
            System.arraycopy(bytes, 12, ipv4, 0, 4);
            return ipv4;
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** An address block: the first {@code prefixLength} bits of {@code network}. */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] network = bytesOf(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("gateway.client-address.trusted-proxies: '" + text
                        + "' is not an address or CIDR (host names are not accepted)");
            }
            int maxLength = network.length * 8;
            int prefixLength;
            try {
                prefixLength = slash < 0 ? maxLength : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefixLength = -1;
            }
            if (prefixLength < 0 || prefixLength > maxLength) {
                throw new IllegalArgumentException("gateway.client-address.trusted-proxies: '" + text
                        + "' has no valid prefix length (0.." + maxLength + ")");
            }
            return new Cidr(network, prefixLength);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixLength % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - restBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
