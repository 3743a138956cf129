package io.pagelens.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** {@link Resolver#system()}. */
final class SystemResolver implements Resolver {
    static final SystemResolver INSTANCE = new SystemResolver();

    private SystemResolver() {
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            // RFC 6761: never sent to DNS, where a resolver could answer anything for it
            return List.of(InetAddress.getByAddress(h, new byte[]{127, 0, 0, 1}),
                    InetAddress.getByAddress(h, IpText.parseV6("::1").orElseThrow()));
        }
        InetAddress[] all = InetAddress.getAllByName(h);
        if (all.length == 0) throw new UnknownHostException(h);
        return List.of(all);
    }
}
