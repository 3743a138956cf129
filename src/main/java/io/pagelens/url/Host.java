package io.pagelens.url;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The host of a {@link WebUrl}, typed as the WHATWG host parser found it: the address the browser will use is
 * {@link Ipv4} or {@link Ipv6} when the URL spells one (in any of its decimal, octal, hex or compressed forms),
 * otherwise a {@link Domain} in ASCII (IDNA-mapped, lower case) that still needs resolving.
 */
public sealed interface Host permits Host.Domain, Host.Ipv4, Host.Ipv6 {
    /** The host as it appears in the URL's href: a name, a dotted quad, or an IPv6 address in brackets. */
    String serialized();

    /** A registered name, ASCII only (Unicode labels are punycode {@code xn--} labels), lower case. */
    record Domain(String name) implements Host {
        @Override
        public String serialized() {
            return name;
        }
    }

    /** An IPv4 address as a 32-bit number, most significant byte first ({@code 127.0.0.1} is {@code 0x7f000001}). */
    record Ipv4(int address) implements Host {
        @Override
        public String serialized() {
            return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
        }

        public byte[] bytes() {
            return new byte[]{(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        }

        /** The address as an {@link InetAddress}; no name service is asked. */
        public InetAddress toInetAddress() {
            try {
                return InetAddress.getByAddress(bytes());
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // four bytes are always a valid address
            }
        }
    }

    /** An IPv6 address as two 64-bit halves, most significant first ({@code ::1} is {@code high 0, low 1}). */
    record Ipv6(long high, long low) implements Host {
        /** The 16-bit piece {@code i} (0 to 7), as written between colons. */
        public int piece(int i) {
            if (i < 0 || i > 7) throw new IndexOutOfBoundsException("piece " + i);
            long half = i < 4 ? high : low;
            return (int) (half >>> (16 * (3 - (i & 3)))) & 0xffff;
        }

        public byte[] bytes() {
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (high >>> (56 - 8 * i));
                b[8 + i] = (byte) (low >>> (56 - 8 * i));
            }
            return b;
        }

        /**
         * The address as an {@link InetAddress}; no name service is asked. Note that the JDK turns an IPv4-mapped
         * address ({@code ::ffff:a.b.c.d}) into an {@link java.net.Inet4Address}, which is what a connection uses.
         */
        public InetAddress toInetAddress() {
            try {
                return InetAddress.getByAddress(bytes());
            } catch (UnknownHostException e) {
                throw new AssertionError(e); // sixteen bytes are always a valid address
            }
        }

        /** The WHATWG serialization: lower-case hex, the first longest run of two or more zero pieces as {@code ::}. */
        @Override
        public String serialized() {
            int bestStart = -1, bestLen = 1;
            for (int i = 0; i < 8; ) {
                if (piece(i) != 0) { i++; continue; }
                int j = i;
                while (j < 8 && piece(j) == 0) j++;
                if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
                i = j;
            }
            StringBuilder s = new StringBuilder(41).append('[');
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    s.append(i == 0 ? "::" : ":");
                    i += bestLen - 1;
                    continue;
                }
                s.append(Integer.toHexString(piece(i)));
                if (i < 7) s.append(':');
            }
            return s.append(']').toString();
        }
    }
}
