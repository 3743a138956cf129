package io.pagelens.capture;

import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Events;
import io.pagelens.cdp.Subscription;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one page reports while it loads: the main document's responses and redirects, lifecycle events,
 * console errors, failed sub-requests and a renderer crash. Fed on the CDP reader thread; read by the
 * capture thread (all access synchronized on this).
 */
final class PageEvents implements AutoCloseable {
    static final int MAX_MESSAGES = 50;

    private final String mainFrameId;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<URI> redirectChain = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> failedRequests = new ArrayList<>();
    private final Set<String> lifecycle = new HashSet<>();
    private final Map<String, String> requestUrls = new HashMap<>(); // for failed-request messages, bounded
    private String documentRequestId;
    private int status;
    private String mimeType = "";
    private URI responseUrl;
    private boolean crashed;

    PageEvents(CdpSession session, String mainFrameId) {
        this.mainFrameId = mainFrameId;
        subscriptions.add(session.on(Events.REQUEST_SENT, this::onRequest));
        subscriptions.add(session.on(Events.RESPONSE_RECEIVED, this::onResponse));
        subscriptions.add(session.on(Events.LOADING_FAILED, this::onFailed));
        subscriptions.add(session.on(Events.LIFECYCLE, this::onLifecycle));
        subscriptions.add(session.on(Events.CONSOLE, this::onConsole));
        subscriptions.add(session.on(Events.EXCEPTION, this::onException));
        subscriptions.add(session.on(Events.TARGET_CRASHED, c -> onCrash()));
    }

    private synchronized void onRequest(Events.RequestSent e) {
        if (requestUrls.size() < 5_000) requestUrls.put(e.requestId(), e.url());
        if (!e.type().equals("Document") || !e.frameId().equals(mainFrameId)) return;
        documentRequestId = e.requestId();
        URI u = uri(e.url());
        if (u != null && (redirectChain.isEmpty() || !redirectChain.getLast().equals(u))) redirectChain.add(u);
    }

    private synchronized void onResponse(Events.ResponseReceived e) {
        if (!e.type().equals("Document") || !e.frameId().equals(mainFrameId)) return;
        status = e.status();
        mimeType = e.mimeType();
        responseUrl = uri(e.url());
    }

    private synchronized void onFailed(Events.LoadingFailed e) {
        if (e.requestId().equals(documentRequestId)) return; // the navigation's own failure is reported by Page.navigate
        if (failedRequests.size() < MAX_MESSAGES) {
            String why = e.blockedReason() != null ? "blocked:" + e.blockedReason() : e.canceled() ? "canceled" : e.errorText();
            String url = requestUrls.getOrDefault(e.requestId(), "request " + e.requestId());
            failedRequests.add(truncate(url) + ": " + why);
        }
    }

    private synchronized void onLifecycle(Events.Lifecycle e) {
        if (!e.frameId().equals(mainFrameId)) return;
        if (e.name().equals("init")) lifecycle.clear(); // a new document in the main frame starts over
        lifecycle.add(e.name());
        notifyAll();
    }

    private synchronized void onConsole(Events.ConsoleMessage e) {
        if ((e.type().equals("error") || e.type().equals("assert")) && consoleErrors.size() < MAX_MESSAGES) {
            consoleErrors.add(truncate(e.text()));
        }
    }

    private synchronized void onException(String description) {
        if (consoleErrors.size() < MAX_MESSAGES) consoleErrors.add(truncate(description));
    }

    private synchronized void onCrash() {
        crashed = true;
        notifyAll();
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    private static URI uri(String s) {
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Waits until the main frame fired the lifecycle event; false when the deadline came first or it crashed. */
    synchronized boolean await(String name, Deadline deadline) throws InterruptedException {
        while (!lifecycle.contains(name) && !crashed) {
            long ms = deadline.remaining().toMillis();
            if (ms <= 0) return false;
            wait(ms);
        }
        return lifecycle.contains(name);
    }

    /** Sleeps {@code ms}, waking early if the renderer crashes. */
    synchronized void sleep(long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (!crashed) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) return;
            wait(left);
        }
    }

    synchronized boolean crashed() {
        return crashed;
    }

    synchronized int status() {
        return status;
    }

    synchronized String mimeType() {
        return mimeType;
    }

    synchronized URI responseUrl() {
        return responseUrl;
    }

    synchronized List<URI> redirectChain() {
        return List.copyOf(redirectChain);
    }

    synchronized List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    synchronized List<String> failedRequests() {
        return List.copyOf(failedRequests);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
