package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Metrics;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.json.Jackson;
import io.pagelens.memory.MemoryServices;
import io.pagelens.server.FeatureSteps;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.StoredVariants;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code pagelens capture}: one URL to files ({@code -o out.png --html page.html --json report.json}), or a
 * batch (several URLs or {@code --urls FILE}) into {@code --out-dir} as N.png + N.json, N being the URL's line
 * number ({@link BatchRunner}). The flags become the API's capture spec and one {@link CaptureOrder} per URL, run by
 * the {@link CaptureService} as the API's jobs are. Exit status: 0 all captured, 1 some capture failed, 2 bad input.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Capture web pages: screenshot, HTML, Markdown, text, links, metadata, PDF.")
public final class CaptureCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;
    /** A URL that passes every URL check, to validate the flags of a batch before its first line. */
    private static final String PROBE_URL = "http://127.0.0.1/";

    @Parameters(arity = "0..*", paramLabel = "URL", description = "Page(s) to capture; several URLs make a batch.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Screenshot file (default: capture.png); other "
            + "outputs default to its name with their extension. '-' writes it to stdout (others then need their own file).")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the rendered HTML here (implies --format html).")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write Markdown here (implies --format markdown).")
    Path markdown;

    @Option(names = "--pdf", paramLabel = "FILE", description = "Write a PDF here (implies --format pdf).")
    Path pdf;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the capture report (JSON) here; '-' writes it to stdout.")
    Path json;

    @Option(names = "--urls", paramLabel = "FILE", description = "Batch: one URL per line (blank lines and # comments skipped).")
    Path urlsFile;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Batch output folder: N.png, N.json, ... (N = line number).")
    Path outDir;

    @Option(names = "--no-progress", description = "No progress bar (it is drawn only when stderr is a terminal).")
    boolean noProgress;

    @Mixin
    CaptureFlags flags = new CaptureFlags();

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    /** Opens storage when --project is given; tests replace it. */
    Supplier<Storage> storages = () -> Storage.open(Env.system());
    private Storage openStorage;
    /** Whether stderr is a terminal (progress is drawn only then); tests replace it. */
    BooleanSupplier terminal = Terminal::stderrIsTerminal;

    private final Supplier<CaptureEngine> engines;
    private final PrintStream out;
    private final PrintStream err;

    public CaptureCommand() {
        this(CaptureCommand::governedEngine, System.out, System.err);
    }

    /** For tests and other wiring: the engine to use (made only when a capture runs) and where messages go. */
    public CaptureCommand(Supplier<CaptureEngine> engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    /**
     * The engine with the memory governor choosing how many captures run (as {@code serve} does), unless
     * {@code PAGELENS_CAPTURE_CONCURRENCY} asks for a fixed number. The governor samples until the process exits.
     */
    static CaptureEngine governedEngine() {
        Env env = Env.system();
        if (env.string("PAGELENS_CAPTURE_CONCURRENCY").isPresent()) {
            return CaptureEngine.create(env, null, null, new HtmlContentExtractor(), FeatureSteps.all());
        }
        MemoryServices memory = MemoryServices.start(env, Metrics.globalRegistry);
        return CaptureEngine.create(env, b -> memory.attach(b).admission(), Metrics.globalRegistry, new HtmlContentExtractor(),
                FeatureSteps.all());
    }

    /** One URL to capture and its line number (its place in the batch). */
    record Line(int number, String url) {
    }

    @Override
    public Integer call() {
        List<Line> lines;
        try {
            lines = lines();
        } catch (IOException e) {
            err.println("error: cannot read --urls file: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (lines.isEmpty()) return badInput("give a URL, several URLs, or --urls FILE");
        boolean batch = lines.size() > 1 || urlsFile != null;
        if (batch && outDir == null) return badInput("batch mode (" + lines.size() + " URLs) needs --out-dir DIR");
        if (batch && (output != null || json != null)) {
            return badInput((output != null ? "-o" : "--json") + " is for one URL; a batch writes N.* and N.json into --out-dir");
        }
        flags.formats = formats();
        CaptureOrder first;
        Map<Format, Path> paths = null;
        try {
            // every flag is checked before Chromium starts: a bad one fails the whole run at once
            first = order(batch ? PROBE_URL : lines.getFirst().url());
            if (!batch) paths = singlePaths(first.request());
        } catch (InvalidRequestException e) {
            closeStorage(); // opened to look up --variant
            return badInput(FlagNames.message(e));
        } catch (StoreException e) {
            closeStorage();
            err.println("error: storage: " + e.getMessage());
            return EXIT_FAILED;
        }
        try (Storage storage = first.stores() ? storage() : null; LazyEngine engine = new LazyEngine(engines)) {
            CaptureService service = new CaptureService(engine, storage == null ? CaptureArchive.NONE : CaptureArchive.of(storage),
                    Clock.systemUTC());
            CaptureReportWriter reports = new CaptureReportWriter(out, err);
            if (batch) {
                Progress progress = Progress.of(lines.size(), err, !noProgress && terminal.getAsBoolean());
                return new BatchRunner(service, this::order, outDir, reports, err, progress).run(lines);
            }
            return single(service, first, lines.getFirst(), paths, reports);
        } catch (StoreException e) {
            err.println("error: storage: " + e.getMessage());
            return EXIT_FAILED;
        } catch (ConfigException e) {
            return badInput(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return EXIT_FAILED;
        }
    }

    private int badInput(String message) {
        err.println("error: " + message);
        return EXIT_BAD_INPUT;
    }

    /** The order for one URL: the flags as a capture spec, through the one builder (stored with --project). */
    CaptureOrder order(String url) {
        ObjectNode spec = flags.toSpec();
        storeOptions.putInto(spec);
        spec.put("url", url);
        // one --fail-on-missing-selector for page actions and a variant's mutations alike
        if (spec.has("variantId") && spec.path("clean").path("failOnMissingSelector").asBoolean()) {
            (spec.has("analysis") ? (ObjectNode) spec.get("analysis") : spec.putObject("analysis")).put("failOnMissingSelector", true);
        }
        CaptureSpec s;
        try {
            s = Jackson.STRICT.treeToValue(spec, CaptureSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException("the capture flags do not make a capture spec: " + e.getMessage(), e);
        }
        return CaptureOrder.from(s).storing(CaptureOrder.Storing.WITH_PROJECT)
                .variants((project, variant) -> StoredVariants.of(storage()).find(project, variant)) // --variant: a stored variant
                .build();
    }

    /** The store, opened on first use (a --variant lookup while the flags are checked, or the save) and once only. */
    private Storage storage() {
        if (openStorage == null) openStorage = storages.get();
        return openStorage;
    }

    private void closeStorage() {
        if (openStorage != null) openStorage.close();
    }

    private int single(CaptureService service, CaptureOrder order, Line line, Map<Format, Path> paths, CaptureReportWriter reports)
            throws InterruptedException {
        FileArtifactSink sink = new FileArtifactSink(paths, out);
        CaptureOutcome done;
        try {
            done = service.run(order, sink, step -> { });
        } catch (CaptureException e) {
            if (json != null) reports.write(json, reports.failure(line.number(), line.url(), e.error().code(), e.getMessage()));
            err.println("error: " + e.error().code() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
        if (json != null) reports.write(json, reports.success(line.number(), line.url(), done));
        if (!paths.containsValue(FileArtifactSink.STDOUT) && !isStdout(json)) sink.written().forEach(out::println);
        StoredCapture c = done.stored();
        if (done.cached()) {
            err.println("cached: stored capture " + c.id() + " is " + done.age().toSeconds() + " s old (--max-age " + storeOptions.maxAge + ")");
        } else if (c != null) {
            err.println("stored " + c.id() + " in project " + c.project() + " (version " + c.version() + ")");
        }
        return 0;
    }

    private List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        if (urlsFile != null) {
            List<String> text = Files.readAllLines(urlsFile);
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i).trim();
                if (!line.isEmpty() && !line.startsWith("#")) lines.add(new Line(i + 1, line));
            }
        }
        for (String u : urls) lines.add(new Line(lines.size() + 1, u));
        return lines;
    }

    /** --format plus what --html/--markdown/--pdf imply; screenshot when nothing else is asked. */
    private List<String> formats() {
        List<String> f = new ArrayList<>(flags.formats);
        boolean explicit = !f.isEmpty();
        if (html != null) f.add("html");
        if (markdown != null) f.add("markdown");
        if (pdf != null) f.add("pdf");
        if (!explicit && (output != null || f.isEmpty() || outDir != null)) f.add("screenshot");
        return f;
    }

    private static boolean isStdout(Path p) {
        return p != null && p.equals(FileArtifactSink.STDOUT);
    }

    /**
     * Where a single capture's outputs go: -o and its siblings, or the per-format options. With {@code -o -} one output
     * goes to stdout (the screenshot, else the only format asked) and every other needs its own file.
     */
    private Map<Format, Path> singlePaths(CaptureRequest request) {
        Map<Format, Path> paths = new EnumMap<>(Format.class);
        Map<Format, Path> explicit = new EnumMap<>(Format.class);
        if (html != null) explicit.put(Format.HTML, html);
        if (markdown != null) explicit.put(Format.MARKDOWN, markdown);
        if (pdf != null) explicit.put(Format.PDF, pdf);
        if (isStdout(output)) {
            if (isStdout(json)) throw new InvalidRequestException("--json", "-o - writes to stdout already; give the report a file");
            Format primary = request.wants(Format.SCREENSHOT) ? Format.SCREENSHOT
                    : request.formats().size() == 1 ? request.formats().iterator().next() : null;
            for (Format f : request.formats()) {
                if (f == primary) paths.put(f, FileArtifactSink.STDOUT);
                else if (explicit.containsKey(f)) paths.put(f, explicit.get(f));
                else throw new InvalidRequestException("-o", "'-' sends one output to stdout; " + f.id() + " needs a file of its own"
                            + (f == Format.HTML || f == Format.MARKDOWN || f == Format.PDF ? " (--" + f.id() + " FILE)" : " (use -o FILE)"));
            }
            return paths;
        }
        Path shot = output != null ? output : Path.of("capture." + request.imageType().extension());
        String base = stripExtension(shot);
        for (Format f : request.formats()) paths.put(f, Path.of(base + "." + extension(f, request)));
        paths.put(Format.SCREENSHOT, shot);
        paths.putAll(explicit);
        return paths;
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
}
