package io.pagelens.pipeline;

import java.util.List;

/**
 * The {@code clean} object of a capture body: banners, ads and trackers, page actions, injection. Every field is
 * optional; {@link CleanSpecs} validates it into {@link io.pagelens.capture.CleanOptions}, naming {@code clean.FIELD}.
 *
 * @param actions run in order after load: {@code {"type": "click", "selector": "#more", "optional": true}}
 * @param styles  style sheet URLs, loaded by the page through the egress guard
 * @param scripts script URLs (only with PAGELENS_ALLOW_SCRIPTS=1)
 */
public record CleanSpec(Boolean blockCookieBanners, Boolean blockAds, Boolean blockTrackers, Boolean blockChats,
                        Boolean blockSocial, List<ActionSpec> actions, Boolean failOnMissingSelector, String css,
                        String script, List<String> styles, List<String> scripts) {

    /** One page action; which fields apply depends on {@code type} (see {@link io.pagelens.capture.PageAction}). */
    public record ActionSpec(String type, String selector, Integer y, String key, Long ms, String text, String script,
                             Boolean optional) {
    }
}
