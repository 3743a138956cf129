package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CDP commands pagelens uses, typed. Names and parameters follow the devtools-protocol definition
 * (browser_protocol.json); only what pagelens needs is written down.
 */
public final class Commands {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Function<JsonNode, Void> NOTHING = r -> null;

    private Commands() {
    }

    private static ObjectNode params() {
        return JSON.objectNode();
    }

    private static Command<Void> simple(String method) {
        return new Command<>(method, params(), NOTHING);
    }

    // ---- Browser, Target -------------------------------------------------------------------------------

    public record Version(String product, String userAgent) {
    }

    public static Command<Version> getVersion() {
        return new Command<>("Browser.getVersion", params(),
                r -> new Version(r.path("product").asText(), r.path("userAgent").asText()));
    }

    public static Command<String> createBrowserContext() {
        return createBrowserContext(null, null);
    }

    /** A context whose traffic goes to {@code proxyServer} (null: the browser's own setting), except {@code bypassList}. */
    public static Command<String> createBrowserContext(String proxyServer, String bypassList) {
        ObjectNode p = params().put("disposeOnDetach", true);
        if (proxyServer != null) p.put("proxyServer", proxyServer);
        if (bypassList != null) p.put("proxyBypassList", bypassList);
        return new Command<>("Target.createBrowserContext", p, r -> r.path("browserContextId").asText());
    }

    public static Command<Void> disposeBrowserContext(String contextId) {
        return new Command<>("Target.disposeBrowserContext", params().put("browserContextId", contextId), NOTHING);
    }

