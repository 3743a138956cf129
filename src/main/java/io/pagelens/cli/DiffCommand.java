package io.pagelens.cli;

import io.pagelens.analysis.diff.Box;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffOutputs;
import io.pagelens.analysis.diff.DiffProgress;
import io.pagelens.analysis.diff.DiffRegion;
import io.pagelens.analysis.diff.DiffResult;
import io.pagelens.analysis.diff.TextDiff;
import io.pagelens.analysis.diff.TextDiffResult;
import io.pagelens.analysis.diff.VisualDiff;
import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureDiffs;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.StoredDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code pagelens diff A B}: the visual diff of two PNG files (or the text diff of two Markdown files), or of two stored
 * captures by id (their screenshots, plus their Markdown when both have it; the diff is stored as the API stores it),
 * streamed so that 20,000 px screenshots fit in a small heap. Exit code 0 when nothing meaningful changed, 1 when
 * something did, 2 for bad input (as {@code diff(1)}).
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two screenshots (PNG files or stored capture ids) pixel by pixel, or two Markdown files line by line.",
                "Exit status: 0 no meaningful change, 1 changed, 2 bad input."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the control: a PNG (or a Markdown/text file), or a capture id (cap_...)")
    String argA;

    @Parameters(index = "1", paramLabel = "B", description = "the variant or later version, of the same kind as A")
    String argB;

    /** The store that capture ids are read from; tests replace it. */
    Supplier<Storage> storages = () -> Storage.open(Env.system());

    private Path a;
    private Path b;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the diff image (changed pixels red over a faded A)")
    Path output;

    @Option(names = "--side-by-side", paramLabel = "FILE", description = "write A and B side by side")
    Path sideBySide;

    @Option(names = "--threshold", paramLabel = "T", description = "per-pixel colour distance 0..1 (default: ${DEFAULT-VALUE}; 0 counts every difference)", defaultValue = "0.1")
    double threshold;

    @Option(names = "--mask", paramLabel = "X,Y,W,H", description = "an area not compared, in A's pixels (repeatable)")
    List<String> masks = new ArrayList<>();

    @Option(names = "--include-aa", description = "count anti-aliased pixels as changes too")
    boolean includeAa;

    @Option(names = "--merge-distance", paramLabel = "PX", description = "changes closer than this are one region (default: ${DEFAULT-VALUE})", defaultValue = "16")
    int mergeDistance;

    @Option(names = "--min-region-pixels", paramLabel = "N", description = "smaller regions are noise (default: ${DEFAULT-VALUE}; 1 keeps every pixel)", defaultValue = "" + DiffOptions.DEFAULT_MIN_REGION_PIXELS)
    int minRegionPixels;

    @Option(names = "--shift-tolerance", paramLabel = "PX", description = "sub-pixel displacement tolerance (default: ${DEFAULT-VALUE}; 0 as pixelmatch)", defaultValue = "1")
    int shiftTolerance;

    @Override
    public Integer call() throws IOException {
        boolean idA = isCaptureId(argA), idB = isCaptureId(argB);
        if (idA != idB) throw new ParameterException(spec.commandLine(), "A and B must both be files or both be capture ids");
        if (idA) return captures();
        a = Path.of(argA);
        b = Path.of(argB);
        checkFile(a, "A");
        checkFile(b, "B");
        boolean pngA = isPng(a), pngB = isPng(b);
        if (pngA != pngB) throw new ParameterException(spec.commandLine(), "A and B must both be PNG images or both be text files");
        return pngA ? images() : texts();
    }

    /** A stored capture's id (and not a file of that name). */
    private static boolean isCaptureId(String arg) {
        return CAPTURE_ID.matcher(arg).matches() && !Files.exists(Path.of(arg));
    }

    private static final java.util.regex.Pattern CAPTURE_ID = java.util.regex.Pattern.compile("cap_[0-9a-f]{16,64}");

    /** Two stored captures: diffed (or found) by the same service as the API, images copied out when asked. */
    private int captures() throws IOException {
        DiffOptions options = options();
        boolean terminal = terminal();
        try (Storage storage = storages.get()) {
            StoredCapture ca = storage.capture(argA).orElseThrow(() -> new ParameterException(spec.commandLine(), "A: no capture " + argA));
            StoredCapture cb = storage.capture(argB).orElseThrow(() -> new ParameterException(spec.commandLine(), "B: no capture " + argB));
            StoredDiff d;
            try {
                d = new CaptureDiffs(storage).diff(ca, cb, options, progress(terminal));
            } catch (io.pagelens.capture.InvalidRequestException e) {
                throw new ParameterException(spec.commandLine(), (e.field().equals("capture") ? "A" : "B") + e.getMessage().substring(e.field().length()), e);
            } finally {
                if (terminal) System.err.print("\r\033[K");
            }
            copyBlob(storage, d.diffBlob(), output);
            copyBlob(storage, d.sideBlob(), sideBySide);
            com.fasterxml.jackson.databind.node.ObjectNode view = (com.fasterxml.jackson.databind.node.ObjectNode) Jackson.LENIENT.readTree(d.resultJson());
            DiffResult r = Jackson.LENIENT.treeToValue(view, DiffResult.class);
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode out = Jackson.MAPPER.createObjectNode()
                        .put("id", d.id()).put("capture", d.captureA()).put("against", d.captureB());
                out.setAll(view);
                spec.commandLine().getOut().println(Jackson.PRETTY.writeValueAsString(out));
                spec.commandLine().getOut().flush();
                return r.identical() ? 0 : 1;
            }
            return print(r);
        }
    }

    private static void copyBlob(Storage storage, String sha, Path target) throws IOException {
        if (target == null) return;
        io.pagelens.store.blob.BlobContent blob = storage.openBlob(sha, "image/png")
                .orElseThrow(() -> new IOException("the stored diff image " + sha + " is missing"));
        try (InputStream in = blob.stream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean terminal() {
        return System.console() != null && System.console().isTerminal();
    }

    private static DiffProgress progress(boolean terminal) {
        PrintStream err = System.err;
        return terminal ? (done, total) -> {
            if (total >= 2_000) err.print(String.format(Locale.ROOT, "\rdiff: %d/%d rows (%d%%)", done, total, done * 100L / total));
        } : DiffProgress.NONE;
    }

    private int images() throws IOException {
        DiffOptions options = options();
        PrintStream err = System.err;
        boolean terminal = terminal();
        DiffProgress progress = progress(terminal);
        Path diffTmp = temp(output, "--output"), sideTmp = temp(sideBySide, "--side-by-side");
        DiffResult r;
        try (OutputStream d = diffTmp == null ? null : Files.newOutputStream(diffTmp);
             OutputStream s = sideTmp == null ? null : Files.newOutputStream(sideTmp)) {
            r = VisualDiff.compare(a, b, options, new DiffOutputs(d, s, progress));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(diffTmp);
            deleteQuietly(sideTmp);
            if (e instanceof java.nio.file.NoSuchFileException || e instanceof IOException) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            throw e;
        } finally {
            if (terminal) err.print("\r\033[K");
        }
        if (diffTmp != null) Files.move(diffTmp, output, StandardCopyOption.REPLACE_EXISTING);
        if (sideTmp != null) Files.move(sideTmp, sideBySide, StandardCopyOption.REPLACE_EXISTING);
        if (json) {
            spec.commandLine().getOut().println(Jackson.PRETTY.writeValueAsString(r));
            spec.commandLine().getOut().flush();
            return r.identical() ? 0 : 1;
        }
        return print(r);
    }

    private int print(DiffResult r) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d changed pixels (%.3f%%) in %d region%s%s%n", r.identical() ? "same" : "changed",
                r.changedPixels(), r.changedPercent(), r.changedRegions().size(), r.changedRegions().size() == 1 ? "" : "s",
                r.heightDifference() == 0 ? "" : String.format(Locale.ROOT, "; B is %+d px taller", r.heightDifference()));
        for (DiffRegion g : r.regions()) {
            Box x = g.box();
            out.printf(Locale.ROOT, "  %-8s x=%d y=%d %dx%d (%,d px)%n", g.kind().name().toLowerCase(Locale.ROOT).replace("_", ""),
                    x.x(), x.y(), x.width(), x.height(), g.changedPixels());
        }
        if (r.regionsTruncated()) out.println("  (more regions than listed; see --json)");
        out.flush();
        return r.identical() ? 0 : 1;
    }

    private int texts() throws IOException {
        String ta = Files.readString(a, StandardCharsets.UTF_8), tb = Files.readString(b, StandardCharsets.UTF_8);
        TextDiffResult r;
        try {
            r = TextDiff.compare(ta, tb, a.toString(), b.toString(), TextDiff.DEFAULT_CONTEXT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Jackson.PRETTY.writeValueAsString(r));
        else out.print(r.unified());
        out.flush();
        return r.identical() ? 0 : 1;
    }

    private DiffOptions options() {
        try {
            DiffOptions.Builder o = DiffOptions.builder().threshold(threshold).includeAntiAliasing(includeAa)
                    .mergeDistance(mergeDistance).minRegionPixels(minRegionPixels).shiftTolerance(shiftTolerance);
            for (String m : masks) o.mask(Box.parse("--mask", m));
            return o.build();
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            for (String[] f : new String[][]{{"threshold", "--threshold"}, {"mergeDistance", "--merge-distance"},
                    {"minRegionPixels", "--min-region-pixels"}, {"shiftTolerance", "--shift-tolerance"}, {"masks", "--mask"}}) {
                if (msg.startsWith(f[0] + " ")) msg = f[1] + msg.substring(f[0].length());
            }
            throw new ParameterException(spec.commandLine(), msg, e);
        }
    }

    private void checkFile(Path p, String which) {
        if (!Files.isRegularFile(p)) throw new ParameterException(spec.commandLine(), which + ": no file at " + p);
    }

    private static boolean isPng(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] sig = in.readNBytes(8);
            return sig.length == 8 && (sig[0] & 0xff) == 0x89 && sig[1] == 'P' && sig[2] == 'N' && sig[3] == 'G';
        }
    }

    /** A temporary file beside {@code target}, moved into place only when the diff succeeded. */
    private Path temp(Path target, String flag) {
        if (target == null) return null;
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), flag + ": no folder " + dir);
        // not Files.createTempFile: its 0600 mode would stay on the image after the move
        return dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a stray temp file
        }
    }
}
