package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.json.Jackson;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.Shared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pagelens capture}, single and batch, with real Chromium. */
class CaptureCommandIT {
    static CorpusServer server;
    static final ObjectMapper JSON = Jackson.MAPPER;

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Run(int exit, String out, String err, byte[] outBytes) {
    }

    private static Run run(String... args) {
        return run(true, args);
    }

    /** Runs the command as if stderr were ({@code terminal}) or were not a terminal. */
    private static Run run(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CaptureCommand cmd = new CaptureCommand(() -> new CaptureEngine(
                BrowserConfig.defaults(BrowserConfig.HEADLESS_SHELL, List.of("--host-resolver-rules=" + io.pagelens.testing.TestEgress.RESOLVER_RULES)),
                CaptureSettings.DEFAULTS, new FixedAdmission(2), new SimpleMeterRegistry(), new HtmlContentExtractor(),
                io.pagelens.testing.TestEgress.guard()), o, e);
        cmd.terminal = () -> terminal;
        int exit = new CommandLine(cmd).setErr(new java.io.PrintWriter(e, true)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void single_writesScreenshotHtmlAndReport(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("out.png");
        Run r = run(server.url("blog/index.html"), "-o", png.toString(), "--html", dir.resolve("page.html").toString(),
                "--json", dir.resolve("report.json").toString(), "--format", "screenshot,markdown,links", "--width", "1000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1000);
        assertThat(Files.readString(dir.resolve("page.html"))).contains("Clean Blog");
        assertThat(Files.readString(dir.resolve("out.md"))).contains("Clean Blog");
        assertThat(Files.readString(dir.resolve("out.links.json"))).contains("about.html");
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("report").path("httpStatus").asInt()).isEqualTo(200);
        assertThat(r.out()).contains(png.toString());
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(p -> p.toString().endsWith(".part"));
        }
    }

    @Test
    void single_badInput_exitsTwoWithTheField(@TempDir Path dir) {
        Run r = run("ftp://example.com/", "-o", dir.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("URL: ").contains("http or https");
        Run q = run(server.url("blog/index.html"), "--type", "png", "--quality", "50");
        assertThat(q.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(q.err()).contains("quality");
        Run none = run();
        assertThat(none.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
    }

    @Test
    void single_failedCapture_exitsOneWithTheReason_andLeavesNoFile(@TempDir Path dir) {
        Path png = dir.resolve("x.png");
        Run r = run(server.url("no/such.html"), "-o", png.toString());
        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_FAILED);
        assertThat(r.err()).contains("http_error").contains("404");
        assertThat(png).doesNotExist();
    }

    @Test
    void batch_fromUrlsFile_writesNumberedFiles_andSummarisesFailures(@TempDir Path dir) throws Exception {
        List<String> pages = Files.readAllLines(Shared.corpus().resolve("pages.txt")).subList(0, 6);
        List<String> lines = new ArrayList<>();
        for (String p : pages) lines.add(server.url(p));
        lines.add("");
        lines.add("http://unresolvable.invalid/");
        lines.add("not a url");
        Path list = dir.resolve("urls.txt");
        Files.write(list, lines);
        Path out = dir.resolve("out");

        Run r = run("--urls", list.toString(), "--out-dir", out.toString());

        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_FAILED);
        for (int n = 1; n <= 6; n++) {
            assertThat(ImageIO.read(out.resolve(n + ".png").toFile()).getHeight()).isEqualTo(800);
            assertThat(JSON.readTree(out.resolve(n + ".json").toFile()).path("ok").asBoolean()).isTrue();
        }
        assertThat(out.resolve("7.json")).doesNotExist(); // line 7 is blank
        assertThat(JSON.readTree(out.resolve("8.json").toFile()).path("error").asText()).isEqualTo("dns_failure");
        assertThat(JSON.readTree(out.resolve("9.json").toFile()).path("error").asText()).isEqualTo("invalid_value");
        assertThat(out.resolve("8.png")).doesNotExist();
        assertThat(r.err()).contains("captured 6/8").contains("2 failed").contains("8 http://unresolvable.invalid/")
                .contains("8/8"); // the progress bar reached the end
    }

    @Test
    void dashAsOutput_writesTheScreenshotToStdout_andDashAsJson_theReport(@TempDir Path dir) throws Exception {
        Run png = run(server.url("blog/index.html"), "-o", "-", "--html", dir.resolve("page.html").toString());
        assertThat(png.exit()).as(png.err()).isZero();
        assertThat(png.outBytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png.outBytes())).getWidth()).isEqualTo(1280);
        assertThat(Files.readString(dir.resolve("page.html"))).contains("Clean Blog");
        assertThat(dir.resolve("-")).doesNotExist();

        Run md = run(server.url("blog/index.html"), "--format", "markdown", "-o", "-");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("Clean Blog").doesNotContain("capture.md");

        Run report = run(server.url("blog/index.html"), "-o", dir.resolve("x.png").toString(), "--json", "-");
        assertThat(report.exit()).as(report.err()).isZero();
        JsonNode n = JSON.readTree(report.out());
        assertThat(n.path("ok").asBoolean()).isTrue();
        assertThat(dir.resolve("-")).doesNotExist();

        Run both = run(server.url("blog/index.html"), "-o", "-", "--json", "-");
        assertThat(both.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(both.err()).contains("--json");
        Run orphan = run(server.url("blog/index.html"), "-o", "-", "--format", "screenshot,text");
        assertThat(orphan.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(orphan.err()).contains("-o: ").contains("text needs a file of its own");
    }

    @Test
    void progressBar_isDrawnOnlyOnATerminal_andNotWithNoProgress(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("urls.txt");
        Files.write(list, List.of(server.url("blog/index.html"), server.url("blog/about.html")));
        Run tty = run(true, "--urls", list.toString(), "--out-dir", dir.resolve("a").toString());
        assertThat(tty.err()).contains("[").contains("2/2").contains("captured 2/2");
        Run pipe = run(false, "--urls", list.toString(), "--out-dir", dir.resolve("b").toString());
        assertThat(pipe.err()).contains("captured 2/2").doesNotContain("#").doesNotContain("\r");
        Run off = run(true, "--urls", list.toString(), "--out-dir", dir.resolve("c").toString(), "--no-progress");
        assertThat(off.err()).contains("captured 2/2").doesNotContain("\r");
    }

    @Test
    void batch_withoutOutDir_isBadInput() {
        Run r = run(server.url("blog/index.html"), server.url("blog/about.html"));
        assertThat(r.exit()).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--out-dir");
    }
}
