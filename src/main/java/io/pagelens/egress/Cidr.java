package io.pagelens.egress;

import java.util.Arrays;
import java.util.Optional;

/** An IPv4 or IPv6 block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a single address is a full-length block. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code ADDRESS[/PREFIX]} (IPv6 optionally in brackets). Empty when the text is no such block, or when
     * bits beyond the prefix are set (a typo like {@code 10.1.0.0/8} would otherwise silently mean more than meant).
     */
    public static Optional<Cidr> parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (addr.startsWith("[") && addr.endsWith("]")) addr = addr.substring(1, addr.length() - 1);
        Optional<byte[]> bytes = addr.contains(":") ? IpText.parseV6(addr) : IpText.parseV4(addr);
        if (bytes.isEmpty()) return Optional.empty();
        byte[] b = bytes.get();
        int bits = b.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return Optional.empty();
            prefix = Integer.parseInt(p);
            if (prefix > bits) return Optional.empty();
        }
        Cidr c = new Cidr(b, prefix);
        if (!Arrays.equals(c.mask(b), b)) return Optional.empty();
        return Optional.of(c);
    }

    /** As {@link #parse}, for constants known to be valid. */
    static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("bad CIDR constant " + text));
    }

    /** Whether {@code address} (4 or 16 bytes) is inside; an address of the other family never is. */
    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address), network);
    }

    private byte[] mask(byte[] a) {
        byte[] out = a.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        return out;
    }

    public int prefix() {
        return prefix;
    }

    /** The first address of the block. */
    public byte[] first() {
        return network.clone();
    }

    /** The last address of the block. */
    public byte[] last() {
        byte[] out = network.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return IpText.format(network) + "/" + prefix;
    }
}
