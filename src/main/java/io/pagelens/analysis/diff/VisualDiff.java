package io.pagelens.analysis.diff;

import io.pagelens.image.PngReader;
import io.pagelens.image.RowSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The visual diff: compares two images pixel by pixel as pixelmatch does (YIQ perceptual distance over a threshold,
 * anti-aliasing detection), streaming over rows. Memory is five rows of each image, two rows of cell labels and the
 * output scanlines, whatever the height: two 1280x20000 screenshots are never in the heap.
 *
 * <pre>{@code
 * try (OutputStream png = Files.newOutputStream(Path.of("diff.png"))) {
 *     DiffResult r = VisualDiff.compare(Path.of("a.png"), Path.of("b.png"), DiffOptions.DEFAULTS, DiffOutputs.diffImage(png));
 *     r.changedPixels(); r.regions();
 * }
 * }</pre>
 *
 * Images of different sizes are compared over the area both have; the rest is reported as {@code onlyInA} /
 * {@code onlyInB} regions (see {@link DiffResult}). Region merging is described in {@link RegionFinder}.
 */
public final class VisualDiff {
    private static final int PROGRESS_EVERY = 256;

    private VisualDiff() {
    }

    /** Compares two PNG files. */
    public static DiffResult compare(Path a, Path b, DiffOptions options, DiffOutputs outputs) throws IOException {
        try (PngReader ra = PngReader.open(a); PngReader rb = PngReader.open(b)) {
            return compare(ra, rb, options, outputs);
        }
    }

    /** Compares two PNG streams (blobs); both are closed. The names appear in error messages. */
    public static DiffResult compare(InputStream a, String nameA, InputStream b, String nameB, DiffOptions options,
                                     DiffOutputs outputs) throws IOException {
        try (PngReader ra = new PngReader(a, nameA); PngReader rb = new PngReader(b, nameB)) {
            return compare(ra, rb, options, outputs);
        } finally {
            a.close();
            b.close();
        }
    }

    /** Compares two images given row by row; the outputs are written as the rows pass. */
    public static DiffResult compare(RowSource a, RowSource b, DiffOptions options, DiffOutputs outputs) throws IOException {
        int wA = a.width(), hA = a.height(), wB = b.width(), hB = b.height();
        int cw = Math.min(wA, wB), ch = Math.min(hA, hB), outH = Math.max(hA, hB);
        RowWindow winA = new RowWindow(a), winB = new RowWindow(b);
        RegionFinder finder = new RegionFinder(cw, ch, options.mergeDistance());
        List<Box> masks = options.masks().stream().map(m -> m.clip(cw, ch)).filter(m -> m != null).toList();
        boolean[] masked = new boolean[cw];
        byte[] marks = new byte[cw];
        double maxDelta = options.maxDelta();
        boolean detectAa = !options.includeAntiAliasing();
        long changed = 0, antiAliased = 0, shifted = 0, maskedPixels = 0;
        int shift = options.shiftTolerance();
        try (DiffPainter painter = new DiffPainter(outputs.diffImage(), outputs.sideBySide(), wA, hA, wB, hB,
                options.fade(), options.pngLevel())) {
            for (int y = 0; y < outH; y++) {
                if (y < hA) winA.loadThrough(y + RowWindow.RADIUS);
                if (y < hB) winB.loadThrough(y + RowWindow.RADIUS);
                if (y < ch) {
                    int[] ra = winA.row(y), rb = winB.row(y);
                    boolean anyMask = maskRow(masks, y, masked);
                    for (int x = 0; x < cw; x++) {
                        if (anyMask && masked[x]) {
                            marks[x] = DiffPainter.MASKED;
                            maskedPixels++;
                            continue;
                        }
                        int pa = ra[x], pb = rb[x];
                        if (pa == pb || Math.abs(Yiq.delta(pa, pb)) <= maxDelta) {
                            marks[x] = DiffPainter.SAME;
                        } else if (detectAa && (AntiAliasing.antialiased(winA, winB, x, y, cw, ch)
                                || AntiAliasing.antialiased(winB, winA, x, y, cw, ch))) {
                            marks[x] = DiffPainter.AA;
                            antiAliased++;
                        } else if (shift > 0 && blendOfNeighbours(winA, pb, pa, x, y, cw, ch, shift, maxDelta)
                                && blendOfNeighbours(winB, pa, pb, x, y, cw, ch, shift, maxDelta)) {
                            marks[x] = DiffPainter.SHIFTED;
                            shifted++;
                        } else {
                            marks[x] = DiffPainter.DIFFERENT;
                            changed++;
                            finder.add(x, y);
                        }
                    }
                    finder.endRow(y);
                }
                if (painter.active()) painter.row(y < hA ? winA.row(y) : null, y < hB ? winB.row(y) : null, y < ch ? marks : null, cw);
                if ((y + 1) % PROGRESS_EVERY == 0) outputs.progress().rows(y + 1, outH);
            }
            painter.finish();
        }
        outputs.progress().rows(outH, outH);
        return result(options, finder.finish(), wA, hA, wB, hB, changed, antiAliased, shifted, maskedPixels);
    }

