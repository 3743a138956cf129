package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Capture options every monitor run asks for unless the monitor sets them: the one place that decides how a monitor
 * captures beyond its own options, so that two captures of an unchanged page compare equal. Stable rendering
 * ({@code analysis.stableRender}: frozen animations, transitions, videos and GIFs, hidden caret, fonts waited for) is on.
 */
final class MonitorCaptureDefaults {
    private MonitorCaptureDefaults() {
    }

    static void apply(ObjectNode spec) {
        ObjectNode analysis = spec.has("analysis") && spec.get("analysis").isObject() ? (ObjectNode) spec.get("analysis") : spec.putObject("analysis");
        if (!analysis.has("stableRender")) analysis.put("stableRender", true);
    }
}
