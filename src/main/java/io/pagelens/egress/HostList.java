package io.pagelens.egress;

import io.pagelens.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An allow- or deny-list: host names ({@code localhost}), wildcard suffixes ({@code *.example.com}, subdomains only),
 * IP addresses ({@code 127.0.0.1}, {@code ::1}) and CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}), comma-separated.
 * Names match the host as written in the URL; addresses and blocks match the addresses it resolves to (an
 * IPv4-mapped IPv6 address matches as its IPv4 address).
 */
public final class HostList {
    public static final HostList EMPTY = new HostList(List.of(), List.of(), List.of());

    private final List<String> names;
    private final List<String> suffixes; // ".example.com" for "*.example.com"
    private final List<Cidr> blocks;

    private HostList(List<String> names, List<String> suffixes, List<Cidr> blocks) {
        this.names = List.copyOf(names);
        this.suffixes = List.copyOf(suffixes);
        this.blocks = List.copyOf(blocks);
    }

    /** Parses {@code value}; a bad entry throws {@link ConfigException} naming {@code variable} and the entry. */
    public static HostList parse(String variable, String value) {
        if (value == null || value.isBlank()) return EMPTY;
        List<String> names = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String raw : value.split(",")) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) continue;
            if (e.equals("*")) {
                throw new ConfigException(variable, value, "'*' would allow every host; to run without the guard set PAGELENS_EGRESS=off");
            }
            Optional<Cidr> cidr = Cidr.parse(e);
            if (cidr.isPresent()) {
                blocks.add(cidr.get());
                continue;
            }
            if (e.contains("/") || e.contains(":")) {
                throw new ConfigException(variable, value, "'" + e + "' is not a valid IP address or CIDR block (host bits"
                        + " must be zero, e.g. 10.0.0.0/8)");
            }
            boolean wildcard = e.startsWith("*.");
            String name = wildcard ? e.substring(2) : e;
            try {
                CanonicalHost h = CanonicalHost.parse(name);
                if (h.isLiteral()) throw new IllegalArgumentException("an IP address cannot take a wildcard");
                if (wildcard) suffixes.add("." + h.text());
                else names.add(h.text());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(variable, value, "entry '" + e + "' is neither a host name, '*.' and a domain, an IP"
                        + " address nor a CIDR block: " + ex.getMessage());
            }
        }
        return new HostList(names, suffixes, blocks);
    }

    public boolean isEmpty() {
        return names.isEmpty() && suffixes.isEmpty() && blocks.isEmpty();
    }

    /** The entry matching a DNS name (lowercase, no trailing dot), if any. */
    public Optional<String> matchName(String name) {
        if (names.contains(name)) return Optional.of(name);
        for (String s : suffixes) if (name.endsWith(s)) return Optional.of("*" + s);
        return Optional.empty();
    }

    /** The block matching an address, if any. */
    public Optional<Cidr> matchAddress(byte[] address) {
        byte[] a = AddressClassifier.unmapped(address);
        for (Cidr c : blocks) if (c.contains(a)) return Optional.of(c);
        return Optional.empty();
    }

    /** The entries, for the start-up log. */
    public List<String> entries() {
        List<String> out = new ArrayList<>(names);
        suffixes.forEach(s -> out.add("*" + s));
        blocks.forEach(b -> out.add(b.prefix() == (b.first().length * 8) ? IpText.format(b.first()) : b.toString()));
        return out;
    }
}
