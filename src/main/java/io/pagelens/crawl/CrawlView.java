package io.pagelens.crawl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;

import java.time.Instant;

/**
 * A crawl, its counts and its pages as the API shows them (and webhooks quote them): Firecrawl-like names, times in
 * ISO-8601, skips broken down by reason.
 */
public final class CrawlView {
    private CrawlView() {
    }

    /** The crawl with {@code counts} (live from the frontier while it runs, frozen once it ended). */
    public static ObjectNode of(CrawlRecord r, CrawlCounts counts, String project) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("url", r.seed().toString());
        if (project != null) n.put("projectId", project);
        n.put("state", r.state().id());
        n.put("status", r.state().id()); // Firecrawl's name for it
        if (r.reason() != null) n.put("reason", r.reason().id());
        if (r.errorMessage() != null) n.put("error", r.errorMessage());
        n.put("cancelRequested", r.cancelRequested());
        n.set("counts", counts(counts));
        n.set("options", r.options().toJson());
        time(n, "createdAt", r.createdAt());
        time(n, "startedAt", r.startedAt());
        time(n, "finishedAt", r.finishedAt());
        time(n, "deadlineAt", r.deadlineAt());
        n.putObject("links").put("self", "/v1/crawls/" + r.id()).put("pages", "/v1/crawls/" + r.id() + "/pages")
                .put("events", "/v1/crawls/" + r.id() + "/events");
        return n;
    }

    public static ObjectNode counts(CrawlCounts k) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("found", k.found());
        n.put("queued", k.queued());
        n.put("inFlight", k.inFlight());
        n.put("done", k.done());
        n.put("failed", k.failed());
        n.put("skipped", k.skippedTotal());
        ObjectNode by = n.putObject("skippedBy");
        for (SkipReason s : SkipReason.values()) by.put(s.id(), k.skipped(s));
        return n;
    }

    /** One URL of the crawl. */
    public static ObjectNode page(FrontierUrl u) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("seq", u.seq());
        n.put("url", u.url());
        n.put("state", u.state().id());
        if (u.reason() != null) n.put("reason", u.reason());
        if (u.detail() != null) n.put("detail", u.detail());
        n.put("depth", u.depth());
        n.put("source", u.source().id());
        if (u.httpStatus() != null) n.put("httpStatus", u.httpStatus());
        if (u.contentType() != null) n.put("contentType", u.contentType());
        if (u.finalUrl() != null) n.put("finalUrl", u.finalUrl());
        if (u.pageType() != null) {
            n.put("pageType", u.pageType().id());
            n.put("typeConfidence", u.typeConfidence());
            u.typeSignals().forEach(n.putArray("typeSignals")::add);
        }
        if (u.captureId() != null) n.put("captureId", u.captureId());
        if (u.linkText() != null) n.put("linkText", u.linkText());
        time(n, "updatedAt", u.updatedAt());
        return n;
    }

    private static void time(ObjectNode n, String name, Instant t) {
        if (t != null) n.put(name, t.toString());
    }
}
