package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.content.ContentExtractor;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.TestEgress;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test helpers: an engine on the default Chromium with the closed-network flags behind the tests' egress guard
 * ({@link TestEgress}: 127.0.0.1 allowed), and an in-memory sink.
 */
public final class Engines {
    static final List<String> TEST_ARGS = List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES);

    private Engines() {
    }

    static BrowserConfig browserConfig() {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        return BrowserConfig.defaults(bin, TEST_ARGS);
    }

    public static CaptureEngine engine(ContentExtractor extractor) {
        return new CaptureEngine(browserConfig(), CaptureSettings.DEFAULTS, new FixedAdmission(2), new SimpleMeterRegistry(), extractor,
                TestEgress.guard());
    }

    /** Keeps every artifact in memory; fine for tests. */
    static final class MemorySink implements ArtifactSink {
        final Map<Format, ByteArrayOutputStream> outputs = new EnumMap<>(Format.class);
        final List<Format> opened = new ArrayList<>();
        boolean discarded;

        @Override
        public synchronized OutputStream open(Format format, String contentType) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            outputs.put(format, b);
            opened.add(format);
            return b;
        }

        @Override
        public synchronized void discard() {
            discarded = true;
            outputs.clear();
        }

        byte[] bytes(Format f) {
            ByteArrayOutputStream b = outputs.get(f);
            return b == null ? null : b.toByteArray();
        }

        String text(Format f) {
            return new String(bytes(f), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
