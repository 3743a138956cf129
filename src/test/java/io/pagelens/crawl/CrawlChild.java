package io.pagelens.crawl;

import io.pagelens.config.Env;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;

import java.time.Clock;

/**
 * Child process of {@link CrawlResumeIT}: drives one stored crawl with a {@link CrawlSession} until it ends (or the
 * parent kills it with SIGKILL). Arguments: JDBC URL, crawl id, worker name. Settings from the environment
 * ({@code PAGELENS_CRAWL_LEASE} short, so a restart takes over quickly); {@code CRAWL_CHILD_SLOW_MS} makes each page
 * fetch that much slower.
 */
public final class CrawlChild {
    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(DatabaseUrl.parse(args[0]), DatabaseSettings.DEFAULTS)) {
            CrawlSettings settings = CrawlSettings.fromEnv(Env.system());
            // pages that take a while, so a kill finds one in flight
            long slowMs = Long.parseLong(System.getenv().getOrDefault("CRAWL_CHILD_SLOW_MS", "0"));
            JdkCrawlFetcher http = CrawlSuites.fetcher();
            CrawlFetcher fetcher = (url, limits) -> {
                if (slowMs > 0 && !url.getPath().startsWith("/robots") && !url.getPath().startsWith("/sitemap")) Thread.sleep(slowMs);
                return http.get(url, limits);
            };
            var result = new CrawlSession(db, fetcher, settings, Clock.systemUTC())
                    .run(args[1], args[2], HttpCrawler.classifying(PageTypeClassifier.DEFAULT, TypeOverrides.NONE));
            System.out.println(result.map(r -> "END " + r.reason().id()).orElse("NOT ACQUIRED"));
        }
        System.exit(0);
    }
}
