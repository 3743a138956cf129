package io.pagelens.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownscalerTest {
    /** A procedural image (never held whole): red in the left half, blue in the right, green rows from 1000 on. */
    record Bands(int width, int height, AtomicInteger rowsRead) implements RowSource {
        @Override
        public void row(int y, int[] argb) {
            rowsRead.incrementAndGet();
            for (int x = 0; x < width; x++) argb[x] = y >= 1000 ? 0xff00ff00 : x < width / 2 ? 0xffff0000 : 0xff0000ff;
        }
    }

    @Test
    void averagesBoxes_andCutsTheBand() throws IOException {
        Bands src = new Bands(1280, 20_000, new AtomicInteger());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downscaler.write(src, 0, 960, 320, out);
        try (PngReader png = new PngReader(new ByteArrayInputStream(out.toByteArray()), "thumb")) {
            assertThat(png.width()).isEqualTo(320);
            assertThat(png.height()).isEqualTo(240);
            int[] row = new int[320];
            png.row(0, row);
            assertThat(row[0]).isEqualTo(0xffff0000);
            assertThat(row[319]).isEqualTo(0xff0000ff);
        }
        // only the rows of the band were read, not the 20,000 of the image
        assertThat(src.rowsRead().get()).isEqualTo(960);
    }

    @Test
    void aLowerBand_skipsTheRowsAbove_andMixesAcrossAnEdge() throws IOException {
        Bands src = new Bands(100, 3000, new AtomicInteger());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downscaler.write(src, 998, 4, 50, out); // rows 998-999 red/blue, 1000-1001 green: one output row of 50 px is 2 tall -> 2 rows
        try (PngReader png = new PngReader(new ByteArrayInputStream(out.toByteArray()), "tile")) {
            assertThat(png.width()).isEqualTo(50);
            assertThat(png.height()).isEqualTo(2);
            int[] row = new int[50];
            png.row(0, row);
            assertThat(row[0]).isEqualTo(0xffff0000);
            png.row(1, row);
            assertThat(row[0]).isEqualTo(0xff00ff00);
        }
    }

    @Test
    void neverScalesUp_andRefusesAnEmptyBand() throws IOException {
        Bands src = new Bands(200, 100, new AtomicInteger());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Downscaler.write(src, 0, 5000, 800, out);
        try (PngReader png = new PngReader(new ByteArrayInputStream(out.toByteArray()), "same")) {
            assertThat(png.width()).isEqualTo(200);
            assertThat(png.height()).isEqualTo(100);
        }
        assertThatThrownBy(() -> Downscaler.write(src, 100, 10, 50, new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
    }
}
