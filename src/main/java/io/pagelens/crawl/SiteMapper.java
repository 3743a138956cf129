package io.pagelens.crawl;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.JobPriority;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /map}: a site's URLs (sitemaps plus links, robots.txt honoured, the crawl's scope and trap rules) with title and
 * page type, without screenshots and without storing anything. Plain HTTP first; a page whose HTML has no links (a
 * script-built page) is rendered through the capture service and its links taken from the rendered DOM. The frontier
 * lives in memory: a map is answered, not kept.
 */
public final class SiteMapper {
    private static final Logger log = LoggerFactory.getLogger(SiteMapper.class);
    static final Duration RENDER_TIMEOUT = Duration.ofSeconds(20);

    /** One URL of the map; title, type and confidence only for the pages fetched. */
    public record Entry(String url, String title, String pageType, Double typeConfidence, String source, boolean rendered) {
    }

    public record Result(URI seed, CrawlReason reason, CrawlCounts counts, List<Entry> links) {
    }

    private final CrawlFetcher fetcher;
    private final CrawlSettings settings;
    private final CaptureService browser;
    private final Clock clock;

    /** @param browser renders pages whose HTML has no links (orders not stored); null: plain HTTP only */
    public SiteMapper(CrawlFetcher fetcher, CrawlSettings settings, CaptureService browser, Clock clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.browser = browser;
        this.clock = clock;
    }

    public Result map(URI seed, CrawlOptions options, TypeOverrides overrides) throws InterruptedException {
        InMemoryFrontier frontier = new InMemoryFrontier(clock);
        CrawlPlan plan = CrawlPlan.of(seed, options);
        CrawlCore core = new CrawlCore(plan, frontier, options.respectRobots() ? new RobotsCache(fetcher, options.robotsAgent()) : RobotsPolicy.IGNORE,
                settings, clock, clock.instant().plus(options.maxDuration()));
        HttpCrawler http = new HttpCrawler(fetcher, settings, clock);
        Map<String, String> titles = new ConcurrentHashMap<>();
        Map<String, Boolean> rendered = new ConcurrentHashMap<>();
        HttpCrawler.PageHandler pages = (c, claim) -> page(http, c, claim, overrides, titles, rendered);
        HttpCrawler.Result r = http.run(core, "map", pages, () -> false);
        List<Entry> out = new ArrayList<>();
        synchronized (frontier) {
            for (InMemoryFrontier.Row row : frontier.rows.values()) {
                boolean done = row.state == UrlState.DONE;
                boolean listed = done || row.state == UrlState.QUEUED
                        || (row.state == UrlState.SKIPPED && SkipReason.UNVISITED.id().equals(row.reason));
                if (!listed) continue;
                Completion d = row.done;
                String url = row.url.url();
                out.add(new Entry(url, titles.get(url), d == null || d.pageType() == null ? null : d.pageType().id(),
                        d == null ? null : d.typeConfidence(), row.url.source().id(), rendered.getOrDefault(url, false)));
            }
        }
        return new Result(plan.seed(), r.reason(), r.counts(), out);
    }

    private void page(HttpCrawler http, CrawlCore core, Claim claim, TypeOverrides overrides, Map<String, String> titles,
                      Map<String, Boolean> rendered) throws InterruptedException {
        HttpCrawler.Fetched got = http.fetchPage(core, URI.create(claim.url()));
        PageFetch fetch = got.fetch();
        Document doc = got.doc();
        if (doc != null && fetch.links().isEmpty() && browser != null) {
            Document dom = render(fetch.finalUrl() == null ? claim.url() : fetch.finalUrl());
            if (dom != null) {
                doc = dom;
                fetch = PageFetch.of(fetch.finalUrl(), fetch.redirects(), fetch.httpStatus(), fetch.contentType(), PageLinks.of(dom), ContentFingerprint.of(dom));
                rendered.put(claim.url(), true);
            }
        }
        if (!(core.judge(claim, fetch) instanceof PageVerdict.Store store)) return;
        PageClassification c = overrides.classify(PageTypeClassifier.DEFAULT, new PageEvidence(URI.create(store.pageUrl()), doc, claim.linkText()));
        titles.put(store.pageUrl(), doc.title());
        if (store.adopted()) rendered.put(store.pageUrl(), rendered.getOrDefault(claim.url(), false));
        core.complete(store, new Completion(fetch.httpStatus(), fetch.contentType().isEmpty() ? null : fetch.contentType(), fetch.finalUrl(),
                fetch.contentHash(), c.type(), c.confidence(), c.signals(), null));
    }

    /** The rendered DOM of a page, through the capture service (html only, not stored); null when it cannot be rendered. */
    private Document render(String url) throws InterruptedException {
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        ArtifactSink sink = new ArtifactSink() {
            @Override
            public OutputStream open(Format format, String contentType) {
                return format == Format.HTML ? html : OutputStream.nullOutputStream();
            }
        };
        try {
            CaptureSpec spec = Jackson.STRICT.treeToValue(Jackson.MAPPER.createObjectNode().put("url", url)
                    .put("timeout", RENDER_TIMEOUT.toMillis()).set("formats", Jackson.MAPPER.createArrayNode().add("html")), CaptureSpec.class);
            CaptureOrder order = CaptureOrder.from(spec).storing(CaptureOrder.Storing.WITH_PROJECT).defaultPriority(JobPriority.NORMAL)
                    .deadline(clock.instant().plus(RENDER_TIMEOUT).plusSeconds(10)).build(clock.instant());
            CaptureOutcome done = browser.run(order, sink, step -> { });
            return Jsoup.parse(html.toString(StandardCharsets.UTF_8), done.result().report().finalUrl().toString());
        } catch (CaptureException | InvalidRequestException | com.fasterxml.jackson.core.JsonProcessingException e) {
            log.atInfo().addKeyValue("url", url).addKeyValue("error", e.getMessage()).log("map: page not rendered; its HTML stands");
            return null;
        } catch (RuntimeException e) { // a web node has no browser
            log.atInfo().addKeyValue("url", url).addKeyValue("error", e.toString()).log("map: no browser here; the page's HTML stands");
            return null;
        }
    }
}
