package io.pagelens.clean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.capture.Deadline;
import io.pagelens.capture.Format;
import io.pagelens.capture.PageStepFactory;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.egress.EgressGuard;
import io.pagelens.egress.EgressSettings;
import io.pagelens.egress.HostResolverRules;
import io.pagelens.egress.Resolver;
import io.pagelens.json.Jackson;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.testing.TestEgress;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A real engine with the cleaning steps (scripts allowed unless asked otherwise), behind the tests' egress guard; names
 * in {@code extraHosts} resolve to 127.0.0.1 for Chromium and the guard alike (so a "third-party" ad host is served
 * by the test's own server and nothing leaves the machine).
 */
final class CleanHarness implements AutoCloseable {
    final CaptureEngine engine;

    CleanHarness(boolean allowScripts, String... extraHosts) {
        StringBuilder rules = new StringBuilder();
        StringBuilder allow = new StringBuilder(TestEgress.ALLOW_HOSTS);
        for (String h : extraHosts) {
            rules.append("MAP ").append(h).append(" 127.0.0.1 , ");
            allow.append(',').append(h);
        }
        rules.append(TestEgress.RESOLVER_RULES);
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        BrowserConfig browser = BrowserConfig.defaults(bin, List.of("--host-resolver-rules=" + rules));
        EgressGuard guard = EgressGuard.start(EgressSettings.allowing(allow.toString()),
                HostResolverRules.parse("test", rules.toString(), Resolver.system()), null);
        PageStepFactory steps = PageStepFactory.STANDARD.and(new CleanSteps(new CleanSettings(allowScripts)));
        engine = new CaptureEngine(browser, CaptureSettings.DEFAULTS, b -> new FixedAdmission(1), new SimpleMeterRegistry(),
                new HtmlContentExtractor(), guard, steps);
    }

    /** Captures the order a capture body makes (so the API's validation is part of every test). */
    Result capture(String bodyJson) throws Exception {
        CaptureSpec spec = Jackson.STRICT.forType(CaptureSpec.class).readValue(bodyJson);
        CaptureRequest request = CaptureOrder.from(spec).storing(CaptureOrder.Storing.WITH_PROJECT).build().request();
        MemorySink sink = new MemorySink();
        CaptureResult r = engine.capture(request, sink, Deadline.after(Duration.ofSeconds(60)));
        return new Result(r, sink.outputs);
    }

    record Result(CaptureResult result, Map<Format, ByteArrayOutputStream> outputs) {
        String html() {
            return outputs.get(Format.HTML).toString(StandardCharsets.UTF_8);
        }

        byte[] screenshot() {
            return outputs.get(Format.SCREENSHOT).toByteArray();
        }

        /** A step's report entry as JSON, for path assertions. */
        com.fasterxml.jackson.databind.JsonNode step(String key) {
            return Jackson.MAPPER.valueToTree(result.report().steps().get(key));
        }
    }

    static final class MemorySink implements ArtifactSink {
        final Map<Format, ByteArrayOutputStream> outputs = new EnumMap<>(Format.class);

        @Override
        public synchronized OutputStream open(Format format, String contentType) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            outputs.put(format, b);
            return b;
        }

        @Override
        public synchronized void discard() {
            outputs.clear();
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
