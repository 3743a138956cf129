package io.pagelens.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page scripts of {@link ConsentStep}, read once from the classpath: the vendored autoconsent content script with
 * its compact rules behind pagelens' bridge, and the generic heuristics. Vendored, never fetched (see VENDORED.md).
 */
final class ConsentScripts {
    private static final String BASE = "/io/pagelens/clean/";

    private ConsentScripts() {
    }

    /** Bridge + rules + autoconsent, for Page.addScriptToEvaluateOnNewDocument (about 400 KB). */
    static String bootstrap() {
        return Holder.BOOTSTRAP;
    }

    /** A function expression taking {@code found} (a platform was detected) and returning {hidden, unlocked}. */
    static String heuristics() {
        return Holder.HEURISTICS;
    }

    private static final class Holder {
        static final String BOOTSTRAP = read("consent-bridge.js").replace("__PAGELENS_RULES__", read("autoconsent/compact-rules.json").trim())
                + "\n" + read("autoconsent/autoconsent.playwright.js");
        static final String HEURISTICS = read("consent-heuristics.js");
    }

    static String read(String name) {
        try (InputStream in = ConsentScripts.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("vendored resource " + BASE + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
