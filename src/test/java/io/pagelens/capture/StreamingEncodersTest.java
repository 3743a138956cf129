package io.pagelens.capture;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingEncodersTest {
    /** A test pattern: noisy colour from x and y (so it does not compress away), alpha from y. */
    private static int pixel(int x, int y) {
        int a = 255 - (y % 200);
        int noise = (x * 73_856_093) ^ (y * 19_349_663);
        noise *= 0x9E3779B1;
        return (a << 24) | (noise >>> 8 & 0xffffff);
    }

    private static RowSource pattern(int w, int h) {
        return new RowSource() {
            int last = -1;

            @Override
            public int width() {
                return w;
            }

            @Override
            public int height() {
                return h;
            }

            @Override
            public void row(int y, int[] argb) {
                assertThat(y).as("rows in order").isGreaterThan(last);
                last = y;
                for (int x = 0; x < w; x++) argb[x] = pixel(x, y);
            }
        };
    }

    @Test
    void png_rgb_decodesBackToTheSamePixels() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = PngStreamWriter.write(pattern(301, 1203), out, false, 6);
        assertThat(n).isEqualTo(out.size());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(img.getWidth()).isEqualTo(301);
        assertThat(img.getHeight()).isEqualTo(1203);
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        for (int y = 0; y < 1203; y += 37) {
            for (int x = 0; x < 301; x += 13) {
                assertThat(img.getRGB(x, y) & 0xffffff).isEqualTo(pixel(x, y) & 0xffffff);
            }
        }
    }

    @Test
    void png_rgba_keepsAlpha_andSpansManyIdatChunks() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngStreamWriter.write(pattern(640, 900), out, true, 1);
        assertThat(out.size()).isGreaterThan(2 * PngStreamWriter.CHUNK);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(5, 450)).isEqualTo(pixel(5, 450));
        assertThat(img.getRGB(639, 899)).isEqualTo(pixel(639, 899));
    }

    @Test
    void jpeg_hasTheSizeAndRoughlyTheColours() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSource flat = new RowSource() {
            public int width() { return 400; }
            public int height() { return 5000; }
            public void row(int y, int[] argb) {
                java.util.Arrays.fill(argb, y < 2500 ? 0xffff0000 : 0xff0000ff);
            }
        };
        JpegStreamWriter.write(flat, out, 90);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(5000);
        int top = img.getRGB(200, 100);
        int bottom = img.getRGB(200, 4900);
        assertThat((top >> 16) & 0xff).isGreaterThan(200);
        assertThat(bottom & 0xff).isGreaterThan(200);
    }

    @Test
    void tiledImage_fetchesEachTileOnce_inOrder_andPadsRounding() throws Exception {
        List<Integer> fetched = new ArrayList<>();
        // three tiles of 10, 10 and 4 rows, announced height 25: the last row repeats once
        TiledImage img = new TiledImage(3, 25, 3, i -> {
            fetched.add(i);
            int h = i < 2 ? 10 : 4;
            BufferedImage t = new BufferedImage(3, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) for (int x = 0; x < 3; x++) t.setRGB(x, y, 0xff000000 | (i * 100 + y));
            return t;
        });
        int[] row = new int[3];
        List<Integer> firstColumn = new ArrayList<>();
        for (int y = 0; y < 25; y++) {
            img.row(y, row);
            firstColumn.add(row[0] & 0xffffff);
        }
        assertThat(fetched).containsExactly(0, 1, 2);
        assertThat(firstColumn.subList(8, 12)).containsExactly(8, 9, 100, 101);
        assertThat(firstColumn.subList(22, 25)).containsExactly(202, 203, 203);
    }

    @Test
    void png_rejectsEmptyImage() {
        assertThatThrownBy(() -> PngStreamWriter.write(pattern(0, 10), new ByteArrayOutputStream(), false, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
