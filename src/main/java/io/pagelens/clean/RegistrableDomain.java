package io.pagelens.clean;

import crawlercommons.domains.EffectiveTldFinder;

/** A host's registrable domain (eTLD+1) by the public suffix list bundled with crawler-commons; IPs are themselves. */
final class RegistrableDomain {
    private RegistrableDomain() {
    }

    static String of(String host) {
        if (host.isEmpty() || host.startsWith("[") || Character.isDigit(host.charAt(host.length() - 1))) return host;
        String d = EffectiveTldFinder.getAssignedDomain(host, true, false);
        if (d != null) return d;
        int last = host.lastIndexOf('.'); // a suffix the list does not know (.test, .example): the last two labels
        int before = last <= 0 ? -1 : host.lastIndexOf('.', last - 1);
        return before < 0 ? host : host.substring(before + 1);
    }
}
