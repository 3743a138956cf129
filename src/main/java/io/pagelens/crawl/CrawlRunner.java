package io.pagelens.crawl;

import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;

import java.time.Clock;
import java.util.Optional;

/**
 * Drives one stored crawl in this process with the browser engine: a {@link CrawlSession} whose pages are
 * {@link BrowserPages} in the crawl's project, with the project's type overrides, telling a {@link CrawlListener}.
 * The crawl job (API) and {@code pagelens crawl} both run crawls through it.
 */
public final class CrawlRunner {
    private final Storage storage;
    private final CrawlFetcher fetcher;
    private final CrawlSettings settings;
    private final CaptureService captures;
    private final CrawlListener listener;
    private final Clock clock;

    public CrawlRunner(Storage storage, CrawlFetcher fetcher, CrawlSettings settings, CaptureService captures,
                       CrawlListener listener, Clock clock) {
        this.storage = storage;
        this.fetcher = fetcher;
        this.settings = settings;
        this.captures = captures;
        this.listener = listener;
        this.clock = clock;
    }

    /** Runs the crawl if this worker can take it; empty when another live worker has it or it ended. */
    public Optional<HttpCrawler.Result> run(String crawlId, String worker) throws InterruptedException {
        CrawlStore crawls = new CrawlStore(storage.database(), clock);
        Optional<CrawlRecord> before = crawls.get(crawlId);
        if (before.isEmpty() || before.get().state().terminal()) return Optional.empty();
        boolean fresh = before.get().state() == CrawlState.QUEUED;
        TypeOverrideStore overrides = new TypeOverrideStore(storage.database());
        Optional<HttpCrawler.Result> r = new CrawlSession(storage.database(), fetcher, settings, clock).run(crawlId, worker, crawl -> {
            if (fresh) listener.started(crawl);
            String project = projectName(crawl);
            CaptureSpec spec = CrawlCaptureSpec.of(crawl.options().capture(), project, crawl.seed());
            return new BrowserPages(captures, spec, project, crawl.tenant(), overrides.of(crawl.projectId()), PageTypeClassifier.DEFAULT,
                    storage::deleteCapture, page -> listener.page(crawl, page), clock);
        });
        if (r.isPresent()) crawls.get(crawlId).filter(c -> c.state().terminal()).ifPresent(listener::ended);
        return r;
    }

    private String projectName(CrawlRecord crawl) {
        if (crawl.projectId() == null) return CaptureKey.DEFAULT_PROJECT;
        return storage.project(crawl.projectId()).map(ProjectInfo::name).orElse(CaptureKey.DEFAULT_PROJECT);
    }
}
