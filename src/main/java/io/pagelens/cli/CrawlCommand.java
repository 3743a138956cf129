package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.Urls;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.crawl.CrawlCaptureSpec;
import io.pagelens.crawl.CrawlCounts;
import io.pagelens.crawl.CrawlListener;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlRecord;
import io.pagelens.crawl.CrawlRunner;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlState;
import io.pagelens.crawl.CrawlStore;
import io.pagelens.crawl.FrontierStore;
import io.pagelens.crawl.FrontierUrl;
import io.pagelens.crawl.JdkCrawlFetcher;
import io.pagelens.crawl.SkipReason;
import io.pagelens.crawl.UrlState;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.ListQuery;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code pagelens crawl URL --project NAME}: crawls a site into a project in this process, as the API's crawl jobs do
 * (the same {@link CrawlRunner}: pages rendered by Chromium through the capture service, typed, stored under their page
 * type). Flags are the API's options in kebab-case plus every capture flag of {@code pagelens capture}. The politeness
 * delay is {@code --crawl-delay} (seconds): {@code --delay} is the capture's wait before each page.
 * Exit status: 0 when the crawl completed (failed pages are listed in the summary), 1 when it failed or was
 * cancelled, 2 for bad input.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Crawl a site into a project: discover (robots, sitemaps, rendered links), classify and capture every page.")
public final class CrawlCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;
    private static final int SUMMARY_FAILED = 20;

    @Parameters(index = "0", paramLabel = "URL", description = "Where the crawl starts.")
    String url;

    @Option(names = "--project", required = true, paramLabel = "NAME", description = "Project the pages are stored in (created if new).")
    String project;

    @Mixin
    CrawlFlags crawl = new CrawlFlags();

    @Option(names = "--no-progress", description = "No progress bar (it is drawn only when stderr is a terminal).")
    boolean noProgress;

    @Mixin
    CaptureFlags flags = new CaptureFlags();

    /** Opens storage; tests replace it. */
    Supplier<Storage> storages = () -> Storage.open(Env.system());
    /** Whether stderr is a terminal; tests replace it. */
    BooleanSupplier terminal = Terminal::stderrIsTerminal;

    private final Supplier<CaptureEngine> engines;
    private final PrintStream out;
    private final PrintStream err;

    public CrawlCommand() {
        this(CaptureCommand::governedEngine, System.out, System.err);
    }

    public CrawlCommand(Supplier<CaptureEngine> engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    /** The crawl options as the API body names them, with the capture flags as {@code capture}. */
    ObjectNode options() {
        ObjectNode n = crawl.toOptions();
        ObjectNode capture = flags.toSpec();
        if (flags.formats.isEmpty()) capture.remove("formats"); // the crawl's default: screenshot, html, markdown
        capture.remove("allowHttpErrors");
        n.set("capture", capture);
        return n;
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
            o = CrawlOptions.parse(options(), settings);
            CrawlCaptureSpec.of(o.capture(), project, seed);
        } catch (InvalidRequestException e) {
            return badInput(message(e));
        } catch (ConfigException e) {
            return badInput(e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        try (Storage storage = storages.get(); CaptureEngine engine = engines.get()) {
            ProjectInfo p = storage.project(project).orElseGet(() -> storage.createProject(project, null));
            storage.adoptSiteUrl(p.id(), seed.toString()); // a crawl names the project's site when nothing did
            CrawlStore crawls = new CrawlStore(storage.database(), clock);
            CrawlRecord crawl = crawls.create(p.tenant(), null, p.id(), seed, o);
            err.println("crawl " + crawl.id() + " of " + seed + " into project " + p.name());
            FrontierStore frontier = new FrontierStore(storage.database(), clock);
            CaptureService service = new CaptureService(engine, CaptureArchive.of(storage), clock);
            Progress progress = Progress.of(o.limit(), err, !noProgress && terminal.getAsBoolean());
            CrawlListener bar = new CrawlListener() {
                @Override
                public void page(CrawlRecord c, io.pagelens.crawl.BrowserPages.StoredPage page) {
                    progress.done(true);
                }
            };
            CrawlRunner runner = new CrawlRunner(storage, new JdkCrawlFetcher(engine.egress(), settings.userAgent()), settings, service, bar, clock);
            runner.run(crawl.id(), "cli-" + ProcessHandle.current().pid());
            progress.finish();
            CrawlRecord end = crawls.get(crawl.id()).orElseThrow();
            summary(end, frontier);
            return end.state() == CrawlState.COMPLETED ? 0 : EXIT_FAILED;
        } catch (StoreException e) {
            err.println("error: storage: " + e.getMessage());
            return EXIT_FAILED;
        } catch (ConfigException e) {
            return badInput(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted: the crawl stays resumable");
            return EXIT_FAILED;
        }
    }

    /** The end: state and reason, counts, skips by reason, and the failed pages. */
    private void summary(CrawlRecord end, FrontierStore frontier) {
        CrawlCounts k = end.finalCounts() == null ? frontier.forCrawl(end.id()).counts() : end.finalCounts();
        out.println("crawl " + end.id() + " " + end.state().id() + (end.reason() == null ? "" : " (" + end.reason().id() + ")")
                + (end.errorMessage() == null ? "" : ": " + end.errorMessage()));
        out.println("  found " + k.found() + ", stored " + k.done() + ", failed " + k.failed() + ", skipped " + k.skippedTotal());
        StringBuilder skips = new StringBuilder();
        for (SkipReason r : SkipReason.values()) {
            if (k.skipped(r) > 0) skips.append(skips.isEmpty() ? "" : ", ").append(r.id()).append(' ').append(k.skipped(r));
        }
        if (!skips.isEmpty()) out.println("  skipped: " + skips);
        if (k.failed() > 0) {
            out.println("  failed pages:");
            List<FrontierUrl> failed = frontier.list(end.id(), Set.of(UrlState.FAILED), ListQuery.first(SUMMARY_FAILED)).items();
            for (FrontierUrl u : failed) out.println("    " + u.url() + "  " + u.reason() + (u.detail() == null ? "" : ": " + u.detail()));
            if (k.failed() > failed.size()) out.println("    ... and " + (k.failed() - failed.size()) + " more (GET /v1/crawls/" + end.id() + "/pages?state=failed)");
        }
    }

    private int badInput(String message) {
        err.println("error: " + message);
        return EXIT_BAD_INPUT;
    }

    /** An option's error under its flag: capture options as {@code pagelens capture} names them, crawl options in kebab-case. */
    static String message(InvalidRequestException e) {
        String field = e.field();
        if (field.startsWith("capture.")) {
            return FlagNames.message(new InvalidRequestException(field.substring("capture.".length()), e.getMessage().substring(field.length() + 2)));
        }
        return CrawlFlags.message(e);
    }
}
