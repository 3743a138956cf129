package io.pagelens.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlSettings;

/**
 * The {@code crawl} option of a project monitor: the crawl's own options ({@link CrawlOptions#parse}), as {@code POST /v1/map}
 * takes them. A map captures and calls nothing, so {@code capture} and {@code webhook} are refused (the monitor has its
 * own); errors name the field under {@code crawl.}.
 */
public final class MonitorCrawl {
    private MonitorCrawl() {
    }

    public static CrawlOptions options(JsonNode crawl, CrawlSettings settings) {
        if (!crawl.isObject()) throw new InvalidRequestException("crawl", "must be an object of crawl options ({} for the defaults)");
        for (String f : new String[]{"capture", "webhook"}) {
            if (crawl.has(f)) throw new InvalidRequestException("crawl." + f, "the monitor's own " + f + " applies; re-discovery captures and calls nothing");
        }
        try {
            return CrawlOptions.parse(crawl, settings);
        } catch (InvalidRequestException e) {
            String f = e.field();
            String msg = e.getMessage().startsWith(f + ": ") ? e.getMessage().substring(f.length() + 2) : e.getMessage();
            throw new InvalidRequestException("crawl." + f, msg, e.error());
        }
    }
}
