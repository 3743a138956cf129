package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.NewJob;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The webhook of a run that found a change: event {@code monitor.changed} (or {@code monitor.removed}), the summary,
 * each changed page's regions, links to its diff image, text diff and the two captures, and the start of its Markdown
 * diff (whole at the {@code textDiff} link). Delivered by {@link MonitorNotifyHandler}, signed as job webhooks are.
 */
final class Notification {
    private Notification() {
    }

    static Optional<NewJob> of(Monitor m, MonitorRun run, ChangeStatus overall, List<PageChange> changes, Clock clock) {
        if (m.spec().webhook() == null) return Optional.empty();
        String event = "monitor." + overall.id();
        ObjectNode body = Jackson.MAPPER.createObjectNode()
                .put("event", event)
                .put("monitorId", m.id())
                .put("runId", run.id())
                .put("dueAt", run.dueAt().toString())
                .put("changeStatus", overall.id())
                .put("at", clock.instant().toString());
        if (m.spec().name() != null) body.put("name", m.spec().name());
        ArrayNode pages = body.putArray("pages");
        int changed = 0;
        for (PageChange c : changes) {
            if (!c.status().notifies()) continue;
            changed++;
            ObjectNode p = c.describe();
            if (c.textDiffExcerpt() != null) {
                p.putObject("textDiff").put("unified", c.textDiffExcerpt())
                        .put("truncated", c.textDiffExcerpt().length() >= PageCheck.EXCERPT_CHARS);
            }
            pages.add(p);
        }
        body.put("summary", changed + " of " + changes.size() + " page(s) " + (overall == ChangeStatus.REMOVED ? "removed" : "changed"));
        body.putObject("links").put("monitor", "/v1/monitors/" + m.id()).put("runs", "/v1/monitors/" + m.id() + "/runs");
        try {
            String payload = Jackson.MAPPER.writeValueAsString(new WebhookHandler.Delivery(m.spec().webhook(), event, body.toString()));
            return Optional.of(new NewJob(MonitorNotifyHandler.KIND, JobPriority.NORMAL, payload, null, WebhookHandler.MAX_ATTEMPTS, null,
                    m.owner(), run.jobId()).withTenant(m.tenant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
