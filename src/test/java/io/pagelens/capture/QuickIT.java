package io.pagelens.capture;

import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.util.Set;

class QuickIT {
    @Test
    void quick() throws Exception {
        try (CorpusServer server = new CorpusServer(); CaptureEngine engine = Engines.engine(null)) {
            for (int i = 0; i < 3; i++) {
                Engines.MemorySink sink = new Engines.MemorySink();
                long t = System.nanoTime();
                CaptureResult r = engine.capture(CaptureRequest.builder(server.url("blog/index.html")).formats(Set.of(Format.SCREENSHOT, Format.HTML)).build(), sink);
                System.out.println("ms=" + (System.nanoTime() - t) / 1_000_000 + " " + r.report());
                var img = ImageIO.read(new ByteArrayInputStream(sink.bytes(Format.SCREENSHOT)));
                System.out.println(img.getWidth() + "x" + img.getHeight() + " html=" + sink.text(Format.HTML).length());
            }
            Engines.MemorySink sink = new Engines.MemorySink();
            long t = System.nanoTime();
            CaptureResult r = engine.capture(CaptureRequest.builder(server.url("articles/quanta-1/")).fullPage(true).build(), sink);
            System.out.println("full ms=" + (System.nanoTime() - t) / 1_000_000 + " " + r.report());
            var img = ImageIO.read(new ByteArrayInputStream(sink.bytes(Format.SCREENSHOT)));
            System.out.println(img.getWidth() + "x" + img.getHeight());
        }
    }
}
