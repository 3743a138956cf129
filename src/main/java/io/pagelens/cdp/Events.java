package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;

/** The CDP events pagelens listens to, typed. */
public final class Events {
    private Events() {
    }

    /** Page.lifecycleEvent: name is e.g. DOMContentLoaded, load, networkIdle, networkAlmostIdle. */
    public record Lifecycle(String frameId, String loaderId, String name) {
    }

    public static final EventType<Lifecycle> LIFECYCLE = new EventType<>("Page.lifecycleEvent",
            p -> new Lifecycle(p.path("frameId").asText(), p.path("loaderId").asText(), p.path("name").asText()));

    /**
     * Network.requestWillBeSent. When it follows a redirect, redirectStatus is the redirect's status (else 0).
     */
    public record RequestSent(String requestId, String loaderId, String frameId, String url, String type,
                              int redirectStatus, String redirectFrom) {
    }

    public static final EventType<RequestSent> REQUEST_SENT = new EventType<>("Network.requestWillBeSent", p -> {
        JsonNode redirect = p.path("redirectResponse");
        return new RequestSent(p.path("requestId").asText(), p.path("loaderId").asText(), p.path("frameId").asText(),
                p.path("request").path("url").asText(), p.path("type").asText(""),
                redirect.path("status").asInt(0), redirect.path("url").asText(null));
    });

    public record ResponseReceived(String requestId, String loaderId, String frameId, String type, String url, int status,
                                   String mimeType) {
    }

    public static final EventType<ResponseReceived> RESPONSE_RECEIVED = new EventType<>("Network.responseReceived",
            p -> new ResponseReceived(p.path("requestId").asText(), p.path("loaderId").asText(),
                    p.path("frameId").asText(), p.path("type").asText(""), p.path("response").path("url").asText(),
                    p.path("response").path("status").asInt(), p.path("response").path("mimeType").asText("")));

    public record LoadingFailed(String requestId, String type, String errorText, boolean canceled, String blockedReason) {
    }

    public static final EventType<LoadingFailed> LOADING_FAILED = new EventType<>("Network.loadingFailed",
            p -> new LoadingFailed(p.path("requestId").asText(), p.path("type").asText(""),
                    p.path("errorText").asText(""), p.path("canceled").asBoolean(), p.path("blockedReason").asText(null)));

    /** Runtime.consoleAPICalled, with the arguments' values or descriptions joined by spaces. */
    public record ConsoleMessage(String type, String text) {
    }

    public static final EventType<ConsoleMessage> CONSOLE = new EventType<>("Runtime.consoleAPICalled", p -> {
        StringBuilder sb = new StringBuilder();
        for (JsonNode a : p.path("args")) {
            if (!sb.isEmpty()) sb.append(' ');
            JsonNode v = a.get("value");
            sb.append(v != null ? v.asText() : a.path("description").asText(a.path("type").asText()));
        }
        return new ConsoleMessage(p.path("type").asText(), sb.toString());
    });

    /** Runtime.exceptionThrown: an uncaught exception's description. */
    public static final EventType<String> EXCEPTION = new EventType<>("Runtime.exceptionThrown", p -> {
        JsonNode d = p.path("exceptionDetails");
        return d.path("exception").path("description").asText(d.path("text").asText("uncaught exception"));
    });

    /** Page.javascriptDialogOpening: its type (alert, confirm, prompt, beforeunload). */
    public static final EventType<String> DIALOG_OPENING = new EventType<>("Page.javascriptDialogOpening", p -> p.path("type").asText());

    public static final EventType<Boolean> TARGET_CRASHED = new EventType<>("Inspector.targetCrashed", p -> true);

    /** Fetch.requestPaused, for requests of blocked resource types. */
    public record RequestPaused(String requestId, String resourceType, String url) {
    }

    public static final EventType<RequestPaused> REQUEST_PAUSED = new EventType<>("Fetch.requestPaused",
            p -> new RequestPaused(p.path("requestId").asText(), p.path("resourceType").asText(),
                    p.path("request").path("url").asText()));
}
