package io.pagelens.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobContext;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.json.Jackson;
import io.pagelens.observe.MeterNames;

/**
 * Delivers a monitor's change webhook with the jobs' own {@link WebhookHandler} (same signature, headers, egress guard
 * and queue backoff), and records on the monitor how it ended: a delivery that failed for good (out of attempts, or
 * refused) counts in the monitor's {@code notifyFailures} with its reason, and in the
 * {@code pagelens.monitor.notifications.failed} counter.
 */
public final class MonitorNotifyHandler implements JobHandler {
    public static final String KIND = "monitor.notify";

    private final WebhookHandler webhook;
    private final MonitorStore store;
    private final MeterRegistry metrics;

    public MonitorNotifyHandler(WebhookHandler webhook, MonitorStore store, MeterRegistry metrics) {
        this.webhook = webhook;
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        String monitorId = monitorId(job);
        try {
            String r = webhook.run(job, ctx);
            if (monitorId != null) store.notified(monitorId, true, null);
            return r;
        } catch (JobFailure f) {
            boolean last = !f.retryable() || job.attempts() >= job.maxAttempts();
            if (last) {
                metrics.counter(MeterNames.MONITOR_NOTIFY_FAILURES, "code", f.code()).increment();
                if (monitorId != null) store.notified(monitorId, false, f.code() + ": " + f.getMessage() + " (after " + job.attempts() + " attempts)");
            }
            throw f;
        }
    }

    private static String monitorId(Job job) {
        try {
            WebhookHandler.Delivery d = Jackson.LENIENT.forType(WebhookHandler.Delivery.class).readValue(job.payload());
            return Jackson.MAPPER.readTree(d.body()).path("monitorId").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
