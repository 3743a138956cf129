package io.pagelens.crawl;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.Engines;
import io.pagelens.config.Env;
import io.pagelens.config.SecretBox;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.CrawlPipeline;
import io.pagelens.server.PagelensServer;
import io.pagelens.store.Storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link EngineCrawlResumeIT}: a pagelens worker (role worker, as {@code serve} wires it: capture and
 * crawl pipelines, the job queue) over {@code PAGELENS_DATA=args[0]}, until crawl {@code args[1]} ends or the parent
 * kills it with SIGKILL. Short job and crawl leases, so a restart takes over quickly.
 */
public final class EngineCrawlChild {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Env env = new Env(Map.of("PAGELENS_DATA", data.toString(), "PAGELENS_CRAWL_LEASE", EngineCrawlResumeIT.LEASE));
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(env); CaptureEngine engine = Engines.engine(new HtmlContentExtractor())) {
            CapturePipeline captures = CapturePipeline.of(engine, storage, SecretBox.fromEnv(new Env(Map.of()), () -> data), clock);
            CrawlPipeline crawls = CrawlPipeline.of(captures.service(), storage, engine.egress(), CrawlSettings.fromEnv(env), clock);
            ApiSettings s = ApiSettings.fromEnv(new Env(Map.of("PAGELENS_AUTH", "none", "PAGELENS_JOB_LEASE", EngineCrawlResumeIT.LEASE,
                    "PAGELENS_JOB_BACKOFF", "200ms", "PAGELENS_WORKERS", "1")));
            try (PagelensServer server = PagelensServer.start(s, PagelensServer.Role.WORKER, new PagelensServer.Parts(storage.database(),
                    List.of(captures.handler(), crawls.handler()), List.of(), ApiHooks.basic(() -> ""), new SimpleMeterRegistry(), clock,
                    engine.egress()))) {
                CrawlStore store = new CrawlStore(storage.database(), clock);
                while (!store.get(args[1]).orElseThrow().state().terminal()) Thread.sleep(100);
                System.out.println("END " + store.get(args[1]).orElseThrow().state().id());
            }
        }
        System.exit(0);
    }
}
