package io.pagelens.crawl;

import io.pagelens.config.Env;
import io.pagelens.jobs.JobStore;
import io.pagelens.json.Jackson;
import io.pagelens.store.ListQuery;
import io.pagelens.store.PageInfo;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The browser engine's crawl, run as a job by a worker process, killed with SIGKILL mid-way: a new worker process
 * claims the job again, resumes the crawl from its frontier and finishes it. Every page ends stored exactly once (one
 * page row and one capture version per URL), and no page done before the kill is requested again (access log).
 */
class EngineCrawlResumeIT {
    static final String LEASE = "2s";

    @TempDir
    Path tmp;

    private Process child(Path data, String crawlId, Path out) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx192m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EngineCrawlChild.class.getName(), data.toString(), crawlId)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    @Test
    void kill9MidCrawl_anotherWorkerResumesTheJob_andEveryPageIsStoredOnce() throws Exception {
        Path data = tmp.resolve("data");
        Env env = new Env(Map.of("PAGELENS_DATA", data.toString()));
        Clock clock = Clock.systemUTC();
        try (SiteServer site = new SiteServer("northwind"); Storage storage = Storage.open(env)) {
            ProjectInfo project = storage.createProject("resume", null);
            // slow pages (a capture delay), so the kill always finds one in flight; html only keeps it short
            CrawlOptions o = CrawlOptions.parse(Jackson.MAPPER.readTree("{\"maxConcurrency\": 1, \"limit\": 12, \"sitemap\": \"skip\", "
                    + "\"capture\": {\"formats\": [\"html\"], \"delay\": 250}}"), CrawlSettings.DEFAULTS);
            CrawlRecord crawl = new CrawlStore(storage.database(), clock).create(null, project.id(), URI.create(site.url("/")), o);
            new JobStore(storage.database(), clock).enqueue(CrawlJobHandler.jobFor(crawl));
            FrontierStore frontier = new FrontierStore(storage.database(), clock);
            Frontier watch = frontier.forCrawl(crawl.id());

            long t0 = System.nanoTime();
            Process first = child(data, crawl.id(), tmp.resolve("first.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while ((watch.counts().done() < 4 || watch.counts().inFlight() == 0) && System.nanoTime() < deadline && first.isAlive()) Thread.sleep(20);
            assertThat(first.isAlive()).as("the first worker is still crawling: " + Files.readString(tmp.resolve("first.log"))).isTrue();
            System.out.printf("engine resume: killed after %d ms with %d done%n", (System.nanoTime() - t0) / 1_000_000, watch.counts().done());
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            first.waitFor(10, TimeUnit.SECONDS);
            Set<String> doneBefore = frontier.list(crawl.id(), Set.of(UrlState.DONE), ListQuery.first(500)).items().stream()
                    .map(FrontierUrl::url).collect(Collectors.toSet());
            assertThat(doneBefore).hasSizeGreaterThanOrEqualTo(4);
            assertThat(watch.counts().inFlight()).as("a page was in flight when the worker died").isPositive();
            int requestsBefore = site.paths().size();

            Process second = child(data, crawl.id(), tmp.resolve("second.log"));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the resumed crawl ends").isTrue();
            System.out.printf("engine resume: second worker ended after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            String log = Files.readString(tmp.resolve("second.log"), StandardCharsets.UTF_8);
            log.lines().filter(l -> l.contains("resumed") || l.contains("claimed") || l.contains("END")).limit(5).forEach(System.out::println);
            assertThat(log).contains("END completed");

            CrawlRecord end = new CrawlStore(storage.database(), clock).get(crawl.id()).orElseThrow();
            assertThat(end.reason()).isEqualTo(CrawlReason.LIMIT_REACHED);
            List<FrontierUrl> done = frontier.list(crawl.id(), Set.of(UrlState.DONE), ListQuery.first(500)).items();
            assertThat(done).hasSize(12);
            // stored exactly once: one page per done URL, one capture version each, the frontier's capture is the stored one
            List<PageInfo> pages = storage.pages(project.id(), ListQuery.first(500)).items();
            assertThat(pages).hasSize(done.size());
            List<StoredCapture> versions = storage.captures(project.id(), true, ListQuery.first(500)).items();
            assertThat(versions).as("capture versions (history included)").hasSize(done.size());
            Set<String> captureIds = versions.stream().map(StoredCapture::id).collect(Collectors.toSet());
            assertThat(done).allSatisfy(u -> assertThat(captureIds).contains(u.captureId()));
            // nothing done before the kill was requested again
            List<String> after = site.paths().subList(requestsBefore, site.paths().size());
            for (String url : doneBefore) assertThat(after).as("%s was done before the kill", url).doesNotContain(url.substring(site.origin().length()));
            Map<String, Integer> served = new HashMap<>();
            site.paths().forEach(p -> served.merge(p, 1, Integer::sum));
            long twice = done.stream().map(u -> u.url().substring(site.origin().length())).filter(p -> served.getOrDefault(p, 0) > 1).count();
            assertThat(twice).as("only the page in flight at the kill (and a redirect target) is requested twice").isLessThanOrEqualTo(2);
        }
    }
}
