package io.pagelens.cli;

import io.pagelens.capture.CaptureException;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.StoreException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * {@code pagelens capture --urls FILE --out-dir DIR}: every line is an order run by the {@link CaptureService},
 * up to {@link #SUBMIT_WINDOW} at once (the engine's admission decides how many capture), into N.png, N.html, ...
 * and N.json. A line that fails is reported in its N.json and in the summary; the others go on.
 */
final class BatchRunner {
    /** Captures handed to the service at once; admission decides how many run. */
    static final int SUBMIT_WINDOW = 16;

    private final CaptureService service;
    private final Function<String, CaptureOrder> orders;
    private final Path outDir;
    private final CaptureReportWriter reports;
    private final PrintStream err;
    private final Progress progress;

    BatchRunner(CaptureService service, Function<String, CaptureOrder> orders, Path outDir, CaptureReportWriter reports,
                PrintStream err, Progress progress) {
        this.service = service;
        this.orders = orders;
        this.outDir = outDir;
        this.reports = reports;
        this.err = err;
        this.progress = progress;
    }

    /** A failed line: its number first, for the sorted summary. */
    private record Failure(int line, String text) {
    }

    int run(List<CaptureCommand.Line> lines) throws InterruptedException {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("error: cannot create --out-dir " + outDir + ": " + e.getMessage());
            return CaptureCommand.EXIT_BAD_INPUT;
        }
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        Semaphore window = new Semaphore(SUBMIT_WINDOW);
        List<Thread> threads = new ArrayList<>();
        for (CaptureCommand.Line line : lines) {
            window.acquire();
            threads.add(Thread.ofVirtual().name("capture-" + line.number()).start(() -> {
                try {
                    String problem = captureOne(line);
                    if (problem != null) failures.add(new Failure(line.number(), line.number() + " " + line.url() + ": " + problem));
                    progress.done(problem == null);
                } finally {
                    window.release();
                }
            }));
        }
        for (Thread t : threads) t.join();
        progress.finish();
        err.println("captured " + (lines.size() - failures.size()) + "/" + lines.size() + " into " + outDir);
        if (failures.isEmpty()) return 0;
        err.println(failures.size() + " failed:");
        failures.stream().sorted(Comparator.comparingInt(Failure::line)).forEach(f -> err.println("  " + f.text()));
        return CaptureCommand.EXIT_FAILED;
    }

    /** Captures one line; null on success, else the problem. Never throws. */
    private String captureOne(CaptureCommand.Line line) {
        Path report = outDir.resolve(line.number() + ".json");
        CaptureOrder order;
        try {
            order = orders.apply(line.url());
        } catch (InvalidRequestException e) {
            String message = FlagNames.message(e);
            reports.write(report, reports.failure(line.number(), line.url(), e.error().code(), message));
            return "invalid: " + message;
        }
        Map<Format, Path> paths = new EnumMap<>(Format.class);
        for (Format f : order.request().formats()) {
            paths.put(f, outDir.resolve(line.number() + "." + CaptureCommand.extension(f, order.request())));
        }
        try {
            reports.write(report, reports.success(line.number(), line.url(), service.run(order, new FileArtifactSink(paths), s -> { })));
            return null;
        } catch (CaptureException e) {
            reports.write(report, reports.failure(line.number(), line.url(), e.error().code(), e.getMessage()));
            return e.error().code() + ": " + e.getMessage();
        } catch (StoreException e) {
            return "storage: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return "internal error: " + e;
        }
    }
}
