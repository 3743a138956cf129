package io.pagelens.clean;

import java.util.Locale;

/**
 * One request as the network filters see it.
 *
 * @param url        the full URL, lower-cased
 * @param host       its host, lower-cased
 * @param type       a {@link NetworkFilter} type bit ({@link NetworkFilter#typeBit})
 * @param thirdParty whether its registrable domain differs from the page's
 */
record FilterRequest(String url, String host, int type, boolean thirdParty) {
    static FilterRequest of(String url, String cdpResourceType, String pageDomain) {
        String lower = url.toLowerCase(Locale.ROOT);
        String host = hostOf(lower);
        String domain = RegistrableDomain.of(host);
        return new FilterRequest(lower, host, NetworkFilter.typeBit(cdpResourceType), !domain.equals(pageDomain));
    }

    static String hostOf(String url) {
        int s = url.indexOf("://");
        if (s < 0) return "";
        int start = s + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) end++;
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1);
        if (authority.startsWith("[")) return authority.substring(0, authority.indexOf(']') + 1);
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }
}
