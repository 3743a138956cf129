package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Capture options every monitor run asks for unless the monitor sets them: the one place that decides how a monitor
 * captures beyond its own options, so that two captures of an unchanged page compare equal. Today that is waiting
 * for web fonts; stable rendering (frozen animations, carets, GIFs) is added here as one option when the capture
 * takes it.
 */
final class MonitorCaptureDefaults {
    private MonitorCaptureDefaults() {
    }

    static void apply(ObjectNode spec) {
        if (!spec.has("waitForFonts")) spec.put("waitForFonts", true);
    }
}
