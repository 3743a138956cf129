package io.pagelens.clean;

import io.pagelens.config.Env;

/**
 * Process-wide settings of the cleaning features.
 *
 * @param allowScripts whether captures may run the caller's JavaScript ({@code clean.script}, {@code clean.scripts},
 *                     {@code evaluate} actions); off by default: a shared service should not run anyone's code in a
 *                     browser that can reach its egress allow-list
 */
public record CleanSettings(boolean allowScripts) {
    public static final CleanSettings DEFAULTS = new CleanSettings(false);

    public static CleanSettings fromEnv(Env env) {
        return new CleanSettings(env.bool("PAGELENS_ALLOW_SCRIPTS", false));
    }
}
