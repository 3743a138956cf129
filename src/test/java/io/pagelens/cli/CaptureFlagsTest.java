package io.pagelens.cli;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capture flags are the API's capture spec: one builder, one validation, the same order and key. */
class CaptureFlagsTest {
    static CaptureCommand parse(String... args) {
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args);
        return (CaptureCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void flags_andTheEquivalentApiBody_makeTheSameOrder() throws Exception {
        CaptureOrder cli = parse("capture", "https://example.com/a", "--project", "demo", "--page-type", "home",
                "--format", "screenshot,html", "--width", "1000", "--type", "jpeg", "--quality", "70", "--full-page",
                "--header", "X-Token: s3cr3t-XYZ", "--cookie", "sid=abc", "--max-age", "1h", "--delay", "100",
                "--heading-style", "setext").order("https://example.com/a");
        CaptureSpec body = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/a", "projectId": "demo", "pageType": "home", "formats": ["screenshot", "html"],
                 "viewport": {"width": 1000}, "format": "jpeg", "quality": 70, "fullPage": true,
                 "headers": {"X-Token": "s3cr3t-XYZ"}, "cookies": [{"name": "sid", "value": "abc"}], "maxAge": 3600000,
                 "delay": 100, "markdown": {"headingStyle": "setext"}}""");
        CaptureOrder api = CaptureOrder.from(body).build();
        assertThat(cli.request()).isEqualTo(api.request());
        assertThat(cli.key()).isEqualTo(api.key());
        assertThat(cli.options()).isEqualTo(api.options());
        assertThat(cli.maxAge()).isEqualTo(api.maxAge());
    }

    @Test
    void noProject_isNotStored() {
        assertThat(parse("capture", "https://example.com/").order("https://example.com/").stores()).isFalse();
    }

    @Test
    void errors_nameTheFlag_andNeverTheHeaderValue() {
        assertThat(message("capture", "https://example.com/", "--page-type", "home")).isEqualTo("--page-type: needs --project (captures are stored per project)");
        assertThat(message("capture", "https://example.com/", "--width", "50")).startsWith("--width/--height: ");
        assertThat(message("capture", "https://example.com/", "--quality", "50")).startsWith("--quality: applies to jpeg and webp only");
        assertThat(message("capture", "https://example.com/", "--full-page", "--clip", "0,0,10,10")).isEqualTo(
                "--full-page: cannot be combined with --selector or --clip");
        assertThat(message("capture", "https://example.com/", "--project", "demo", "--max-age", "soon")).startsWith("--max-age: must be a duration");
        assertThat(message("capture", "https://example.com/", "--header", "Authorization s3cr3t-XYZ")).startsWith("--header: ")
                .doesNotContain("s3cr3t");
        assertThat(message("capture", "https://example.com/", "--cookie", "s3cr3t-XYZ")).startsWith("--cookie: ").doesNotContain("s3cr3t");
    }

    private static String message(String... args) {
        try {
            parse(args).order(args[1]);
        } catch (InvalidRequestException e) {
            return FlagNames.message(e);
        }
        throw new AssertionError("no error for " + String.join(" ", args));
    }
}
