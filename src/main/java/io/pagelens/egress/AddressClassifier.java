package io.pagelens.egress;

import java.util.List;
import java.util.Optional;

/**
 * Which addresses a capture must never reach: loopback, private, link-local, cloud metadata, CGNAT, multicast,
 * broadcast and the IANA special-purpose and reserved blocks of IPv4 and IPv6. IPv6 forms that carry an IPv4
 * address (IPv4-mapped, NAT64, 6to4, Teredo) are judged by the address they carry; IPv4-compatible and
 * local-use NAT64 are refused whole. Of IPv6, only global unicast (2000::/3) is reachable at all.
 * Pure functions over address bytes: no sockets, no DNS.
 */
public final class AddressClassifier {
    /** A named block, e.g. loopback 127.0.0.0/8. */
    public record Range(String name, Cidr cidr) {
        public String describe() {
            return name + " (" + cidr + ")";
        }
    }

    /**
     * Why an address is refused: the range it is in, and, when it only carries the refused address (an IPv4-mapped
     * or NAT64 form, say), the wrapping range and the carried address.
     */
    public record Finding(Range range, Range wrapper, byte[] embedded) {
        /** "loopback (127.0.0.0/8)", or "the IPv4-mapped (::ffff:0:0/96) form of 127.0.0.2, which is loopback (127.0.0.0/8)". */
        public String describe() {
            if (wrapper == null) return range.describe();
            return "the " + wrapper.describe() + " form of " + IpText.format(embedded) + ", which is " + range.describe();
        }
    }

    private enum Kind { BLOCK, CARRIES_V4 }

    private record Entry(Range range, Kind kind) {
    }

    private static Entry block(String name, String cidr) {
        return new Entry(new Range(name, Cidr.of(cidr)), Kind.BLOCK);
    }

    private static Entry carrier(String name, String cidr) {
        return new Entry(new Range(name, Cidr.of(cidr)), Kind.CARRIES_V4);
    }

    /** First match wins, so the more specific blocks come first (broadcast before reserved). */
    static final List<Range> V4 = List.of(
            new Range("this network", Cidr.of("0.0.0.0/8")),
            new Range("private", Cidr.of("10.0.0.0/8")),
            new Range("CGNAT shared address space", Cidr.of("100.64.0.0/10")),
            new Range("loopback", Cidr.of("127.0.0.0/8")),
            new Range("link-local, cloud metadata", Cidr.of("169.254.0.0/16")),
            new Range("private", Cidr.of("172.16.0.0/12")),
            new Range("IETF protocol assignments", Cidr.of("192.0.0.0/24")),
            new Range("documentation TEST-NET-1", Cidr.of("192.0.2.0/24")),
            new Range("deprecated 6to4 relay anycast", Cidr.of("192.88.99.0/24")),
            new Range("private", Cidr.of("192.168.0.0/16")),
            new Range("benchmarking", Cidr.of("198.18.0.0/15")),
            new Range("documentation TEST-NET-2", Cidr.of("198.51.100.0/24")),
            new Range("documentation TEST-NET-3", Cidr.of("203.0.113.0/24")),
            new Range("multicast", Cidr.of("224.0.0.0/4")),
            new Range("broadcast", Cidr.of("255.255.255.255/32")),
            new Range("reserved", Cidr.of("240.0.0.0/4")));

    private static final List<Entry> V6 = List.of(
            block("unspecified", "::/128"),
            block("loopback", "::1/128"),
            carrier("IPv4-mapped", "::ffff:0:0/96"),
            block("deprecated IPv4-compatible", "::/96"),
            carrier("NAT64", "64:ff9b::/96"),
            block("local-use NAT64", "64:ff9b:1::/48"),
            block("discard-only", "100::/64"),
            carrier("Teredo", "2001::/32"),
            block("benchmarking", "2001:2::/48"),
            block("deprecated ORCHID", "2001:10::/28"),
            block("ORCHIDv2", "2001:20::/28"),
            block("documentation", "2001:db8::/32"),
            carrier("6to4", "2002::/16"),
            block("documentation", "3fff::/20"),
            block("SRv6 SIDs", "5f00::/16"),
            block("unique local", "fc00::/7"),
            block("link-local", "fe80::/10"),
            block("deprecated site-local", "fec0::/10"),
            block("multicast", "ff00::/8"));

    /** Everything of IPv6 outside this block is unallocated or special. */
    static final Range GLOBAL_UNICAST = new Range("outside global unicast", Cidr.of("2000::/3"));

    private AddressClassifier() {
    }

    /** Why {@code address} (4 or 16 bytes) is refused, or empty when it may be reached. */
    public static Optional<Finding> classify(byte[] address) {
        if (address.length == 4) {
            for (Range r : V4) if (r.cidr().contains(address)) return Optional.of(new Finding(r, null, null));
            return Optional.empty();
        }
        if (address.length != 16) throw new IllegalArgumentException("not an IP address: " + address.length + " bytes");
        for (Entry e : V6) {
            if (!e.range().cidr().contains(address)) continue;
            if (e.kind() == Kind.BLOCK) return Optional.of(new Finding(e.range(), null, null));
            for (byte[] v4 : carried(e.range(), address)) {
                Optional<Finding> inner = classify(v4);
                if (inner.isPresent()) return Optional.of(new Finding(inner.get().range(), e.range(), v4));
            }
            return Optional.empty(); // a carrier of reachable IPv4 addresses is as reachable as they are
        }
        if (!GLOBAL_UNICAST.cidr().contains(address)) return Optional.of(new Finding(GLOBAL_UNICAST, null, null));
        return Optional.empty();
    }

    /** The IPv4 addresses an IPv6 carrier address holds (RFC 4291, 6052, 3056, 4380). */
    private static List<byte[]> carried(Range carrier, byte[] a) {
        return switch (carrier.name()) {
            case "6to4" -> List.of(slice(a, 2));
            case "Teredo" -> {
                byte[] client = slice(a, 12);
                for (int i = 0; i < 4; i++) client[i] = (byte) ~client[i]; // the client address is stored inverted
                yield List.of(slice(a, 4), client);
            }
            default -> List.of(slice(a, 12)); // IPv4-mapped, NAT64 well-known prefix
        };
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] out = new byte[4];
        System.arraycopy(a, from, out, 0, 4);
        return out;
    }

    /** The IPv4 address an IPv4-mapped IPv6 address stands for (the same host), else the address itself. */
    public static byte[] unmapped(byte[] address) {
        if (address.length == 16 && V6.get(2).range().cidr().contains(address)) return slice(address, 12);
        return address;
    }
}