    /** Ids of the browser contexts that exist now (the default context is not among them). */
    public static Command<java.util.List<String>> getBrowserContexts() {
        return new Command<>("Target.getBrowserContexts", params(), r -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            r.path("browserContextIds").forEach(n -> ids.add(n.asText()));
            return ids;
        });
    }

    public static Command<String> createTarget(String url, String contextId) {
        ObjectNode p = params().put("url", url);
        if (contextId != null) p.put("browserContextId", contextId);
        return new Command<>("Target.createTarget", p, r -> r.path("targetId").asText());
    }

    /** Attaches in flatten mode; returns the sessionId to put on the target's messages. */
    public static Command<String> attachToTarget(String targetId) {
        return new Command<>("Target.attachToTarget", params().put("targetId", targetId).put("flatten", true),
                r -> r.path("sessionId").asText());
    }

    public static Command<Void> closeTarget(String targetId) {
        return new Command<>("Target.closeTarget", params().put("targetId", targetId), NOTHING);
    }

    // ---- Page ------------------------------------------------------------------------------------------

    public static Command<Void> pageEnable() {
        return simple("Page.enable");
    }

    /** A script run in every new document of the page before its own scripts (from the next navigation on). */
    public static Command<String> addScriptOnNewDocument(String source) {
        return new Command<>("Page.addScriptToEvaluateOnNewDocument", params().put("source", source), r -> r.path("identifier").asText());
    }

    /** As {@link #addScriptOnNewDocument}, when the script's identifier is not needed (it lives as long as the page). */
    public static Command<Void> initScript(String source) {
        return new Command<>("Page.addScriptToEvaluateOnNewDocument", params().put("source", source), NOTHING);
    }

    /** Answers an open alert/confirm/prompt/beforeunload dialog: {@code accept} or dismiss, with no prompt text. */
    public static Command<Void> handleDialog(boolean accept) {
        return new Command<>("Page.handleJavaScriptDialog", params().put("accept", accept), NOTHING);
    }

    public static Command<Void> setLifecycleEventsEnabled() {
        return new Command<>("Page.setLifecycleEventsEnabled", params().put("enabled", true), NOTHING);
    }

    /** Page.navigate's answer; errorText is set (e.g. net::ERR_NAME_NOT_RESOLVED) when navigation failed. */
    public record Navigation(String frameId, String loaderId, String errorText, boolean isDownload) {
    }

    public static Command<Navigation> navigate(String url) {
        return new Command<>("Page.navigate", params().put("url", url), r -> new Navigation(
                r.path("frameId").asText(null), r.path("loaderId").asText(null),
                r.path("errorText").asText(null), r.path("isDownload").asBoolean()));
    }

    /** Sizes in CSS pixels. */
    public record LayoutMetrics(double contentWidth, double contentHeight, double viewportWidth, double viewportHeight) {
    }

    public static Command<LayoutMetrics> getLayoutMetrics() {
        return new Command<>("Page.getLayoutMetrics", params(), r -> new LayoutMetrics(
                r.path("cssContentSize").path("width").asDouble(), r.path("cssContentSize").path("height").asDouble(),
                r.path("cssLayoutViewport").path("clientWidth").asDouble(),
                r.path("cssLayoutViewport").path("clientHeight").asDouble()));
    }

    /** A screenshot region in CSS pixels; scale 1 keeps the device scale factor. */
    public record Region(double x, double y, double width, double height) {
    }

    /**
     * Page.captureScreenshot. Its {@code data} is streamed: send it with an OutputStream.
     *
     * @param format  png, jpeg or webp
     * @param quality 0..100 for jpeg/webp, ignored (null) for png
     * @param clip    null for the viewport
     */
    public static Command<Void> captureScreenshot(String format, Integer quality, Region clip, boolean beyondViewport,
                                                  boolean optimizeForSpeed) {
        ObjectNode p = params().put("format", format).put("captureBeyondViewport", beyondViewport);
        if (quality != null) p.put("quality", quality);
        if (optimizeForSpeed) p.put("optimizeForSpeed", true);
        if (clip != null) {
            p.putObject("clip").put("x", clip.x()).put("y", clip.y()).put("width", clip.width())
                    .put("height", clip.height()).put("scale", 1);
        }
        return new Command<>("Page.captureScreenshot", p, NOTHING, "data");
    }

    /** Page.printToPDF with transferMode ReturnAsStream; returns the IO stream handle to read. */
    public static Command<String> printToPdf(double paperWidth, double paperHeight, double marginTop, double marginBottom,
                                             double marginLeft, double marginRight, boolean landscape, boolean printBackground) {
        ObjectNode p = params().put("paperWidth", paperWidth).put("paperHeight", paperHeight)
                .put("marginTop", marginTop).put("marginBottom", marginBottom)
                .put("marginLeft", marginLeft).put("marginRight", marginRight)
                .put("landscape", landscape).put("printBackground", printBackground)
                .put("transferMode", "ReturnAsStream");
        return new Command<>("Page.printToPDF", p, r -> r.path("stream").asText());
    }

    /** Crashes the page's renderer; for tests of crash handling. */
    public static Command<Void> crashPage() {
        return simple("Page.crash");
    }

    // ---- IO --------------------------------------------------------------------------------------------

    /** IO.read; {@code data} is streamed. Returns whether the stream reached its end. */
    public static Command<Boolean> ioRead(String handle, int size) {
        return new Command<>("IO.read", params().put("handle", handle).put("size", size),
                r -> r.path("eof").asBoolean(), "data");
    }

    public static Command<Void> ioClose(String handle) {
        return new Command<>("IO.close", params().put("handle", handle), NOTHING);
    }

    // ---- Runtime ---------------------------------------------------------------------------------------

    public static Command<Void> runtimeEnable() {
        return simple("Runtime.enable");
    }

    /** An evaluation's JSON value, or the text of the exception it threw. */
    public record Evaluation(JsonNode value, String exception) {
        public boolean failed() {
            return exception != null;
        }
    }

    /** Runtime.evaluate returning by value; awaits a returned promise. */
    public static Command<Evaluation> evaluate(String expression) {
        ObjectNode p = params().put("expression", expression).put("returnByValue", true).put("awaitPromise", true);
        return new Command<>("Runtime.evaluate", p, r -> {
            JsonNode ex = r.get("exceptionDetails");
            if (ex != null) {
                String text = ex.path("exception").path("description").asText(ex.path("text").asText("exception"));
                return new Evaluation(null, text);
            }
            return new Evaluation(r.path("result").path("value"), null);
        });
    }

    // ---- Network, Fetch --------------------------------------------------------------------------------

    public static Command<Void> networkEnable() {
        return simple("Network.enable");
    }

    /** Blocks requests whose URL matches a pattern ({@code *} is a wildcard). */
    public static Command<Void> setBlockedUrls(Collection<String> patterns) {
        ArrayNode urls = JSON.arrayNode();
        patterns.forEach(urls::add);
        ObjectNode p = params();
        p.set("urls", urls);
        return new Command<>("Network.setBlockedURLs", p, NOTHING);
    }

    public static Command<Void> setExtraHttpHeaders(Map<String, String> headers) {
        ObjectNode h = JSON.objectNode();
        headers.forEach(h::put);
        ObjectNode p = params();
        p.set("headers", h);
        return new Command<>("Network.setExtraHTTPHeaders", p, NOTHING);
    }

    /** A cookie to set; exactly one of url or domain should be given. */
    public record CookieParam(String name, String value, String url, String domain, String path) {
    }

    public static Command<Void> setCookies(List<CookieParam> cookies) {
        ArrayNode arr = JSON.arrayNode();
        for (CookieParam c : cookies) {
            ObjectNode o = arr.addObject().put("name", c.name()).put("value", c.value());
            if (c.url() != null) o.put("url", c.url());
            if (c.domain() != null) o.put("domain", c.domain());
            if (c.path() != null) o.put("path", c.path());
        }
        ObjectNode p = params();
        p.set("cookies", arr);
        return new Command<>("Network.setCookies", p, NOTHING);
    }

    public static Command<Void> setUserAgent(String userAgent) {
        return new Command<>("Network.setUserAgentOverride", params().put("userAgent", userAgent), NOTHING);
    }

    /** Pauses requests of the given resource types (CDP names, e.g. Image, Font) so they can be failed. */
    public static Command<Void> fetchEnable(Collection<String> resourceTypes) {
        ArrayNode patterns = JSON.arrayNode();
        for (String t : resourceTypes) {
            patterns.addObject().put("urlPattern", "*").put("resourceType", t).put("requestStage", "Request");
        }
        ObjectNode p = params();
        p.set("patterns", patterns);
        return new Command<>("Fetch.enable", p, NOTHING);
    }

    public static Command<Void> fetchFail(String requestId) {
        return new Command<>("Fetch.failRequest",
                params().put("requestId", requestId).put("errorReason", "BlockedByClient"), NOTHING);
    }

    // ---- Emulation, Memory -----------------------------------------------------------------------------

    public static Command<Void> setDeviceMetrics(int width, int height, double deviceScaleFactor, boolean mobile) {
        ObjectNode p = params().put("width", width).put("height", height)
                .put("deviceScaleFactor", deviceScaleFactor).put("mobile", mobile);
        return new Command<>("Emulation.setDeviceMetricsOverride", p, NOTHING);
    }

    public static Command<Void> setColorScheme(String scheme) {
        ObjectNode p = params();
        p.putArray("features").addObject().put("name", "prefers-color-scheme").put("value", scheme);
        return new Command<>("Emulation.setEmulatedMedia", p, NOTHING);
    }

    /** Makes the default page background transparent, for screenshots without background. */
    public static Command<Void> transparentBackground() {
        ObjectNode p = params();
        p.putObject("color").put("r", 0).put("g", 0).put("b", 0).put("a", 0);
        return new Command<>("Emulation.setDefaultBackgroundColorOverride", p, NOTHING);
    }

    /** Memory.simulatePressureNotification; level is moderate or critical. */
    public static Command<Void> simulateMemoryPressure(String level) {
        return new Command<>("Memory.simulatePressureNotification", params().put("level", level), NOTHING);
    }
}
