package io.pagelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Metrics;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.memory.MemoryServices;
import io.pagelens.store.Storage;
import io.pagelens.store.StoreException;
import io.pagelens.store.StoredCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code pagelens capture}: one URL to files ({@code -o out.png --html page.html --json report.json}), or a
 * batch (several URLs or {@code --urls FILE}) into {@code --out-dir} as N.png + N.json, N being the URL's line
 * number. Exit status: 0 all captured, 1 some capture failed, 2 bad input.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Capture web pages: screenshot, HTML, Markdown, text, links, metadata, PDF.")
public final class CaptureCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;
    /** Captures handed to the engine at once in batch mode; the engine's admission decides how many run. */
    static final int BATCH_SUBMIT_WINDOW = 16;

    @Parameters(arity = "0..*", paramLabel = "URL", description = "Page(s) to capture; several URLs make a batch.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Screenshot file (default: capture.png); other outputs default to its name with their extension.")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the rendered HTML here (implies --format html).")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write Markdown here (implies --format markdown).")
    Path markdown;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write a PDF here (implies --format pdf).")
    Path pdf;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the capture report (JSON) here.")
    Path json;

    @Option(names = "--urls", paramLabel = "FILE", description = "Batch: one URL per line (blank lines and # comments skipped).")
    Path urlsFile;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Batch output folder: N.png, N.json, ... (N = line number).")
    Path outDir;

    @Mixin
    CaptureOptions options = new CaptureOptions();

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    /** Opens storage when --project is given; tests replace it. */
    Supplier<Storage> storages = () -> Storage.open(Env.system());

    private final Supplier<CaptureEngine> engines;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CaptureCommand() {
        this(CaptureCommand::governedEngine, System.out, System.err);
    }

    /**
     * The engine with the memory governor choosing how many captures run (as {@code serve} does), unless
     * {@code PAGELENS_CAPTURE_CONCURRENCY} asks for a fixed number. The governor samples until the process exits.
     */
    static CaptureEngine governedEngine() {
        Env env = Env.system();
        if (env.string("PAGELENS_CAPTURE_CONCURRENCY").isPresent()) {
            return CaptureEngine.create(env, (io.pagelens.memory.Admission) null, null, new HtmlContentExtractor());
        }
        MemoryServices memory = MemoryServices.start(env, Metrics.globalRegistry);
        return CaptureEngine.create(env, b -> memory.attach(b).admission(), Metrics.globalRegistry, new HtmlContentExtractor());
    }

    /** For tests and other wiring: the engine to use and where messages go. */
    public CaptureCommand(Supplier<CaptureEngine> engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    record Job(int number, String url) {
    }

    @Override
    public Integer call() {
        List<Job> jobs;
        try {
            jobs = jobs();
        } catch (IOException e) {
            err.println("error: cannot read --urls file: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (jobs.isEmpty()) {
            err.println("error: give a URL, several URLs, or --urls FILE");
            return EXIT_BAD_INPUT;
        }
        boolean batch = jobs.size() > 1 || urlsFile != null;
        if (batch && outDir == null) {
            err.println("error: batch mode (" + jobs.size() + " URLs) needs --out-dir DIR");
            return EXIT_BAD_INPUT;
        }
        List<String> formats = formats();
        options.formats = formats;
        try {
            if (!batch) options.toRequest(jobs.getFirst().url()); // fail fast on bad input, before Chromium starts
            storeOptions.validate();
        } catch (InvalidRequestException | ConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        try (CaptureStore store = CaptureStore.open(storeOptions, storages)) {
            if (!batch) {
                Integer answered = answerFromStore(store, jobs.getFirst()); // --max-age: no browser at all
                if (answered != null) return answered;
            }
            try (CaptureEngine engine = engines.get()) {
                return batch ? runBatch(engine, jobs, store) : runSingle(engine, jobs.getFirst(), store);
            }
        } catch (StoreException e) {
            err.println("error: storage: " + e.getMessage());
            return EXIT_FAILED;
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return EXIT_FAILED;
        }
    }

    private List<Job> jobs() throws IOException {
        List<Job> jobs = new ArrayList<>();
        if (urlsFile != null) {
            List<String> lines = Files.readAllLines(urlsFile);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (!line.isEmpty() && !line.startsWith("#")) jobs.add(new Job(i + 1, line));
            }
        }
        for (String u : urls) jobs.add(new Job(jobs.size() + 1, u));
        return jobs;
    }

    /** --format plus what --html/--markdown/--pdf imply; screenshot when nothing else is asked. */
    private List<String> formats() {
        List<String> f = new ArrayList<>(options.formats);
        boolean explicit = !f.isEmpty();
        if (html != null) f.add("html");
        if (markdown != null) f.add("markdown");
        if (pdf != null) f.add("pdf");
        if (!explicit && (output != null || f.isEmpty() || outDir != null)) f.add("screenshot");
        return f;
    }

    /** With --project and --max-age: writes a fresh stored capture to the files; null when there is none. */
    private Integer answerFromStore(CaptureStore store, Job job) {
        CaptureRequest request = options.toRequest(job.url());
        try {
            Optional<CaptureStore.Cached> hit = store.cached(request, singlePaths(request));
            if (hit.isEmpty()) return null;
            CaptureStore.Cached c = hit.get();
            if (json != null) writeJson(json, storedReport(job, c.capture(), c.age()));
            for (Path p : c.written()) out.println(p);
            err.println("cached: stored capture " + c.capture().id() + " is " + c.age().toSeconds() + " s old (--max-age " + storeOptions.maxAge + ")");
            return 0;
        } catch (IOException e) {
            err.println("error: cannot copy the stored capture: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private int runSingle(CaptureEngine engine, Job job, CaptureStore store) throws InterruptedException {
        CaptureRequest request = options.toRequest(job.url());
        FileArtifactSink sink = new FileArtifactSink(singlePaths(request));
        CaptureStore.Run run = store.begin(request, sink);
        try {
            CaptureResult result = engine.capture(request, run.sink());
            StoredCapture saved = run.save(result);
            if (json != null) writeJson(json, withStored(report(job, result, null), saved, null));
            for (Path p : sink.written()) out.println(p);
            if (saved != null) err.println("stored " + saved.id() + " in project " + saved.project() + " (version " + saved.version() + ")");
            return 0;
        } catch (CaptureException e) {
            run.discard();
            if (json != null) writeJson(json, report(job, null, e));
            err.println("error: " + e.error().name().toLowerCase() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** Where a single capture's outputs go: -o and its siblings, or the per-format options. */
    private Map<Format, Path> singlePaths(CaptureRequest request) {
        Path shot = output != null ? output : Path.of("capture." + request.imageType().extension());
        String base = stripExtension(shot);
        Map<Format, Path> paths = new EnumMap<>(Format.class);
        for (Format f : request.formats()) paths.put(f, Path.of(base + "." + extension(f, request)));
        paths.put(Format.SCREENSHOT, shot);
        if (html != null) paths.put(Format.HTML, html);
        if (markdown != null) paths.put(Format.MARKDOWN, markdown);
        if (pdf != null) paths.put(Format.PDF, pdf);
        return paths;
    }

    private int runBatch(CaptureEngine engine, List<Job> jobs, CaptureStore store) throws InterruptedException {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("error: cannot create --out-dir " + outDir + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        Progress progress = new Progress(jobs.size(), err);
        Queue failures = new Queue();
        Semaphore window = new Semaphore(BATCH_SUBMIT_WINDOW);
        List<Thread> threads = new ArrayList<>();
        for (Job job : jobs) {
            window.acquire();
            threads.add(Thread.ofVirtual().name("capture-" + job.number()).start(() -> {
                try {
                    String problem = captureOne(engine, job, store);
                    if (problem != null) failures.add(job.number() + " " + job.url() + ": " + problem);
                    progress.done(problem == null);
                } finally {
                    window.release();
                }
            }));
        }
        for (Thread t : threads) t.join();
        progress.finish();
        int ok = jobs.size() - failures.size();
        err.println("captured " + ok + "/" + jobs.size() + " into " + outDir);
        if (failures.isEmpty()) return 0;
        err.println(failures.size() + " failed:");
        failures.sorted().forEach(f -> err.println("  " + f));
        return EXIT_FAILED;
    }

    /** Captures one batch entry; returns null on success, else the problem. Never throws. */
    private String captureOne(CaptureEngine engine, Job job, CaptureStore store) {
        CaptureRequest request;
        Path report = outDir.resolve(job.number() + ".json");
        try {
            request = options.toRequest(job.url());
        } catch (InvalidRequestException e) {
            writeJson(report, report(job, null, new CaptureException(io.pagelens.capture.CaptureError.INVALID_REQUEST, e.getMessage())));
            return "invalid: " + e.getMessage();
        }
        Map<Format, Path> paths = new EnumMap<>(Format.class);
        for (Format f : request.formats()) paths.put(f, outDir.resolve(job.number() + "." + extension(f, request)));
        CaptureStore.Run run = null;
        try {
            Optional<CaptureStore.Cached> hit = store.cached(request, paths);
            if (hit.isPresent()) {
                writeJson(report, storedReport(job, hit.get().capture(), hit.get().age()));
                return null;
            }
            run = store.begin(request, new FileArtifactSink(paths));
            CaptureResult result = engine.capture(request, run.sink());
            writeJson(report, withStored(report(job, result, null), run.save(result), null));
            return null;
        } catch (IOException | StoreException e) {
            return "storage: " + e.getMessage();
        } catch (CaptureException e) {
            run.discard();
            writeJson(report, report(job, null, e));
            return e.error().name().toLowerCase() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return "internal error: " + e;
        }
    }

    static String extension(Format f, CaptureRequest r) {
        return switch (f) {
            case SCREENSHOT -> r.imageType().extension();
            case HTML -> "html";
            case MARKDOWN -> "md";
            case TEXT -> "txt";
            case LINKS -> "links.json";
            case METADATA -> "metadata.json";
            case PDF -> "pdf";
        };
    }

    private static String stripExtension(Path p) {
        String s = p.toString();
        int slash = s.lastIndexOf('/');
        int dot = s.lastIndexOf('.');
        return dot > slash + 1 ? s.substring(0, dot) : s;
    }

    private ObjectNode report(Job job, CaptureResult result, CaptureException error) {
        ObjectNode n = mapper.createObjectNode();
        n.put("line", job.number());
        n.put("url", job.url());
        n.put("ok", error == null);
        if (error != null) {
            n.put("error", error.error().name().toLowerCase());
            n.put("message", error.getMessage());
        } else {
            n.set("report", mapper.valueToTree(result.report()));
            n.set("artifacts", mapper.valueToTree(result.artifacts()));
            if (result.metadata() != null) n.set("metadata", mapper.valueToTree(result.metadata()));
        }
        return n;
    }

    /** The report of a capture answered from the store. */
    private ObjectNode storedReport(Job job, StoredCapture c, Duration age) {
        ObjectNode n = mapper.createObjectNode();
        n.put("line", job.number());
        n.put("url", job.url());
        n.put("ok", true);
        n.set("report", mapper.valueToTree(c.report()));
        n.set("artifacts", mapper.valueToTree(c.artifacts()));
        n.set("metadata", mapper.valueToTree(c.metadata()));
        return withStored(n, c, age);
    }

    /** Adds where the capture is stored: id, project, version, and whether it came from the store (cached). */
    private ObjectNode withStored(ObjectNode n, StoredCapture c, Duration cachedAge) {
        if (c == null) return n;
        ObjectNode s = n.putObject("stored");
        s.put("id", c.id());
        s.put("project", c.project());
        s.put("pageType", c.pageType());
        s.put("variant", c.variant());
        s.put("version", c.version());
        s.put("cached", cachedAge != null);
        if (cachedAge != null) s.put("ageMs", cachedAge.toMillis());
        return n;
    }

    private void writeJson(Path p, ObjectNode n) {
        try {
            if (p.toAbsolutePath().getParent() != null) Files.createDirectories(p.toAbsolutePath().getParent());
            mapper.writeValue(p.toFile(), n);
        } catch (IOException e) {
            err.println("error: cannot write " + p + ": " + e.getMessage());
        }
    }

    /** A thread-safe list of failure lines. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();

        void add(String s) {
            items.add(s);
        }

        int size() {
            return items.size();
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        List<String> sorted() {
            return items.stream().sorted((a, b) -> Integer.compare(lead(a), lead(b))).toList();
        }

        private static int lead(String s) {
            return Integer.parseInt(s.substring(0, s.indexOf(' ')));
        }
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    private static final class Progress {
        private final int total;
        private final PrintStream err;
        /** On a terminal the bar is redrawn in place; into a file or pipe, one line per tenth done. */
        private final boolean terminal = System.console() != null;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private int lastTenth = -1;

        Progress(int total, PrintStream err) {
            this.total = total;
            this.err = err;
            draw();
        }

        void done(boolean ok) {
            if (!ok) failed.incrementAndGet();
            done.incrementAndGet();
            draw();
        }

        private synchronized void draw() {
            int d = done.get();
            int width = 30;
            int filled = total == 0 ? width : d * width / total;
            String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + d + "/" + total
                    + (failed.get() > 0 ? " (" + failed.get() + " failed)" : "");
            if (terminal) {
                err.print("\r" + bar);
            } else {
                int tenth = total == 0 ? 10 : d * 10 / total;
                if (tenth == lastTenth) return;
                lastTenth = tenth;
                err.println(bar);
            }
            err.flush();
        }

        void finish() {
            if (terminal) err.println();
        }
    }
}
