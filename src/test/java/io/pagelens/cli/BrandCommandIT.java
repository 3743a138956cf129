package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.analysis.SiteServer;
import io.pagelens.analysis.brand.BrandProfileITs;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.json.Jackson;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.server.FeatureSteps;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pagelens brand URL --json} on northwind, through the capture service and the engine with the features' steps. */
class BrandCommandIT {
    @Test
    void brandJson_printsTheProfile_andABadUrlIsBadInput() throws Exception {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BrandCommand cmd = new BrandCommand(() -> new CaptureEngine(BrowserConfig.defaults(bin, List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES)),
                CaptureSettings.DEFAULTS, b -> new FixedAdmission(1), new SimpleMeterRegistry(), new HtmlContentExtractor(), TestEgress.guard(),
                FeatureSteps.all()), new PrintStream(out, true), new PrintStream(err, true));
        try (SiteServer site = new SiteServer(BrandProfileITs.northwind())) {
            assertThat(new CommandLine(cmd).execute(site.url("/"), "--json")).as(err.toString()).isZero();
        }
        JsonNode b = Jackson.MAPPER.readTree(out.toString());
        assertThat(b.path("colors").path("primary").path("hex").asText()).isEqualToIgnoringCase("#14365D");
        assertThat(b.path("headline").path("text").asText()).isEqualTo("Turn raw data into decisions your team trusts");
        assertThat(new CommandLine(new BrandCommand(() -> { throw new AssertionError("no browser for bad input"); }, new PrintStream(out), new PrintStream(err)))
                .execute("ftp://x")).isEqualTo(2);
    }
}
