package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Metrics;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.egress.EgressGuard;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.Urls;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlView;
import io.pagelens.crawl.JdkCrawlFetcher;
import io.pagelens.crawl.SiteMapper;
import io.pagelens.crawl.TypeOverrides;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code pagelens map URL}: the site's URLs (sitemaps plus links, robots.txt honoured) with title and page type, one per
 * line ({@code URL TYPE TITLE}) or as JSON ({@code --json}, the body of {@code POST /v1/map}). Plain HTTP first;
 * Chromium starts only for a page whose HTML has no links. Nothing is stored. Exit status: 0 mapped, 1 the site could
 * not be mapped (the seed failed), 2 bad input.
 */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List a site's URLs with title and page type (sitemaps and links, robots.txt honoured, no screenshots).")
public final class MapCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "The site to map.")
    String url;

    @Option(names = "--json", description = "Print the map as JSON (as POST /v1/map answers).")
    boolean json;

    @Mixin
    CrawlFlags crawl = new CrawlFlags();

    /** The egress guard of the plain fetches, as the engine's is made from the environment; tests replace it. */
    Supplier<EgressGuard> guards = () -> {
        Env env = Env.system();
        return EgressGuard.fromEnv(env, BrowserConfig.fromEnv(env).extraArgs(), Metrics.globalRegistry);
    };

    private final Supplier<CaptureEngine> engines;
    private final PrintStream out;
    private final PrintStream err;

    public MapCommand() {
        this(CaptureCommand::governedEngine, System.out, System.err);
    }

    public MapCommand(Supplier<CaptureEngine> engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Env env = Env.system();
        CrawlSettings settings;
        CrawlOptions o;
        URI seed;
        try {
            settings = CrawlSettings.fromEnv(env);
            seed = Urls.parseHttpUrl(url);
            o = CrawlOptions.parse(crawl.toOptions(), settings);
        } catch (InvalidRequestException e) {
            err.println("error: " + CrawlFlags.message(e));
            return CrawlCommand.EXIT_BAD_INPUT;
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return CrawlCommand.EXIT_BAD_INPUT;
        }
        Clock clock = Clock.systemUTC();
        // Chromium is started on the first page without links; the egress guard of plain fetches is the engine's
        try (LazyEngine browser = new LazyEngine(engines); EgressGuard egress = guards.get()) {
            SiteMapper mapper = new SiteMapper(new JdkCrawlFetcher(egress, settings.userAgent()), settings,
                    new CaptureService(browser, CaptureArchive.NONE, clock), clock);
            SiteMapper.Result m = mapper.map(seed, o, TypeOverrides.NONE);
            if (json) {
                ObjectNode n = Jackson.MAPPER.createObjectNode();
                n.put("url", m.seed().toString());
                n.put("reason", m.reason().id());
                n.set("counts", CrawlView.counts(m.counts()));
                n.set("links", Jackson.MAPPER.valueToTree(m.links()));
                out.println(Jackson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n));
            } else {
                for (SiteMapper.Entry e : m.links()) {
                    out.println(e.url() + "\t" + (e.pageType() == null ? "-" : e.pageType()) + "\t" + (e.title() == null ? "" : e.title()));
                }
                err.println(m.links().size() + " URLs (" + m.counts().done() + " fetched, " + m.counts().skippedTotal() + " skipped); " + m.reason().id());
            }
            return m.counts().done() == 0 ? CrawlCommand.EXIT_FAILED : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return CrawlCommand.EXIT_FAILED;
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return CrawlCommand.EXIT_FAILED;
        }
    }
}
