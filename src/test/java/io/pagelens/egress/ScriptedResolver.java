package io.pagelens.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' resolver: IP literals of 127.0.0.0/8 resolve to themselves, scripted names give their answers in turn
 * (the last one repeats), everything else has no address. It never answers anything outside 127.0.0.0/8, so even a
 * broken guard could only reach this machine.
 */
public final class ScriptedResolver implements Resolver {
    private final Map<String, Deque<String>> script = new ConcurrentHashMap<>();
    private final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

    /** {@code host} answers {@code ips[0]} the first time, {@code ips[1]} the second, and so on. */
    public ScriptedResolver answer(String host, String... ips) {
        script.put(host, new ArrayDeque<>(List.of(ips)));
        return this;
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        Deque<String> answers = script.get(host);
        String ip;
        if (answers != null) {
            synchronized (answers) {
                ip = answers.size() > 1 ? answers.removeFirst() : answers.peekFirst();
            }
        } else {
            CanonicalHost h = CanonicalHost.parse(host);
            if (!h.isLiteral()) throw new UnknownHostException(host);
            ip = IpText.format(AddressClassifier.unmapped(h.address()));
        }
        byte[] a = IpText.parseV4(ip).orElseThrow(() -> new UnknownHostException(host));
        if (a[0] != 127) throw new UnknownHostException(host + " (the test resolver answers loopback only)");
        return List.of(InetAddress.getByAddress(host.startsWith("[") ? null : host, a));
    }
}
