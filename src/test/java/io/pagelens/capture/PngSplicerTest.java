package io.pagelens.capture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PngSplicerTest {

    /** ImageIO's PNG writer picks adaptive filters (Paeth, Average, Up...) per row, so every first-row case runs. */
    @ParameterizedTest
    @CsvSource({"rgb,97,40,30", "rgba,64,33,33", "rgb,50,7,100", "rgba,31,1,5"})
    void splice_isPixelExact(String kind, int width, int height, int tileHeight) throws IOException {
        boolean alpha = kind.equals("rgba");
        BufferedImage whole = pattern(width, height, alpha);
        byte[] joined = splice(whole, tileHeight, height);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(joined)), whole, alpha);
    }

    /** Tiles encoded the way Chromium's fast PNG encoder does: Up on every row, zlib level 1 ending in a sync flush. */
    @ParameterizedTest
    @CsvSource({"rgb,97,400,30", "rgba,64,330,33", "rgb,1280,300,72", "rgb,50,7,100"})
    void chromiumShapedTiles_areCopied_notRecompressed_andPixelExact(String kind, int width, int height, int tileHeight) throws IOException {
        boolean alpha = kind.equals("rgba");
        BufferedImage whole = pattern(width, height, alpha);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngSplicer s = new PngSplicer(out, width, height, Deflater.BEST_SPEED);
        int tiles = 0;
        for (int y = 0; y < height; y += tileHeight, tiles++) {
            byte[] tile = chromiumTile(whole.getSubimage(0, y, width, Math.min(tileHeight, height - y)), alpha);
            s.add(tile, tile.length);
        }
        s.finish();
        assertThat(s.copiedTiles()).isEqualTo(tiles);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(out.toByteArray())), whole, alpha);
    }

    /** The first row's filter decides whether a tile can be copied: Average against a zero row cannot. */
    @ParameterizedTest
    @CsvSource({"0,true", "1,true", "2,true", "3,false", "4,true"})
    void firstRowFilter_isMappedOrTheTileRecompressed(int filter, boolean copies) throws IOException {
        BufferedImage whole = pattern(120, 90, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngSplicer s = new PngSplicer(out, 120, 90, Deflater.BEST_SPEED);
        for (int y = 0; y < 90; y += 30) {
            byte[] tile = chromiumTile(whole.getSubimage(0, y, 120, 30), false, filter);
            s.add(tile, tile.length);
        }
        s.finish();
        assertThat(s.copiedTiles()).isEqualTo(copies ? 3 : 0);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(out.toByteArray())), whole, false);
    }

    @Test
    void rowsPastTheAnnouncedHeight_areDropped() throws IOException {
        BufferedImage whole = pattern(20, 30, false);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(splice(whole, 10, 25)));
        assertThat(back.getHeight()).isEqualTo(25);
        assertThat(back.getRGB(5, 24)).isEqualTo(whole.getRGB(5, 24));
    }

    @Test
    void missingRows_repeatTheLastRow() throws IOException {
        BufferedImage whole = pattern(20, 30, false);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(splice(whole, 10, 33)));
        assertThat(back.getHeight()).isEqualTo(33);
        for (int y = 30; y < 33; y++) assertThat(back.getRGB(7, y)).isEqualTo(whole.getRGB(7, 29));
    }

    @Test
    void tileOfAnotherWidth_isRefused() throws IOException {
        PngSplicer s = new PngSplicer(new ByteArrayOutputStream(), 21, 10, 1);
        byte[] tile = png(pattern(20, 10, false));
        assertThatThrownBy(() -> s.add(tile, tile.length)).hasMessageContaining("20 px wide, expected 21");
    }

    @Test
    void notAPng_isRefused() {
        PngSplicer s = new PngSplicer(new ByteArrayOutputStream(), 20, 10, 1);
        byte[] junk = "GIF89a not a png at all".getBytes();
        assertThatThrownBy(() -> s.add(junk, junk.length)).hasMessageContaining("not a PNG");
    }

    @Test
    void averageFilter_firstRow_usesHalfTheLeftByte() {
        byte[] row = {3, 10, 20, 30, 1, 2, 3}; // Average, bpp 3: second pixel adds half the first
        io.pagelens.image.PngFilters.unfilterAgainstZeroRow(row, 3);
        assertThat(row).containsExactly(0, 10, 20, 30, 1 + 5, 2 + 10, 3 + 15);
    }

    private static void assertSamePixels(BufferedImage back, BufferedImage whole, boolean alpha) {
        assertThat(back.getWidth()).isEqualTo(whole.getWidth());
        assertThat(back.getHeight()).isEqualTo(whole.getHeight());
        for (int y = 0; y < whole.getHeight(); y++) {
            for (int x = 0; x < whole.getWidth(); x++) {
                int expected = whole.getRGB(x, y), actual = back.getRGB(x, y);
                if (!alpha) { expected |= 0xff000000; actual |= 0xff000000; }
                assertThat(actual).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
    }

    static byte[] chromiumTile(BufferedImage img, boolean alpha) throws IOException {
        return chromiumTile(img, alpha, 2);
    }

    /** A PNG of {@code img}: its first row filtered with {@code firstFilter}, the rest Up, in 4 KB IDAT chunks. */
    static byte[] chromiumTile(BufferedImage img, boolean alpha, int firstFilter) throws IOException {
        int w = img.getWidth(), h = img.getHeight(), bpp = alpha ? 4 : 3, stride = 1 + w * bpp;
        byte[] raw = new byte[h * stride];
        byte[] prev = new byte[w * bpp];
        for (int y = 0; y < h; y++) {
            byte[] cur = new byte[w * bpp];
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                cur[x * bpp] = (byte) (p >>> 16);
                cur[x * bpp + 1] = (byte) (p >>> 8);
                cur[x * bpp + 2] = (byte) p;
                if (alpha) cur[x * bpp + 3] = (byte) (p >>> 24);
            }
            int f = y == 0 ? firstFilter : 2;
            raw[y * stride] = (byte) f;
            for (int i = 0; i < cur.length; i++) {
                int left = i >= bpp ? cur[i - bpp] & 0xff : 0, up = prev[i] & 0xff, ul = i >= bpp ? prev[i - bpp] & 0xff : 0;
                int pred = switch (f) {
                    case 0 -> 0;
                    case 1 -> left;
                    case 2 -> up;
                    case 3 -> (left + up) >>> 1;
                    default -> paeth(left, up, ul);
                };
                raw[y * stride + 1 + i] = (byte) (cur[i] - pred);
            }
            prev = cur;
        }
        byte[] z = io.pagelens.image.ZlibJoinerTest.syncFlushed(raw, 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        io.pagelens.image.PngChunkWriter c = new io.pagelens.image.PngChunkWriter(b);
        c.header(w, h, 8, alpha ? 6 : 2);
        for (int off = 0; off < z.length; off += 4096) {
            byte[] part = java.util.Arrays.copyOfRange(z, off, Math.min(z.length, off + 4096));
            c.chunk("IDAT", part, part.length);
        }
        c.end();
        return b.toByteArray();
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] splice(BufferedImage whole, int tileHeight, int announced) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngSplicer s = new PngSplicer(out, whole.getWidth(), announced, Deflater.BEST_SPEED);
        for (int y = 0; y < whole.getHeight(); y += tileHeight) {
            byte[] tile = png(whole.getSubimage(0, y, whole.getWidth(), Math.min(tileHeight, whole.getHeight() - y)));
            s.add(tile, tile.length);
        }
        long n = s.finish();
        assertThat(n).isEqualTo(out.size());
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage img) throws IOException {
        // copy the pixels, not drawImage: compositing would round colours under low alpha
        int w = img.getWidth(), h = img.getHeight();
        BufferedImage copy = new BufferedImage(w, h, img.getType());
        copy.setRGB(0, 0, w, h, img.getRGB(0, 0, w, h, null, 0, w), 0, w);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(copy, "png", b);
        return b.toByteArray();
    }

    /** Gradients, noise and flat runs, so the encoder uses several filter types. */
    private static BufferedImage pattern(int w, int h, boolean alpha) {
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random r = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = alpha ? (x * 7 + y) & 0xff : 0xff;
                int c = switch ((y / 3) % 3) {
                    case 0 -> (x * 5) << 16 | (y * 3) << 8 | (x + y);
                    case 1 -> r.nextInt(0x1000000);
                    default -> 0x336699;
                };
                img.setRGB(x, y, a << 24 | (c & 0xffffff));
            }
        }
        return img;
    }
}
