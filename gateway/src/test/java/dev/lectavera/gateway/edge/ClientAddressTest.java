package dev.lectavera.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddress nobodyTrusted = new ClientAddress(List.of());
        assertEquals("127.0.0.1", nobodyTrusted.resolve("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("10.1.2.3", nobodyTrusted.resolve("10.1.2.3", List.of("203.0.113.7")));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWithTheHeader() {
        assertEquals("198.51.100.9", behindIngress.resolve("198.51.100.9", List.of("203.0.113.7")));
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedEntryIsTheClient() {
        // The client forged the first two entries; the ingress appended the address it saw.
        assertEquals("198.51.100.9", behindIngress.resolve("10.0.0.5", List.of("1.2.3.4, 5.6.7.8, 198.51.100.9")));
        // Several trusted hops (and several header lines) are walked through from the right.
        assertEquals("198.51.100.9", behindIngress.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.9", "10.9.9.9, 10.0.0.7")));
        // Ports and brackets are not part of the address.
        assertEquals("198.51.100.9", behindIngress.resolve("10.0.0.5", List.of("198.51.100.9:4711")));
        assertEquals("2001:db8::1", behindIngress.resolve("10.0.0.5", List.of("[2001:db8::1]:443")));
    }

    @Test
    void everyHopTrustedMeansTheFarthestOneAndNoHeaderMeansThePeer() {
        assertEquals("10.0.0.1", behindIngress.resolve("10.0.0.5", List.of("10.0.0.1, 10.0.0.2")));
        assertEquals("10.0.0.5", behindIngress.resolve("10.0.0.5", List.of()));
    }

    @Test
    void junkInTheHeaderStopsTheWalkAtTheLastTrustedHop() {
        assertEquals("10.0.0.2", behindIngress.resolve("10.0.0.5", List.of("198.51.100.9, not-an-address, 10.0.0.2")));
        assertEquals("10.0.0.5", behindIngress.resolve("10.0.0.5", List.of("unknown")));
    }

    @Test
    void oneClientHasOneSpelling() {
        ClientAddress nobodyTrusted = new ClientAddress(List.of());
        assertEquals("::1", nobodyTrusted.resolve("0:0:0:0:0:0:0:1", List.of()));
        assertEquals("10.0.0.1", nobodyTrusted.resolve("::ffff:10.0.0.1", List.of()));
        assertEquals("198.51.100.9", behindIngress.resolve("::ffff:10.0.0.5", List.of("::ffff:198.51.100.9")));
        assertEquals("2001:db8::1", behindIngress.resolve("fd00::1", List.of("2001:DB8:0:0::1")));
    }

    @Test
    void prefixLengthsAreHonouredToTheBit() {
        ClientAddress narrow = new ClientAddress(List.of("192.168.1.128/25", "127.0.0.1"));
        assertEquals("203.0.113.7", narrow.resolve("192.168.1.200", List.of("203.0.113.7")));
        assertEquals("192.168.1.100", narrow.resolve("192.168.1.100", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", narrow.resolve("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("127.0.0.2", narrow.resolve("127.0.0.2", List.of("203.0.113.7")));
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("ingress.local")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/x")));
    }
}
