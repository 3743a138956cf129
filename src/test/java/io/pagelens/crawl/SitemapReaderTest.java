package io.pagelens.crawl;

import crawlercommons.sitemaps.AbstractSiteMap.SitemapType;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SitemapReaderTest {
    /** Test traffic stays on loopback: any other host is refused before a request is made. */
    static final RedirectFollower.HopCheck LOOPBACK_ONLY = u -> "127.0.0.1".equals(u.getHost()) ? Optional.empty() : Optional.of("not loopback");

    @TempDir
    Path root;
    CorpusServer server;

    @BeforeEach
    void start() throws Exception {
        try (Stream<Path> s = Files.list(CrawlSuites.crawlerCommons().resolve("sitemaps"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, root.resolve(f.getFileName().toString()));
        }
        server = new CorpusServer(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SitemapReader.Parsed parseSuiteFile(String name) throws Exception {
        byte[] raw = Files.readAllBytes(CrawlSuites.crawlerCommons().resolve("sitemaps").resolve(name));
        byte[] content = SitemapReader.gunzipIfNeeded(raw, 1 << 20).orElseThrow();
        return SitemapReader.parse(URI.create("http://www.example.com/" + name), content);
    }

    @Test
    void parse_everySuiteFormat() throws Exception {
        record Expect(String file, SitemapType type, int urls, int sitemaps) {
        }
        for (Expect e : List.of(
                new Expect("atom.xml", SitemapType.ATOM, 1, 0),
                new Expect("do-not-visit.txt", SitemapType.TEXT, 1, 0),
                new Expect("sitemap-with-bom.txt", SitemapType.TEXT, 2, 0),
                new Expect("sitemap.badns.xml", SitemapType.XML, 2, 0),
                new Expect("sitemap.ns.xml", SitemapType.XML, 2, 0),
                new Expect("sitemap.index.xml", SitemapType.INDEX, 0, 15),
                new Expect("sitemap.txt", SitemapType.TEXT, 2, 0),
                new Expect("sitemap.txt.gz", SitemapType.TEXT, 5, 0),
                new Expect("xmlSitemap.gz", SitemapType.XML, 5, 0))) {
            SitemapReader.Parsed p = parseSuiteFile(e.file());
            assertThat(p.type()).as(e.file()).isEqualTo(e.type());
            assertThat(p.urls()).as(e.file()).hasSize(e.urls());
            assertThat(p.sitemaps()).as(e.file()).hasSize(e.sitemaps());
        }
    }

    @Test
    void parse_extensionSitemaps() throws Exception {
        try (Stream<Path> s = Files.list(CrawlSuites.crawlerCommons().resolve("sitemaps/extension"))) {
            for (Path f : s.sorted().toList()) {
                SitemapReader.Parsed p = SitemapReader.parse(URI.create("http://www.example.com/" + f.getFileName()), Files.readAllBytes(f));
                assertThat(p.urls()).as(f.getFileName().toString()).isNotEmpty();
            }
        }
    }

    @Test
    void parse_rssFeed() throws Exception {
        String rss = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://h.example/</link>
                <item><title>a</title><link>http://h.example/blog/a</link></item>
                <item><title>b</title><link>http://h.example/blog/b</link></item></channel></rss>""";
        SitemapReader.Parsed p = SitemapReader.parse(URI.create("http://h.example/feed.xml"), rss.getBytes(StandardCharsets.UTF_8));
        assertThat(p.type()).isEqualTo(SitemapType.RSS);
        assertThat(p.urls()).containsExactly("http://h.example/blog/a", "http://h.example/blog/b");
    }

    private SitemapReader reader(SitemapLimits limits) {
        return new SitemapReader(CrawlSuites.fetcher(), limits, LOOPBACK_ONLY);
    }

    private void index(String name, String... locs) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String l : locs) b.append("<sitemap><loc>").append(server.url(l)).append("</loc></sitemap>");
        Files.writeString(root.resolve(name), b.append("</sitemapindex>").toString());
    }

    @Test
    void read_walksIndexesGzipAndText() throws Exception {
        index("index.xml", "xmlSitemap.gz", "sitemap.txt", "nested.xml");
        index("nested.xml", "atom.xml", "sitemap.txt.gz");
        List<SitemapReader.Entry> got = new ArrayList<>();
        SitemapReader.Report r = reader(SitemapLimits.DEFAULTS).read(List.of(server.uri("index.xml")), got::add);
        assertThat(r.filesRead()).isEqualTo(6);
        assertThat(got).extracting(SitemapReader.Entry::url)
                .contains("http://www.example.com/", "http://www.domain.com/page1.html", "http://example.org/2003/12/13/atom03");
        assertThat(r.urls()).isEqualTo(5 + 2 + 1 + 5);
        assertThat(r.problems()).isEmpty();
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void read_neverFetchesRefusedHosts() throws Exception {
        SitemapReader.Report r = reader(SitemapLimits.DEFAULTS).read(List.of(server.uri("sitemap.index.xml")), e -> { });
        assertThat(r.filesRead()).isEqualTo(1);
        assertThat(r.problems()).hasSize(15).allMatch(p -> p.contains("not loopback"));
        assertThat(server.requestLog()).hasSize(1);
    }

    @Test
    void read_boundsDepthFilesAndUrls() throws Exception {
        index("a.xml", "b.xml");
        index("b.xml", "c.xml");
        index("c.xml", "sitemap.txt");
        SitemapReader.Report depth = reader(new SitemapLimits(50, 100, 1 << 20, 2)).read(List.of(server.uri("a.xml")), e -> { });
        assertThat(depth.filesRead()).isEqualTo(2);
        assertThat(depth.truncated()).isTrue();

        index("many.xml", "xmlSitemap.gz", "sitemap.txt", "sitemap.txt.gz");
        SitemapReader.Report files = reader(new SitemapLimits(2, 100, 1 << 20, 3)).read(List.of(server.uri("many.xml")), e -> { });
        assertThat(files.filesRead()).isEqualTo(2);
        assertThat(files.truncated()).isTrue();

        List<SitemapReader.Entry> got = new ArrayList<>();
        SitemapReader.Report urls = reader(new SitemapLimits(50, 3, 1 << 20, 3)).read(List.of(server.uri("many.xml")), got::add);
        assertThat(got).hasSize(3);
        assertThat(urls.truncated()).isTrue();
    }

    @Test
    void read_refusesGzipBombAndOversizedFile() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) out.write(zeros);
        }
        Files.write(root.resolve("bomb.xml.gz"), gz.toByteArray());
        Files.write(root.resolve("big.txt"), new byte[2 << 20]);
        SitemapReader.Report r = reader(new SitemapLimits(50, 100, 1 << 20, 3)).read(List.of(server.uri("bomb.xml.gz"), server.uri("big.txt")), e -> { });
        assertThat(r.urls()).isZero();
        assertThat(r.problems()).hasSize(2).allMatch(p -> p.contains("larger than"));
    }

    @Test
    void read_missingSitemapXmlIsQuietOthersReported() throws Exception {
        SitemapReader.Report r = reader(SitemapLimits.DEFAULTS).read(SitemapReader.roots(server.uri("/"), List.of(server.url("gone.xml"))), e -> { });
        assertThat(r.problems()).singleElement().asString().contains("gone.xml").contains("404");
    }

    @Test
    void roots_robotsSitemapsThenSitemapXmlOnce() {
        URI site = URI.create("http://127.0.0.1:9/x");
        assertThat(SitemapReader.roots(site, List.of("http://127.0.0.1:9/s.xml", "http://127.0.0.1:9/sitemap.xml")))
                .containsExactly(URI.create("http://127.0.0.1:9/s.xml"), URI.create("http://127.0.0.1:9/sitemap.xml"));
    }
}
