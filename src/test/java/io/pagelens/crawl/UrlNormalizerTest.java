package io.pagelens.crawl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {
    private final UrlNormalizer n = UrlNormalizer.DEFAULT;

    /**
     * crawler-commons' weirdToNormalizedUrls.csv through pagelens's whole normaliser (fragment, session and tracking
     * removal included): every http(s) case must give the expected URL. The file:/ftp: cases must give empty, by
     * design: a crawler never fetches them.
     */
    @Test
    void normalize_crawlerCommonsSuiteScoresFull() throws Exception {
        List<List<String>> rows = CrawlSuites.csv(CrawlSuites.crawlerCommons().resolve("normalizer/weirdToNormalizedUrls.csv"));
        List<String> misses = new ArrayList<>();
        int web = 0;
        for (List<String> row : rows) {
            boolean http = row.get(1).startsWith("http:") || row.get(1).startsWith("https:");
            if (http) web++;
            String got = n.normalize(row.get(0)).orElse(null);
            if (http ? !row.get(1).equals(got) : got != null) misses.add(row.get(0) + " -> " + got + " (expected " + row.get(1) + ")");
        }
        System.out.printf("normaliser score: %d/%d http(s) cases; %d non-http cases refused by design%n",
                web - misses.size(), web, rows.size() - web);
        assertThat(web).isGreaterThan(100);
        assertThat(misses).isEmpty();
    }

    /** The library part alone, on every case of the file (its own scope: any scheme). */
    @Test
    void basicNormalizer_crawlerCommonsSuiteScoresFull() throws Exception {
        var basic = new crawlercommons.filters.basic.BasicURLNormalizer();
        List<List<String>> rows = CrawlSuites.csv(CrawlSuites.crawlerCommons().resolve("normalizer/weirdToNormalizedUrls.csv"));
        long ok = rows.stream().filter(r -> r.get(1).equals(basic.filter(r.get(0)))).count();
        System.out.printf("crawler-commons BasicURLNormalizer: %d/%d%n", ok, rows.size());
        assertThat(ok).isEqualTo(rows.size());
    }

    @Test
    void normalize_invalidUrlsGiveEmptyNeverThrow() throws Exception {
        List<List<String>> rows = CrawlSuites.csv(CrawlSuites.crawlerCommons().resolve("normalizer/invalidUrls.csv"));
        assertThat(rows).isNotEmpty();
        for (List<String> row : rows) assertThat(n.normalize(row.get(0))).as(row.get(0)).isEmpty();
    }

    @Test
    void normalize_dropsFragment() {
        assertThat(n.normalize("http://a.example/pricing#faq")).hasValue("http://a.example/pricing");
    }

    @Test
    void normalize_dropsTrackingAndSessionParameters() {
        assertThat(n.normalize("http://a.example/blog/x?utm_source=home&utm_medium=banner&utm_campaign=v3")).hasValue("http://a.example/blog/x");
        assertThat(n.normalize("http://a.example/p?gclid=1&id=7&fbclid=2&msclkid=3")).hasValue("http://a.example/p?id=7");
        assertThat(n.normalize("http://a.example/contact?sid=a83f09c1e2b4")).hasValue("http://a.example/contact");
        assertThat(n.normalize("http://a.example/x?PHPSESSID=abc&UTM_Source=y&q=1")).hasValue("http://a.example/x?q=1");
    }

    @Test
    void normalize_dropsSessionPathParameterKeepsOthers() {
        assertThat(n.normalize("http://a.example/login;jsessionid=7C2D9A41E0B3F5A8")).hasValue("http://a.example/login");
        assertThat(n.normalize("http://a.example/a;JSESSIONID=1/b?x=1")).hasValue("http://a.example/a/b?x=1");
        assertThat(n.normalize("http://a.example/matrix;color=red")).hasValue("http://a.example/matrix;color=red");
    }

    @Test
    void normalize_sortsQueryKeepsPathCase() {
        assertThat(n.normalize("HTTP://A.Example:80/Pricing?b=2&a=1")).hasValue("http://a.example/Pricing?a=1&b=2");
    }

    @Test
    void normalize_ignoreQueryParametersDropsAll() {
        assertThat(UrlNormalizer.IGNORE_QUERY.normalize("http://a.example/contact?topic=demo&x=1")).hasValue("http://a.example/contact");
    }

    @Test
    void normalize_nonHttpIsEmpty() {
        assertThat(n.normalize("mailto:a@b.example")).isEmpty();
        assertThat(n.normalize("javascript:void(0)")).isEmpty();
        assertThat(n.normalize("ftp://a.example/x")).isEmpty();
    }

    @Test
    void resolve_relativeAndProtocolRelative() {
        String base = "http://127.0.0.1:8801/docs/getting-started/installation";
        assertThat(n.resolve(base, "first-dashboard")).hasValue("http://127.0.0.1:8801/docs/getting-started/first-dashboard");
        assertThat(n.resolve(base, "../api/authentication#tokens")).hasValue("http://127.0.0.1:8801/docs/api/authentication");
        assertThat(n.resolve(base, "//127.0.0.1:8801/about")).hasValue("http://127.0.0.1:8801/about");
        assertThat(n.resolve(base, "tel:+15555550134")).isEmpty();
    }
}
