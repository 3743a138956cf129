package io.pagelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void markdown_convertsAFileWithBaseUrlAndOptions(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<nav><a href=/>Home</a></nav><article><h1>Title</h1><p>Read <a href=more.html>more</a>.</p>"
                + "<ul><li>x</li></ul></article>");
        Run r = run("markdown", "--input", page.toString(), "--base-url", "https://example.com/docs/",
                "--heading-style", "setext", "--bullet-list-marker", "*", "--exclude-tags", "nav");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Title\n=====\n\nRead [more](https://example.com/docs/more.html).\n\n*   x\n");
    }

    @Test
    void markdown_jsonOutputHoldsLinksAndMetadata(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<title>T</title><a href=/x>X</a>");
        Run r = run("markdown", "--input", page.toString(), "--base-url", "https://example.com/", "--output", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"url\" : \"https://example.com/x\"").contains("\"title\" : \"T\"");
    }

    @Test
    void markdown_readsTheCharsetTheFileDeclares(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("latin1.html");
        Files.write(page, "<meta charset=\"windows-1252\"><p>caf\u00e9 cr\u00e8me</p>".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Run r = run("markdown", "--input", page.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("caf\u00e9 cr\u00e8me\n");
    }

    @Test
    void markdown_badOptionIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<p>x</p>");
        Run r = run("markdown", "--input", page.toString(), "--heading-style", "huge");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("headingStyle: 'huge' is not one of");
        Run base = run("markdown", "--input", page.toString(), "--base-url", "not a url");
        assertThat(base.code()).isEqualTo(2);
        assertThat(base.err()).contains("--base-url");
    }
}
