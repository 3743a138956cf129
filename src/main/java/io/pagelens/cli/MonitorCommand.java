package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Metrics;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobStore;
import io.pagelens.json.Jackson;
import io.pagelens.monitor.Monitor;
import io.pagelens.monitor.MonitorRun;
import io.pagelens.monitor.MonitorRunHandler;
import io.pagelens.monitor.MonitorService;
import io.pagelens.monitor.MonitorSettings;
import io.pagelens.monitor.MonitorSpec;
import io.pagelens.monitor.MonitorStore;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.server.FeatureSteps;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code pagelens monitor add|list|rm|run}: monitors in the database that {@code serve} schedules. {@code run} checks a
 * monitor once now in this process (its own Chromium), records the run like a scheduled one and prints what changed.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Watch pages for visual and text changes (scheduled by `pagelens serve`).",
        subcommands = {MonitorCommand.Add.class, MonitorCommand.List.class, MonitorCommand.Rm.class, MonitorCommand.Run.class})
public final class MonitorCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The environment the store is opened from; tests replace it. */
    Env env = Env.system();

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    <T> T withService(Function<MonitorService, T> work) {
        try (Storage storage = Storage.open(env)) {
            return work.apply(new MonitorService(new MonitorStore(storage.database(), Clock.systemUTC()), storage, MonitorSettings.fromEnv(env)));
        }
    }

    static String line(Monitor m) {
        MonitorSpec s = m.spec();
        String what = s.watchesProject() ? "project " + s.projectId() : String.join(" ", s.fixedUrls());
        String when = s.interval() != null ? "every " + s.interval() : "cron '" + s.cron() + "'" + (s.timezone() == null ? "" : " " + s.timezone());
        return m.id() + "  " + (m.enabled() ? "on " : "off") + "  " + when + "  last=" + (m.lastStatus() == null ? "-" : m.lastStatus().id())
                + "  next=" + m.nextDueAt() + "  " + what + (m.notifyFailures() > 0 ? "  webhook failures=" + m.notifyFailures() : "");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a monitor; prints its id.")
    static final class Add implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "URL", description = "Pages to watch (or --url, or --project-id for a project's pages).")
        java.util.List<String> urls = new ArrayList<>();
        @Option(names = "--url", description = "A page to watch (repeatable).")
        java.util.List<String> urlOptions = new ArrayList<>();
        @Option(names = "--project-id", description = "Without URLs: watch the project's known pages. With them: store the captures there.")
        String projectId;
        @Option(names = "--interval", description = "30s, 5m, 2h, 1d (at least PAGELENS_MONITOR_MIN_INTERVAL).")
        String interval;
        @Option(names = "--cron", description = "Five-field cron expression, instead of --interval.")
        String cron;
        @Option(names = "--timezone", description = "Time zone of --cron (default UTC).")
        String timezone;
        @Option(names = "--webhook", description = "Called (signed) when a page changed or was removed.")
        String webhook;
        @Option(names = "--ignore", description = "CSS selector hidden before comparing (repeatable).")
        java.util.List<String> ignore;
        @Option(names = "--region-selector", description = "Compare only this element.")
        String regionSelector;
        @Option(names = "--min-changed-percent", description = "Visual threshold in percent of pixels (default 0: any change).")
        Double minChangedPercent;
        @Option(names = "--min-changed-words", description = "Text threshold in words added plus removed (default 1).")
        Integer minChangedWords;
        @Option(names = "--capture", paramLabel = "JSON", description = "Capture options as POST /v1/captures takes them, e.g. '{\"fullPage\":true}'.")
        String capture;
        @Option(names = "--crawl", paramLabel = "JSON", description = "With --project-id: re-discover the project's pages from its siteUrl at each run, "
                + "with the crawl's options ('{}' for the defaults), e.g. '{\"limit\":50}'.")
        String crawl;
        @Option(names = "--name", description = "A name to show.")
        String name;
        @picocli.CommandLine.ParentCommand
        MonitorCommand parent;

        @Override
        public Integer call() throws Exception {
            java.util.List<String> all = new ArrayList<>(urls);
            all.addAll(urlOptions);
            CaptureSpec c = capture == null ? null : Jackson.STRICT.forType(CaptureSpec.class).readValue(capture);
            if (crawl != null && crawlOptions() == null) {
                System.err.println("pagelens monitor add: --crawl: must be a JSON object of crawl options ('{}' for the defaults)");
                return 2;
            }
            MonitorSpec spec = new MonitorSpec(name, all.size() == 1 ? all.getFirst() : null, all.size() > 1 ? all : null, projectId,
                    interval, cron, timezone, webhook, c, ignore, regionSelector == null ? null : new MonitorSpec.Region(regionSelector, null),
                    minChangedPercent, minChangedWords, null, crawlOptions());
            try {
                Monitor m = parent.withService(s -> s.create(spec, null));
                System.out.println(m.id());
                System.err.println("created " + line(m));
                return 0;
            } catch (InvalidRequestException e) {
                System.err.println("pagelens monitor add: " + flag(e.field()) + ": " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
                return 2;
            }
        }

        private com.fasterxml.jackson.databind.node.ObjectNode crawlOptions() throws java.io.IOException {
            if (crawl == null) return null;
            JsonNode n = Jackson.MAPPER.readTree(crawl);
            return n != null && n.isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) n : null;
        }

        /** The flag of an API field ({@code minChangedWords} → {@code --min-changed-words}). */
        static String flag(String field) {
            return "--" + field.replaceAll("([a-z])([A-Z])", "$1-$2").replace('.', '-').toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List monitors.")
    static final class List implements Callable<Integer> {
        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;
        @picocli.CommandLine.ParentCommand
        MonitorCommand parent;

        @Override
        public Integer call() throws Exception {
            java.util.List<Monitor> all = parent.withService(s -> {
                java.util.List<Monitor> out = new ArrayList<>();
                String after = null;
                do {
                    Listing<Monitor> page = s.list(io.pagelens.store.TenantScope.ALL, null, new ListQuery(ListQuery.MAX_LIMIT, after));
                    out.addAll(page.items());
                    after = page.nextCursor();
                } while (after != null);
                return out;
            });
            PrintStream out = System.out;
            for (Monitor m : all) out.println(json ? Jackson.MAPPER.writeValueAsString(m) : line(m));
            if (!json && all.isEmpty()) System.err.println("no monitors (pagelens monitor add URL --interval 1h)");
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete monitors with their runs and change history.")
    static final class Rm implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "ID")
        java.util.List<String> ids;
        @picocli.CommandLine.ParentCommand
        MonitorCommand parent;

        @Override
        public Integer call() {
            int missing = 0;
            for (String id : ids) {
                boolean gone = parent.withService(s -> s.delete(id));
                if (gone) System.err.println("deleted " + id);
                else {
                    System.err.println("pagelens monitor rm: no monitor " + id);
                    missing++;
                }
            }
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Check a monitor once now and print each page's change status.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Option(names = "--json", description = "Print the run's summary as JSON.")
        boolean json;
        @picocli.CommandLine.ParentCommand
        MonitorCommand parent;

        @Override
        public Integer call() throws Exception {
            Env env = parent.env;
            Clock clock = Clock.systemUTC();
            java.util.List<AutoCloseable> closeLater = new java.util.ArrayList<>();
            try (Storage storage = Storage.open(env);
                 LazyEngine engine = new LazyEngine(() -> CaptureEngine.create(env, null, Metrics.globalRegistry, new HtmlContentExtractor(),
                         FeatureSteps.all()));
                 AutoCloseable closing = () -> { for (AutoCloseable c : closeLater) c.close(); }) {
                MonitorSettings settings = MonitorSettings.fromEnv(env);
                MonitorStore store = new MonitorStore(storage.database(), clock);
                Monitor m = store.get(id).orElse(null);
                if (m == null) {
                    System.err.println("pagelens monitor run: no monitor " + id);
                    return 1;
                }
                CaptureService captures = new CaptureService(engine, CaptureArchive.of(storage), clock);
                // a project monitor with crawl maps the site first, as `pagelens map` does (its own egress guard from the environment)
                io.pagelens.monitor.ProjectRediscovery rediscovery = null;
                if (m.spec().rediscovers()) {
                    io.pagelens.crawl.CrawlSettings crawl = io.pagelens.crawl.CrawlSettings.fromEnv(env);
                    io.pagelens.egress.EgressGuard egress = io.pagelens.egress.EgressGuard.fromEnv(env,
                            io.pagelens.browser.BrowserConfig.fromEnv(env).extraArgs(), Metrics.globalRegistry);
                    closeLater.add(egress);
                    rediscovery = new io.pagelens.monitor.ProjectRediscovery(new io.pagelens.crawl.SiteMapper(
                            new io.pagelens.crawl.JdkCrawlFetcher(egress, crawl.userAgent()), crawl, captures, clock), crawl, storage);
                }
                MonitorRunHandler runner = new MonitorRunHandler(store, new JobStore(storage.database(), clock), captures, storage, settings,
                        Metrics.globalRegistry, clock, rediscovery);
                MonitorRun run = store.startManualRun(m, "cli-" + ProcessHandle.current().pid());
                int pages = m.spec().watchesProject() ? settings.maxPages() : m.spec().fixedUrls().size();
                Progress bar = Progress.of(pages, System.err, Terminal.stderrIsTerminal());
                AtomicInteger seen = new AtomicInteger();
                String summary;
                try {
                    summary = runner.execute(run, step -> {
                        if (step.startsWith("checking") && seen.getAndIncrement() > 0) bar.done(true);
                    }, true);
                } catch (JobFailure f) {
                    bar.finish();
                    store.failRun(run, f.code() + ": " + f.getMessage());
                    System.err.println("pagelens monitor run: " + f.code() + ": " + f.getMessage());
                    return 1;
                }
                bar.done(true);
                bar.finish();
                JsonNode s = Jackson.MAPPER.readTree(summary);
                if (json) {
                    System.out.println(summary);
                } else {
                    for (JsonNode p : s.get("results")) {
                        System.out.println(p.path("changeStatus").asText("error") + "  " + p.get("url").asText()
                                + (p.has("changedPercent") ? "  " + p.get("changedPercent").asDouble() + "% pixels" : "")
                                + (p.has("addedWords") ? "  +" + p.get("addedWords").asInt() + "/-" + p.get("removedWords").asInt() + " words" : "")
                                + (p.has("error") ? "  " + p.get("error").get("message").asText() : ""));
                    }
                    System.err.println("run " + run.id() + ": " + s.get("changeStatus").asText());
                }
                return 0;
            }
        }
    }
}
