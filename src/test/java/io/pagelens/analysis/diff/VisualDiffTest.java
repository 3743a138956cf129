package io.pagelens.analysis.diff;

import io.pagelens.image.PngReader;
import io.pagelens.image.RowSource;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisualDiffTest {
    private static final int WHITE = 0xffffffff;

    private static DiffResult diff(RowSource a, RowSource b, DiffOptions o) throws Exception {
        return VisualDiff.compare(a, b, o, DiffOutputs.NONE);
    }

    @Test
    void identicalImages_haveNoChange() throws Exception {
        Pixels a = new Pixels(50, 40, WHITE).fill(5, 5, 10, 10, 0xff336699);
        DiffResult r = diff(a, a.copy(), DiffOptions.DEFAULTS);
        assertThat(r.changedPixels()).isZero();
        assertThat(r.identical()).isTrue();
        assertThat(r.regions()).isEmpty();
        assertThat(r.changedPercent()).isZero();
    }

    @Test
    void changedSquare_isOneRegion_withItsExactBox() throws Exception {
        Pixels a = new Pixels(100, 80, WHITE);
        Pixels b = a.copy().fill(20, 30, 15, 10, 0xffff0000);
        DiffResult r = diff(a, b, DiffOptions.DEFAULTS);
        assertThat(r.changedPixels()).isEqualTo(150);
        assertThat(r.changedPercent()).isEqualTo(1.875);
        assertThat(r.regions()).containsExactly(new DiffRegion(new Box(20, 30, 15, 10), 150, DiffRegion.RegionKind.CHANGED));
        assertThat(r.identical()).isFalse();
    }

    @Test
    void smallColourShift_underTheThreshold_isNoChange_butCountsAtThresholdZero() throws Exception {
        Pixels a = new Pixels(20, 20, 0xff808080);
        Pixels b = new Pixels(20, 20, 0xff828282);
        assertThat(diff(a, b, DiffOptions.DEFAULTS).changedPixels()).isZero();
        assertThat(diff(a, b, DiffOptions.builder().threshold(0).build()).changedPixels()).isEqualTo(400);
    }

    @Test
    void nearbyChanges_mergeWithinTheDistance_andStayApartBeyondIt() throws Exception {
        Pixels a = new Pixels(200, 60, WHITE);
        // two 5x5 squares with a gap of exactly 16 px between them (x 10..14 and 31..35)
        Pixels b = a.copy().fill(10, 10, 5, 5, 0xff000000).fill(31, 10, 5, 5, 0xff000000);
        assertThat(diff(a, b, DiffOptions.builder().mergeDistance(16).build()).regions())
                .extracting(DiffRegion::box).containsExactly(new Box(10, 10, 26, 5));
        assertThat(diff(a, b, DiffOptions.builder().mergeDistance(15).build()).regions())
                .extracting(DiffRegion::box).containsExactly(new Box(10, 10, 5, 5), new Box(31, 10, 5, 5));
    }

    /** The streaming grid + box merge must give the fixpoint of merging single pixels by the gap rule. */
    @Test
    void regionFinder_matchesTheBruteForceRule_onRandomScatters() {
        Random rnd = new Random(11);
        for (int round = 0; round < 60; round++) {
            int w = 40 + rnd.nextInt(80), h = 40 + rnd.nextInt(80), d = rnd.nextInt(12);
            RegionFinder f = new RegionFinder(w, h, d);
            List<RegionFinder.Component> singles = new ArrayList<>();
            boolean[][] on = new boolean[h][w];
            int n = 5 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) on[rnd.nextInt(h)][rnd.nextInt(w)] = true;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (on[y][x]) {
                        f.add(x, y);
                        singles.add(new RegionFinder.Component(new Box(x, y, 1, 1), 1));
                    }
                }
                f.endRow(y);
            }
            List<Box> expected = RegionFinder.mergeNear(singles, d).stream().map(RegionFinder.Component::box).sorted(BOXES).toList();
            List<Box> actual = f.finish().stream().map(RegionFinder.Component::box).sorted(BOXES).toList();
            assertThat(actual).as("round %d, %dx%d, d=%d", round, w, h, d).isEqualTo(expected);
        }
    }

    private static final java.util.Comparator<Box> BOXES = java.util.Comparator.comparingInt(Box::y).thenComparingInt(Box::x);

    /** Text drawn a third of a pixel to the right: the streaming engine must judge every pixel as pixelmatch does. */
    @Test
    void antiAliasing_matchesTheReferenceAlgorithm_onSubPixelShiftedText() throws Exception {
        BufferedImage ia = text(0.0), ib = text(0.35);
        Pixels a = new Pixels(ia), b = new Pixels(ib);
        ReferencePixelmatch ref = new ReferencePixelmatch(a.px, b.px, 0.1);
        DiffResult r = diff(a, b, DiffOptions.builder().shiftTolerance(0).minRegionPixels(1).build());
        assertThat(ref.changed + ref.antiAliased).as("the shift moves some pixels").isPositive();
        assertThat(r.changedPixels()).isEqualTo(ref.changed);
        assertThat(r.antiAliasedPixels()).isEqualTo(ref.antiAliased);
        DiffResult counted = diff(a, b, DiffOptions.builder().includeAntiAliasing(true).shiftTolerance(0).minRegionPixels(1).build());
        assertThat(counted.changedPixels()).isEqualTo(ref.changed + ref.antiAliased);
    }

    @Test
    void shiftTolerance_takesSubPixelMovesForDisplacement_butNotRealChanges() throws Exception {
        Pixels a = new Pixels(text(0.0)), b = new Pixels(text(0.35));
        DiffResult r = diff(a, b, DiffOptions.builder().minRegionPixels(1).build());
        DiffResult strict = diff(a, b, DiffOptions.builder().shiftTolerance(0).minRegionPixels(1).build());
        assertThat(r.changedPixels()).isLessThan(strict.changedPixels());
        assertThat(r.changedPixels() + r.shiftedPixels()).isEqualTo(strict.changedPixels());
        Pixels c = new Pixels(text(0.0)).fill(150, 5, 30, 30, 0xffff0000); // a real change next to the text
        assertThat(diff(a, c, DiffOptions.DEFAULTS).changedPixels()).isGreaterThanOrEqualTo(30 * 30 - 60);
    }

    private static BufferedImage text(double dx) {
        BufferedImage img = new BufferedImage(220, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 220, 40);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        g.drawString("Sub-pixel offsets", (float) (10 + dx), 26f);
        g.dispose();
        return img;
    }

    @Test
    void tallerImage_comparesTheCommonHeight_andReportsTheExtraRows() throws Exception {
        Pixels a = new Pixels(30, 100, WHITE);
        Pixels b = new Pixels(30, 120, WHITE).fill(0, 110, 30, 10, 0xff000000);
        DiffResult r = diff(a, b, DiffOptions.DEFAULTS);
        assertThat(r.changedPixels()).isZero();
        assertThat(r.comparedHeight()).isEqualTo(100);
        assertThat(r.heightDifference()).isEqualTo(20);
        assertThat(r.regions()).containsExactly(new DiffRegion(new Box(0, 100, 30, 20), 600, DiffRegion.RegionKind.ONLY_IN_B));
        assertThat(r.identical()).isFalse();
        DiffResult back = diff(b, a, DiffOptions.DEFAULTS);
        assertThat(back.heightDifference()).isEqualTo(-20);
        assertThat(back.regions()).extracting(DiffRegion::kind).containsExactly(DiffRegion.RegionKind.ONLY_IN_A);
    }

    @Test
    void widerImage_isReportedToo_notCrashedOn() throws Exception {
        DiffResult r = diff(new Pixels(30, 10, WHITE), new Pixels(34, 12, WHITE), DiffOptions.DEFAULTS);
        assertThat(r.comparedWidth()).isEqualTo(30);
        assertThat(r.regions()).extracting(DiffRegion::box).containsExactly(new Box(0, 10, 34, 2), new Box(30, 0, 4, 12));
    }

    @Test
    void defaultNoiseFloor_dropsSpecks_butKeepsSmallRealChanges() throws Exception {
        Pixels a = new Pixels(80, 80, WHITE);
        DiffResult r = diff(a, a.copy().fill(5, 5, 3, 3, 0xff000000).fill(40, 40, 5, 5, 0xff000000), DiffOptions.DEFAULTS);
        assertThat(r.changedPixels()).isEqualTo(25);
        assertThat(r.noisePixels()).isEqualTo(9);
        assertThat(r.regions()).extracting(DiffRegion::box).containsExactly(new Box(40, 40, 5, 5));
    }

    @Test
    void maskedChanges_areNotCounted() throws Exception {
        Pixels a = new Pixels(60, 60, WHITE);
        Pixels b = a.copy().fill(10, 10, 10, 10, 0xff000000).fill(40, 40, 5, 5, 0xff000000);
        DiffResult r = diff(a, b, DiffOptions.builder().mask(new Box(5, 5, 20, 20)).build());
        assertThat(r.changedPixels()).isEqualTo(25);
        assertThat(r.maskedPixels()).isEqualTo(400);
        assertThat(r.regions()).extracting(DiffRegion::box).containsExactly(new Box(40, 40, 5, 5));
        assertThat(r.changedPercent()).isEqualTo(Math.round(25 * 100_000.0 / (3600 - 400)) / 1000.0);
    }

    @Test
    void minRegionPixels_dropsSpecks_asNoise() throws Exception {
        Pixels a = new Pixels(80, 80, WHITE);
        Pixels b = a.copy().fill(5, 5, 1, 1, 0xff000000).fill(50, 50, 6, 6, 0xff000000);
        DiffResult r = diff(a, b, DiffOptions.builder().minRegionPixels(4).build());
        assertThat(r.changedPixels()).as("the speck is noise, not change").isEqualTo(36);
        assertThat(r.noisePixels()).isEqualTo(1);
        assertThat(r.regions()).extracting(DiffRegion::box).containsExactly(new Box(50, 50, 6, 6));
    }

    @Test
    void maxRegions_keepsTheLargest_andSaysSo() throws Exception {
        Pixels a = new Pixels(200, 20, WHITE);
        Pixels b = a.copy().fill(0, 0, 2, 2, 0xff000000).fill(100, 0, 5, 5, 0xff000000).fill(180, 0, 3, 3, 0xff000000);
        DiffResult r = diff(a, b, DiffOptions.builder().maxRegions(2).minRegionPixels(1).build());
        assertThat(r.regionsTruncated()).isTrue();
        assertThat(r.regions()).extracting(DiffRegion::changedPixels).containsExactly(25L, 9L);
    }

    @Test
    void diffImage_isRedOverFadedGrey_andSideBySideHasBothImages() throws Exception {
        Pixels a = new Pixels(40, 30, 0xff000000);
        Pixels b = new Pixels(40, 36, 0xff000000).fill(10, 10, 5, 5, 0xff00ff00);
        ByteArrayOutputStream diffPng = new ByteArrayOutputStream(), side = new ByteArrayOutputStream();
        VisualDiff.compare(a, b, DiffOptions.DEFAULTS, new DiffOutputs(diffPng, side, null));
        try (PngReader d = new PngReader(new ByteArrayInputStream(diffPng.toByteArray()), "diff")) {
            assertThat(d.width()).isEqualTo(40);
            assertThat(d.height()).isEqualTo(36);
            int[] row = new int[40];
            for (int y = 0; y <= 12; y++) d.row(y, row);
            assertThat(row[12]).isEqualTo(DiffPainter.CHANGED);
            int grey = row[0] & 0xff; // black faded at 0.1 over white
            assertThat(grey).isEqualTo(Yiq.fadedGrey(0xff000000, 0.1)).isGreaterThan(200);
        }
        try (PngReader s = new PngReader(new ByteArrayInputStream(side.toByteArray()), "side")) {
            assertThat(s.width()).isEqualTo(40 + DiffPainter.GUTTER + 40);
            assertThat(s.height()).isEqualTo(36);
            int[] row = new int[s.width()];
            for (int y = 0; y <= 12; y++) s.row(y, row);
            assertThat(row[12]).isEqualTo(0xff000000);
            assertThat(row[40 + DiffPainter.GUTTER + 12]).isEqualTo(0xff00ff00);
        }
    }

    /** Two 1280x20000 images (~100 MB each as ARGB) diffed with both images written: allocation stays small. */
    @Test
    void tallImages_streamInBoundedMemory() throws Exception {
        RowSource a = stripes(1280, 20_000, 0), b = stripes(1280, 20_000, 7_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        DiffResult r = VisualDiff.compare(a, b, DiffOptions.DEFAULTS, new DiffOutputs(OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), null));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(r.changedRegions()).hasSize(1);
        assertThat(r.changedRegions().getFirst().box()).isEqualTo(new Box(100, 7_000, 200, 50));
        assertThat(allocated).as("bytes allocated by the diff").isLessThan(16L * 1024 * 1024);
    }

    /** Grey bands, and in one image a 200x50 block at row {@code blockAt}; rows are computed, never stored. */
    private static RowSource stripes(int w, int h, int blockAt) {
        return new RowSource() {
            public int width() { return w; }
            public int height() { return h; }
            public void row(int y, int[] argb) {
                java.util.Arrays.fill(argb, 0, w, (y / 100) % 2 == 0 ? 0xfff0f0f0 : 0xffd0d0d0);
                if (blockAt > 0 && y >= blockAt && y < blockAt + 50) java.util.Arrays.fill(argb, 100, 300, 0xff2040c0);
            }
        };
    }

    @Test
    void result_serialisesWithFlatRegionBoxes() throws Exception {
        Pixels a = new Pixels(20, 20, WHITE);
        DiffResult r = diff(a, a.copy().fill(1, 2, 3, 4, 0xff000000), DiffOptions.builder().minRegionPixels(1).build());
        String json = Jackson.MAPPER.writeValueAsString(r);
        assertThat(json).contains("\"regions\":[{\"x\":1,\"y\":2,\"width\":3,\"height\":4,\"changedPixels\":12,\"kind\":\"changed\"}]");
    }

    @Test
    void options_nameTheFieldAtFault() {
        assertThatThrownBy(() -> DiffOptions.builder().threshold(1.5).build()).hasMessageStartingWith("threshold ");
        assertThatThrownBy(() -> DiffOptions.builder().mergeDistance(-1).build()).hasMessageStartingWith("mergeDistance ");
        assertThatThrownBy(() -> DiffOptions.builder().threshold(0.2).threshold(0.3)).hasMessageContaining("already set");
        assertThatThrownBy(() -> Box.parse("--mask", "1,2,3")).hasMessageStartingWith("--mask:");
        assertThatThrownBy(() -> Box.parse("--mask", "1,2,0,4")).hasMessageStartingWith("--mask:");
    }
}
