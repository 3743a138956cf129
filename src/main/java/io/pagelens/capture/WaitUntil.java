package io.pagelens.capture;

/** When navigation counts as finished, before the other waits (selector, fonts, delay) run. */
public enum WaitUntil {
    DOM_CONTENT_LOADED, LOAD, NETWORK_IDLE;

    public static WaitUntil parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "").replace("-", "")) {
            case "domcontentloaded" -> DOM_CONTENT_LOADED;
            case "load" -> LOAD;
            case "networkidle", "networkidle0", "networkidle2" -> NETWORK_IDLE;
            default -> throw new IllegalArgumentException("unknown waitUntil '" + s + "' (expected load, domcontentloaded or networkidle)");
        };
    }
}
