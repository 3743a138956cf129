package io.pagelens.crawl;

import io.pagelens.json.Jackson;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import io.pagelens.store.Dialect;
import io.pagelens.store.ListQuery;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl killed with SIGKILL mid-way resumes in a new process and finishes; no page that was done before the kill is
 * requested again, and every page ends done exactly once (asserted on the frontier rows and on the server's access log).
 */
class CrawlResumeIT extends DatabaseSuite {
    static final String LEASE = "2s";

    private static Process child(Database db, String crawlId, String worker, Path out) throws IOException {
        String jdbc = db.url().jdbcUrl() + (db.dialect() == Dialect.POSTGRES && db.url().user() != null ? "?user=" + db.url().user() : "");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrawlChild.class.getName(), jdbc, crawlId, worker)
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PAGELENS_CRAWL_LEASE", LEASE);
        pb.environment().put("CRAWL_CHILD_SLOW_MS", "150");
        return pb.start();
    }

    @BothDatabases
    void kill9MidCrawl_resumesAndCapturesEveryPageOnce(Database db) throws Exception {
        Path tmp = dbs.newTempDir();
        try (SiteServer site = new SiteServer("northwind")) {
            CrawlOptions o = CrawlOptions.parse(Jackson.MAPPER.readTree("{\"maxConcurrency\": 1}"), CrawlSettings.DEFAULTS);
            CrawlRecord crawl = new CrawlStore(db, Clock.systemUTC()).create(null, null, URI.create(site.url("/")), o);

            Process first = child(db, crawl.id(), "first", tmp.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Frontier watch = new FrontierStore(db, Clock.systemUTC()).forCrawl(crawl.id());
            while ((watch.counts().done() < 12 || watch.counts().inFlight() == 0) && System.nanoTime() < deadline && first.isAlive()) Thread.sleep(20);
            assertThat(first.isAlive()).as("the first process is still crawling").isTrue();
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            first.waitFor(10, TimeUnit.SECONDS);
            Set<String> inFlightAtKill = new FrontierStore(db, Clock.systemUTC()).list(crawl.id(), Set.of(UrlState.IN_FLIGHT), ListQuery.first(10))
                    .items().stream().map(FrontierUrl::url).collect(Collectors.toSet());
            assertThat(inFlightAtKill).as("a page was in flight when the process died").isNotEmpty();

            // what was done when it died, and what the server had served by then
            FrontierStore store = new FrontierStore(db, Clock.systemUTC());
            Set<String> doneBefore = store.list(crawl.id(), Set.of(UrlState.DONE), ListQuery.first(500)).items().stream()
                    .map(FrontierUrl::url).collect(Collectors.toSet());
            int requestsBefore = site.requests().size();
            assertThat(doneBefore).hasSizeGreaterThanOrEqualTo(12);
            assertThat(new CrawlStore(db, Clock.systemUTC()).get(crawl.id()).orElseThrow().state()).isEqualTo(CrawlState.RUNNING);

            Thread.sleep(2_500); // the dead worker's crawl lease runs out
            Process second = child(db, crawl.id(), "second", tmp.resolve("second.log"));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the resumed crawl ends").isTrue();
            String out = java.nio.file.Files.readString(tmp.resolve("second.log"), StandardCharsets.UTF_8);
            assertThat(out).contains("END finished");

            CrawlRecord end = new CrawlStore(db, Clock.systemUTC()).get(crawl.id()).orElseThrow();
            assertThat(end.state()).isEqualTo(CrawlState.COMPLETED);
            assertThat(end.finalCounts().queued()).isZero();
            assertThat(end.finalCounts().inFlight()).isZero();

            List<String> after = site.paths().subList(requestsBefore, site.paths().size());
            for (String url : doneBefore) {
                String path = url.substring(site.origin().length());
                assertThat(after).as("%s was done before the kill", path).doesNotContain(path);
            }
            // every labelled page but the JS-only and nofollow-only ones is done once, and served once in all
            SiteTruth truth = SiteTruth.of(CrawlSuites.northwind());
            Map<String, Integer> served = new HashMap<>();
            site.paths().forEach(p -> served.merge(p, 1, Integer::sum));
            int doneTotal = 0;
            for (FrontierUrl u : store.list(crawl.id(), Set.of(UrlState.DONE), ListQuery.first(500)).items()) {
                String path = u.url().substring(site.origin().length());
                if (!truth.labels().containsKey(path)) continue;
                doneTotal++;
                assertThat(served.get(path)).as("requests of %s", path).isLessThanOrEqualTo(2);
                if (doneBefore.contains(u.url())) assertThat(served.get(path)).as("requests of %s", path).isEqualTo(1);
                assertThat(u.pageType()).as("%s has a page type", path).isNotNull();
            }
            assertThat(doneTotal).isEqualTo(truth.labels().size() - 2);
            // the page in flight at the kill was fetched again and classified: it is a real capture, not a stale mark
            for (String url : inFlightAtKill) {
                FrontierUrl u = store.get(crawl.id(), url).orElseThrow();
                assertThat(u.state()).isIn(UrlState.DONE, UrlState.SKIPPED, UrlState.FAILED);
                if (u.state() == UrlState.DONE) assertThat(u.attempts()).isEqualTo(2);
                if (u.state() == UrlState.DONE) assertThat(u.pageType()).isNotNull();
            }
            // at most the one page in flight at the kill was requested twice
            long twice = served.entrySet().stream().filter(e -> truth.labels().containsKey(e.getKey()) && e.getValue() > 1).count();
            assertThat(twice).isLessThanOrEqualTo(1);
        }
    }
}
