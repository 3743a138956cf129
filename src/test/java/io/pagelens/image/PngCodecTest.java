package io.pagelens.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming PNG reader and writer against the JDK's ImageIO, both ways. */
class PngCodecTest {
    /** ImageIO writes each of these types as a different PNG colour type / bit depth. */
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED})
    void reader_decodesWhatImageIoWrote_pixelForPixel(int type) throws IOException {
        BufferedImage src = pattern(53, 41, type);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(src, "png", png);
        BufferedImage expected = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        try (PngReader r = new PngReader(new ByteArrayInputStream(png.toByteArray()), "test.png")) {
            assertThat(r.width()).isEqualTo(53);
            assertThat(r.height()).isEqualTo(41);
            int[] row = new int[53];
            for (int y = 0; y < 41; y++) {
                r.row(y, row);
                for (int x = 0; x < 53; x++) {
                    assertThat(Integer.toHexString(row[x])).as("pixel %d,%d", x, y).isEqualTo(Integer.toHexString(argbOf(expected, x, y, type)));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writer_producesWhatImageIoReads(boolean alpha) throws IOException {
        BufferedImage src = pattern(97, 60, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n;
        try (PngWriter w = new PngWriter(out, 97, 60, alpha, 6)) {
            int[] row = new int[97];
            for (int y = 0; y < 60; y++) {
                src.getRGB(0, y, 97, 1, row, 0, 97);
                w.row(row);
            }
            n = w.finish();
        }
        assertThat(n).isEqualTo(out.size());
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 97; x++) {
                int e = src.getRGB(x, y), a = back.getRGB(x, y);
                if (!alpha) e |= 0xff000000;
                assertThat(a).as("pixel %d,%d", x, y).isEqualTo(e);
            }
        }
    }

    @Test
    void truncatedImage_isAnErrorNamingTheInput() throws IOException {
        byte[] png = encode(pattern(40, 400, BufferedImage.TYPE_INT_RGB));
        byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> {
            try (PngReader r = new PngReader(new ByteArrayInputStream(cut), "cut.png")) {
                int[] row = new int[40];
                for (int y = 0; y < 400; y++) r.row(y, row);
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("cut.png");
    }

    @Test
    void corruptChunk_failsItsCrc() throws IOException {
        byte[] png = encode(pattern(10, 10, BufferedImage.TYPE_INT_RGB));
        png[20] ^= 0x01; // inside IHDR's data
        assertThatThrownBy(() -> new PngReader(new ByteArrayInputStream(png), "bad.png").close())
                .hasMessageContaining("bad.png").hasMessageContaining("CRC");
    }

    @Test
    void notAPng_isRefused() {
        assertThatThrownBy(() -> new PngReader(new ByteArrayInputStream("GIF89a....".getBytes()), "a.gif"))
                .hasMessage("a.gif is not a PNG");
    }

    @Test
    void filters_roundTrip_everyType() {
        Random r = new Random(3);
        byte[] prev = new byte[1 + 30];
        byte[] raw = new byte[1 + 30];
        r.nextBytes(prev);
        r.nextBytes(raw);
        byte[][] work = new byte[4][31];
        byte[] f = PngFilters.filter(raw, prev, 3, work).clone();
        PngFilters.unfilter(f, prev, 3);
        for (int i = 1; i < 31; i++) assertThat(f[i]).isEqualTo(raw[i]);
        for (int type : new int[]{0, 1, 2, 3, 4}) {
            byte[] row = raw.clone();
            row[0] = (byte) type;
            PngFilters.unfilter(row, null, 3);
            assertThat(row[0]).isZero();
        }
    }

    private static int argbOf(BufferedImage img, int x, int y, int type) {
        if (type == BufferedImage.TYPE_USHORT_GRAY) { // ImageIO's getRGB converts 16-bit grey through a colour space
            int v = img.getRaster().getSample(x, y, 0) >>> 8;
            return 0xff000000 | v << 16 | v << 8 | v;
        }
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
            int v = img.getRaster().getSample(x, y, 0);
            return 0xff000000 | v << 16 | v << 8 | v;
        }
        return img.getRGB(x, y);
    }

    private static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    static BufferedImage pattern(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = (x * 9 + y * 3) & 0xff;
                int c = switch ((y / 4) % 3) {
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
