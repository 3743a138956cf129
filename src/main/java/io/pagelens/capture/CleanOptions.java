package io.pagelens.capture;

import java.net.URI;
import java.util.List;

/**
 * How a capture is cleaned before it is taken (issue 14): consent banners answered or hidden, ads, trackers, chat
 * widgets and social embeds blocked, page actions run, CSS and scripts injected. Immutable; the API's {@code clean}
 * object, validated by the pipeline (errors name {@code clean.FIELD}). The default changes nothing.
 *
 * @param blockCookieBanners    answer consent platforms with "reject all" where offered, else hide them; hide generic
 *                              cookie/consent overlays; undo their scroll locks
 * @param blockAds              block requests matching EasyList and hide its cosmetic selectors
 * @param blockTrackers         block requests matching EasyPrivacy
 * @param blockChats            block chat widgets (the chat part of the vendored lists)
 * @param blockSocial           block social embeds and share buttons
 * @param actions               run in order after load, before the outputs are written
 * @param failOnMissingSelector a (non-optional) action whose selector matches nothing fails the capture
 * @param css                   a style sheet injected after load
 * @param script                JavaScript run after load (only with {@code PAGELENS_ALLOW_SCRIPTS=1})
 * @param styles                style sheets by URL, loaded by the page (so through the egress guard)
 * @param scripts               scripts by URL, loaded by the page (only with {@code PAGELENS_ALLOW_SCRIPTS=1})
 */
public record CleanOptions(boolean blockCookieBanners, boolean blockAds, boolean blockTrackers, boolean blockChats,
                           boolean blockSocial, List<PageAction> actions, boolean failOnMissingSelector, String css,
                           String script, List<URI> styles, List<URI> scripts) {
    public static final CleanOptions NONE = new CleanOptions(false, false, false, false, false, List.of(), false, null,
            null, List.of(), List.of());

    public CleanOptions {
        actions = actions == null ? List.of() : List.copyOf(actions);
        styles = styles == null ? List.of() : List.copyOf(styles);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
    }

    /** Whether any request-list blocking is on (requests are then intercepted). */
    public boolean blocksRequests() {
        return blockAds || blockTrackers || blockChats || blockSocial;
    }

    /** Whether this runs any page JavaScript of the caller's ({@code script}, {@code scripts}, {@code evaluate}). */
    public boolean runsCallerScripts() {
        return script != null || !scripts.isEmpty() || actions.stream().anyMatch(a -> a.type() == PageAction.Type.EVALUATE);
    }

    public boolean changesNothing() {
        return equals(NONE);
    }
}
