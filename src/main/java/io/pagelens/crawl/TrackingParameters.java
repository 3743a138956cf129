package io.pagelens.crawl;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Query and path parameters that identify a visitor, a click or a session rather than a resource, so two URLs that
 * differ only by them are the same page. Removed by {@link UrlNormalizer}; the list is documented in
 * {@code docs/crawling.md}. Names compare case-insensitively.
 */
public final class TrackingParameters {
    /** Campaign and analytics prefixes: Google Analytics (utm_), Matomo/Piwik (pk_, mtm_), HubSpot ads (hsa_). */
    public static final List<String> PREFIXES = List.of("utm_", "pk_", "mtm_", "hsa_");

    /** Click identifiers of ad networks and mail tools, analytics cookies passed in URLs, and session ids. */
    public static final Set<String> NAMES = Set.of(
            // click ids
            "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "igshid", "epik", "rdt_cid", "irclickid", "s_kwcid", "ef_id",
            // mail and marketing automation
            "mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "vero_id", "vero_conv",
            "oly_anon_id", "oly_enc_id", "_openstat", "wickedid",
            // analytics linkers
            "_ga", "_gl", "_ke",
            // sessions
            "jsessionid", "phpsessid", "aspsessionid", "sid", "sessionid", "session_id", "cfid", "cftoken");

    /** Path parameters ({@code /login;jsessionid=ABC}) that carry a session, servlet and PHP style. */
    public static final Set<String> PATH_PARAMETERS = Set.of("jsessionid", "phpsessid", "sid", "sessionid");

    private TrackingParameters() {
    }

    /** Whether a query parameter of this (decoded) name is tracking or session state. */
    public static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(n)) return true;
        for (String p : PREFIXES) {
            if (n.startsWith(p)) return true;
        }
        return false;
    }
}