    /**
     * Whether colour {@code c} is a blend of {@code base} (the other image's pixel at the same place) and one of that
     * image's pixels within {@code r} px: what a sub-pixel move of an edge produces. {@code c} within the threshold of
     * the nearest point of the RGB segment between the two counts.
     */
    private static boolean blendOfNeighbours(RowWindow img, int c, int base, int x, int y, int w, int h, int r, double maxDelta) {
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            int[] row = img.row(yy);
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                if ((xx != x || yy != y) && Math.abs(Yiq.delta(c, Yiq.nearestOnSegment(c, base, row[xx]))) <= maxDelta) return true;
            }
        }
        return false;
    }

    private static boolean maskRow(List<Box> masks, int y, boolean[] masked) {
        if (masks.isEmpty()) return false;
        Arrays.fill(masked, false);
        boolean any = false;
        for (Box m : masks) {
            if (y >= m.y() && y < m.bottom()) {
                Arrays.fill(masked, m.x(), m.right(), true);
                any = true;
            }
        }
        return any;
    }

    private static DiffResult result(DiffOptions o, List<RegionFinder.Component> components, int wA, int hA, int wB, int hB,
                                     long changed, long antiAliased, long shifted, long maskedPixels) {
        int cw = Math.min(wA, wB), ch = Math.min(hA, hB);
        long noise = 0;
        List<RegionFinder.Component> kept = new ArrayList<>();
        for (RegionFinder.Component c : components) {
            if (c.pixels() < o.minRegionPixels()) noise += c.pixels();
            else kept.add(c);
        }
        boolean truncated = kept.size() > o.maxRegions();
        if (truncated) {
            kept.sort(Comparator.comparingLong(RegionFinder.Component::pixels).reversed());
            kept = new ArrayList<>(kept.subList(0, o.maxRegions()));
        }
        kept.sort(Comparator.comparingInt((RegionFinder.Component c) -> c.box().y()).thenComparingInt(c -> c.box().x()));
        List<DiffRegion> regions = new ArrayList<>();
        for (RegionFinder.Component c : kept) regions.add(new DiffRegion(c.box(), c.pixels(), DiffRegion.RegionKind.CHANGED));
        if (hA != hB) {
            boolean aTaller = hA > hB;
            Box extra = new Box(0, ch, aTaller ? wA : wB, Math.abs(hA - hB));
            regions.add(new DiffRegion(extra, extra.area(), aTaller ? DiffRegion.RegionKind.ONLY_IN_A : DiffRegion.RegionKind.ONLY_IN_B));
        }
        if (wA != wB) {
            boolean aWider = wA > wB;
            Box extra = new Box(cw, 0, Math.abs(wA - wB), aWider ? hA : hB);
            regions.add(new DiffRegion(extra, extra.area(), aWider ? DiffRegion.RegionKind.ONLY_IN_A : DiffRegion.RegionKind.ONLY_IN_B));
        }
        changed -= noise;
        long compared = (long) cw * ch - maskedPixels;
        double percent = compared == 0 ? 0 : Math.round(changed * 100_000.0 / compared) / 1000.0;
        return new DiffResult(wA, hA, wB, hB, cw, ch, changed, percent, antiAliased, shifted, maskedPixels, noise,
                hB - hA, wB - wA, regions, truncated, wA == wB && hA == hB && changed == 0, o.threshold());
    }
}
