package io.pagelens.capture;

import io.pagelens.image.RowSource;
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
    void tiledImage_prefetchesTheNextTile_butNeverFetchesTwoAtOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxRunning = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
        int[] row = new int[4];
        try (TiledImage img = new TiledImage(4, 40, 4, i -> {
            started.incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            running.decrementAndGet();
            return new BufferedImage(4, 10, BufferedImage.TYPE_INT_ARGB);
        })) {
            img.row(0, row);
            Thread.sleep(100);
            assertThat(started.get()).as("tile 1 fetched ahead while tile 0 is read").isEqualTo(2);
            for (int y = 1; y < 40; y++) img.row(y, row);
        }
        assertThat(started.get()).isEqualTo(4);
        assertThat(maxRunning.get()).isEqualTo(1);
    }
}
