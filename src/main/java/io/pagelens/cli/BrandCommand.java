package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code pagelens brand URL [--json]}: the brand profile of a page (docs/analysis.md), from one capture of its first
 * viewport with the brand step and a stable render, through the same capture service and engine as every capture
 * (egress guard included). Nothing is stored.
 */
@Command(name = "brand", mixinStandardHelpOptions = true,
        description = {"Print the brand profile of a page: colours by role, fonts, typography, buttons, logo, headline, CTAs.",
                "Exit status: 0 done, 1 the capture failed, 2 bad input."})
public final class BrandCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "the page (http or https)")
    String url;

    @Option(names = "--json", description = "print the whole profile as JSON (default: a summary)")
    boolean json;

    private final Supplier<CaptureEngine> engines;
    private final PrintStream out;
    private final PrintStream err;

    public BrandCommand() {
        this(CaptureCommand::governedEngine, System.out, System.err);
    }

    BrandCommand(Supplier<CaptureEngine> engines, PrintStream out, PrintStream err) {
        this.engines = engines;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        CaptureOrder order;
        try {
            var spec = Jackson.MAPPER.createObjectNode().put("url", url);
            spec.putArray("formats").add("screenshot");
            spec.putObject("analysis").put("brand", true).put("stableRender", true);
            order = CaptureOrder.from(Jackson.STRICT.treeToValue(spec, CaptureSpec.class)).storing(CaptureOrder.Storing.WITH_PROJECT).build();
        } catch (InvalidRequestException e) {
            err.println("error: " + FlagNames.message(e));
            return CaptureCommand.EXIT_BAD_INPUT;
        }
        try (LazyEngine engine = new LazyEngine(engines)) {
            CaptureService service = new CaptureService(engine, CaptureArchive.NONE, Clock.systemUTC());
            CaptureOutcome done = service.run(order, new NullSink(), step -> { });
            JsonNode brand = Jackson.MAPPER.valueToTree(done.result().report().steps().get("brand"));
            if (json) {
                out.println(Jackson.PRETTY.writeValueAsString(brand));
            } else {
                summary(brand);
            }
            return 0;
        } catch (CaptureException e) {
            err.println("error: " + e.error().code() + ": " + e.getMessage());
            return CaptureCommand.EXIT_FAILED;
        }
    }

    private void summary(JsonNode b) {
        out.println("colorScheme  " + b.path("colorScheme").asText());
        b.path("colors").fields().forEachRemaining(e -> out.println(String.format("%-13s%s", e.getKey(), e.getValue().path("hex").asText())));
        for (JsonNode f : b.path("fonts")) out.println("font         " + f.path("family").asText() + " " + f.path("roles") + " " + f.path("status").asText());
        out.println("headline     " + b.path("headline").path("text").asText());
        if (b.path("ctas").size() > 0) out.println("primary CTA  " + b.path("ctas").get(0).path("text").asText() + " " + b.path("ctas").get(0).path("background").asText());
        out.println("logo         " + b.path("images").path("logo").path("url").asText(""));
    }

    /** The viewport screenshot the brand step needs is taken; its file is not kept. */
    private static final class NullSink implements ArtifactSink {
        @Override
        public OutputStream open(io.pagelens.capture.Format format, String contentType) {
            return OutputStream.nullOutputStream();
        }

        @Override
        public void discard() {
        }
    }
}
