package io.pagelens.crawl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.NewJob;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.json.Jackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * A crawl's webhook events ({@code crawl.started}, {@code crawl.page}, {@code crawl.completed}, {@code crawl.failed}) as
 * delivery jobs on the durable queue: the webhook handler signs them and sends them through the egress guard, with
 * retries. Only the events the crawl asked for are sent; a cancelled crawl sends none at its end.
 */
public final class CrawlWebhooks implements CrawlListener {
    private static final Logger log = LoggerFactory.getLogger(CrawlWebhooks.class);

    private final JobStore jobs;
    private final Clock clock;

    public CrawlWebhooks(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void started(CrawlRecord crawl) {
        send(crawl, CrawlEvent.STARTED, Map.of());
    }

    @Override
    public void page(CrawlRecord crawl, BrowserPages.StoredPage page) {
        send(crawl, CrawlEvent.PAGE, Map.of("url", page.url(), "captureId", page.captureId(), "pageType", page.type().type().id(),
                "typeConfidence", page.type().confidence()));
    }

    @Override
    public void ended(CrawlRecord ended) {
        switch (ended.state()) {
            case COMPLETED -> send(ended, CrawlEvent.COMPLETED, Map.of());
            case FAILED -> send(ended, CrawlEvent.FAILED, Map.of());
            default -> {
            }
        }
    }

    private void send(CrawlRecord crawl, CrawlEvent event, Map<String, Object> data) {
        CrawlWebhook hook = crawl.options().webhook();
        if (hook == null || !hook.events().contains(event)) return;
        String type = "crawl." + event.id();
        ObjectNode body = Jackson.MAPPER.createObjectNode().put("event", type).put("crawlId", crawl.id()).put("at", clock.instant().toString());
        if (crawl.state().terminal()) {
            body.put("state", crawl.state().id());
            if (crawl.reason() != null) body.put("reason", crawl.reason().id());
            if (crawl.finalCounts() != null) body.set("counts", CrawlView.counts(crawl.finalCounts()));
        }
        if (!data.isEmpty()) body.set("data", Jackson.MAPPER.valueToTree(data));
        body.set("metadata", hook.metadata());
        body.putObject("links").put("crawl", "/v1/crawls/" + crawl.id());
        try {
            String payload = Jackson.MAPPER.writeValueAsString(new WebhookHandler.Delivery(hook.url().toString(), type, body.toString()));
            jobs.enqueue(new NewJob(WebhookHandler.KIND, JobPriority.NORMAL, payload, null, WebhookHandler.MAX_ATTEMPTS, null, crawl.owner(), null).withTenant(crawl.tenant()));
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            log.atWarn().addKeyValue("crawl", crawl.id()).addKeyValue("event", type).setCause(e).log("crawl webhook not queued");
        }
    }
}
