package io.pagelens.monitor;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.SiteMapper;
import io.pagelens.crawl.TypeOverrideStore;
import io.pagelens.crawl.UrlNormalizer;
import io.pagelens.jobs.JobFailure;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * Re-discovers a project's pages for a run of a monitor with {@code crawl}: the plain-HTTP map of {@code POST /v1/map}
 * ({@link SiteMapper}: sitemaps plus links, robots.txt honoured, through the egress guard) from the project's
 * {@code siteUrl}. Cheaper than a browser crawl, and stores nothing: the run's own captures store the pages.
 */
public final class ProjectRediscovery {
    private static final Logger log = LoggerFactory.getLogger(ProjectRediscovery.class);

    private final SiteMapper mapper;
    private final CrawlSettings settings;
    private final Storage storage;

    public ProjectRediscovery(SiteMapper mapper, CrawlSettings settings, Storage storage) {
        this.mapper = mapper;
        this.settings = settings;
        this.storage = storage;
    }

    /** What a map found: normalized URLs in its order, and the normal form the known pages are compared in. */
    record Found(SequencedSet<String> urls, UrlNormalizer normalizer) {
        boolean has(String knownUrl) {
            return urls.contains(normal(normalizer, knownUrl));
        }
    }

    /** The URLs the map lists now, at most {@code max}. */
    Found discover(Monitor m, ProjectInfo project, int max) throws JobFailure, InterruptedException {
        if (project.siteUrl() == null) {
            throw new JobFailure("no_site_url", "project '" + project.id() + "' has no siteUrl to re-discover from (PATCH the project)", false);
        }
        CrawlOptions o;
        try {
            o = MonitorCrawl.options(m.spec().crawl(), settings);
        } catch (InvalidRequestException e) { // valid when stored; this process's ceilings are lower
            throw new JobFailure("invalid_crawl", e.getMessage(), false);
        }
        SiteMapper.Result map = mapper.map(URI.create(project.siteUrl()), o, new TypeOverrideStore(storage.database()).of(project.id()));
        SequencedSet<String> out = new LinkedHashSet<>();
        for (SiteMapper.Entry e : map.links()) {
            if (out.size() >= max) break;
            out.add(normal(o.normalizer(), e.url()));
        }
        log.atInfo().addKeyValue("monitor", m.id()).addKeyValue("project", project.id()).addKeyValue("reason", map.reason().id())
                .addKeyValue("found", out.size()).log("monitor re-discovered the project's pages");
        return new Found(out, o.normalizer());
    }

    static String normal(UrlNormalizer n, String url) {
        return n.normalize(url).orElse(url);
    }
}
