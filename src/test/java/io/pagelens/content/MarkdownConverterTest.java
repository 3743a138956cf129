package io.pagelens.content;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownConverterTest {
    private static String md(String html, MarkdownOptions options) {
        return new MarkdownConverter(options).convert(Jsoup.parseBodyFragment(html, "https://example.com/a/b.html").body());
    }

    private static String md(String html) {
        return md(html, MarkdownOptions.DEFAULTS);
    }

    @Test
    void defaults_areAtxDashBulletsAndFencedCode() {
        assertThat(md("<h2>Title</h2><ul><li>one</li><li>two</li></ul><pre><code class=\"language-js\">x = 1;\n</code></pre>"))
                .isEqualTo("## Title\n\n-   one\n-   two\n\n```js\nx = 1;\n```");
    }

    @Test
    void linkAroundBlocks_linksEachHeadingAndLine() {
        assertThat(md("<a href=\"/post\"><h2>Title</h2><p>Teaser text</p><ul><li>tag</li></ul></a>"))
                .isEqualTo("## [Title](https://example.com/post)\n\n[Teaser text](https://example.com/post)\n\n-   tag");
    }

    @Test
    void headingWithLineBreak_staysOneLine() {
        assertThat(md("<h2>Designed to<br>be redesigned</h2>")).isEqualTo("## Designed to be redesigned");
    }

    @Test
    void tables_becomeGfmTablesWithAlignmentAndEscapedPipes() {
        String html = "<table><thead><tr><th align=right>n</th><th>name</th></tr></thead>"
                + "<tbody><tr><td>1</td><td>a | b</td></tr><tr><td>2</td></tr></tbody></table>";
        assertThat(md(html)).isEqualTo("| n | name |\n| --: | --- |\n| 1 | a \\| b |\n| 2 |  |");
    }

    @Test
    void tableWithoutHeader_usesFirstRowAsHeader() {
        assertThat(md("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"))
                .isEqualTo("| a | b |\n| --- | --- |\n| c | d |");
    }

    @Test
    void strikethroughAndTaskLists() {
        assertThat(md("<p><del>old</del> new</p><ul><li><input type=checkbox checked> done</li>"
                + "<li><input type=checkbox> todo</li></ul>"))
                .isEqualTo("~~old~~ new\n\n-   [x] done\n-   [ ] todo");
    }

    @Test
    void relativeUrlsResolveAgainstThePage() {
        assertThat(md("<a href=\"../c.html\">c</a> <img src=\"/i.png\" alt=\"i\">"))
                .isEqualTo("[c](https://example.com/c.html) ![i](https://example.com/i.png)");
    }

    @Test
    void referencedLinks_collapsedStyle() {
        MarkdownOptions options = MarkdownOptions.DEFAULTS.with("linkStyle", "referenced").with("linkReferenceStyle", "collapsed");
        assertThat(md("<a href=\"/x\">X</a>", options)).isEqualTo("[X][]\n\n[X]: https://example.com/x");
    }

    @Test
    void optionsChangeDelimitersAndFences() {
        MarkdownOptions options = MarkdownOptions.DEFAULTS.with("emDelimiter", "*").with("strongDelimiter", "__")
                .with("fence", "~~~").with("headingStyle", "setext").with("bulletListMarker", "+");
        assertThat(md("<h1>T</h1><p><em>e</em> <b>s</b></p><ul><li>i</li></ul><pre><code>c</code></pre>", options))
                .isEqualTo("T\n=\n\n*e* __s__\n\n+   i\n\n~~~\nc\n~~~");
    }

    @Test
    void scriptsStylesAndEmptyLinksAreDropped() {
        assertThat(md("<p>a<script>var x = 1;</script><style>p{}</style><a href=\"/y\"></a>b</p>")).isEqualTo("ab");
        assertThat(md("<p>a<a href=\"/y\"> </a>b</p>")).isEqualTo("a b");
    }

    @Test
    void deepNesting_doesNotOverflow() {
        String html = "<div>".repeat(5_000) + "deep" + "</div>".repeat(5_000);
        assertThat(md(html)).isEqualTo("deep");
    }

    @Test
    void invalidOption_namesTheOption() {
        assertThatThrownBy(() -> MarkdownOptions.DEFAULTS.with("headingStyle", "big"))
                .hasMessageStartingWith("headingStyle: 'big' is not one of");
        assertThatThrownBy(() -> MarkdownOptions.DEFAULTS.with("colour", "red"))
                .hasMessageStartingWith("colour: unknown Markdown option");
    }
}
