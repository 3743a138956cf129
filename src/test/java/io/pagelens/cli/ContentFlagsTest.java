package io.pagelens.cli;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.content.ContentOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The content flags reach a capture request too, not only {@code pagelens markdown}. */
class ContentFlagsTest {
    private static CaptureCommand parseCapture(String... args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (CaptureCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void captureFlags_becomeTheRequestsContentOptions() {
        CaptureCommand cmd = parseCapture("capture", "https://example.com/", "--format", "markdown",
                "--only-main-content", "--exclude-tags", ".ad,nav", "--heading-style", "setext", "--link-style", "referenced");
        CaptureRequest request = cmd.order("https://example.com/").request();
        ContentOptions content = request.content();
        assertThat(content.onlyMainContent()).isTrue();
        assertThat(content.excludeTags()).isEqualTo(List.of(".ad", "nav"));
        assertThat(content.markdown().headingStyle()).isEqualTo("setext");
        assertThat(content.markdown().linkStyle()).isEqualTo("referenced");
    }

    @Test
    void badMarkdownFlag_namesTheOption() {
        CaptureCommand cmd = parseCapture("capture", "https://example.com/", "--fence", "'''");
        assertThatThrownBy(() -> cmd.order("https://example.com/"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("markdown.fence");
                    assertThat(FlagNames.message(e)).startsWith("--fence: ''''' is not one of");
                });
    }
}
