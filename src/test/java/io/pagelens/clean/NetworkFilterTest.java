package io.pagelens.clean;

import io.pagelens.capture.CleanOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled matcher: ABP syntax it supports, the vendored lists on known rules, and what the lists cost in heap. */
class NetworkFilterTest {
    static FilterRequest req(String url, String type, String page) {
        return FilterRequest.of(url, type, RegistrableDomain.of(FilterRequest.hostOf(page)));
    }

    @Test
    void hostRules_matchTheHostAndItsSubdomains_withTheirOptions() {
        NetworkFilter f = NetworkFilter.compile("t", List.of("||ads.example^", "||track.example^$third-party",
                "||img.example^$image", "||cdn.example^$~script", "! comment", "example.org##.ad", "||pop.example^$popup"));
        assertThat(f.match(req("https://ads.example/x.js", "Script", "https://news.test/"))).isEqualTo("||ads.example^");
        assertThat(f.match(req("https://a.b.ads.example/x.js", "Script", "https://news.test/"))).isEqualTo("||ads.example^");
        assertThat(f.match(req("https://notads.example/x.js", "Script", "https://news.test/"))).isNull();
        assertThat(f.match(req("https://track.example/p", "Image", "https://news.test/"))).isNotNull();
        assertThat(f.match(req("https://track.example/p", "Image", "https://www.track.example/"))).as("first party").isNull();
        assertThat(f.match(req("https://img.example/a.png", "Image", "https://news.test/"))).isNotNull();
        assertThat(f.match(req("https://img.example/a.js", "Script", "https://news.test/"))).isNull();
        assertThat(f.match(req("https://cdn.example/a.js", "Script", "https://news.test/"))).isNull();
        assertThat(f.match(req("https://cdn.example/a.css", "Stylesheet", "https://news.test/"))).isNotNull();
        assertThat(f.match(req("https://pop.example/", "Script", "https://news.test/"))).as("popup rules are dropped").isNull();
    }

    @Test
    void patternRules_wildcardsSeparatorsAnchors_andExceptions() {
        NetworkFilter f = NetworkFilter.compile("t", List.of("/banner-ads/*", "-ad-slot.", "||cdn.test/ads/*.js|",
                "|https://start.test/x", "/adserver^", "@@||good.test/banner-ads/", ".swf?clicktag=$third-party"));
        assertThat(f.match(req("https://x.test/img/banner-ads/1.png", "Image", "https://x.test/"))).isEqualTo("/banner-ads/*");
        assertThat(f.match(req("https://good.test/banner-ads/1.png", "Image", "https://x.test/"))).as("exception").isNull();
        assertThat(f.match(req("https://x.test/js/top-ad-slot.js", "Script", "https://x.test/"))).isEqualTo("-ad-slot.");
        assertThat(f.match(req("https://cdn.test/ads/one.js", "Script", "https://x.test/"))).isNotNull();
        assertThat(f.match(req("https://cdn.test/ads/one.json", "Script", "https://x.test/"))).as("end anchor").isNull();
        assertThat(f.match(req("https://start.test/x/y", "Script", "https://x.test/"))).isNotNull();
        assertThat(f.match(req("https://other.test/?u=https://start.test/x", "Script", "https://x.test/"))).as("start anchor").isNull();
        assertThat(f.match(req("https://x.test/adserver?b=1", "XHR", "https://x.test/"))).isNotNull();
        assertThat(f.match(req("https://x.test/adserver", "XHR", "https://x.test/"))).as("^ matches the end").isNotNull();
        assertThat(f.match(req("https://x.test/adserverx/1", "XHR", "https://x.test/"))).isNull();
    }

    @Test
    void vendoredLists_blockKnownAdAndTrackerRequests_andLeaveThePageAlone() {
        CleanOptions all = new CleanOptions(false, true, true, true, true, List.of(), false, null, null, List.of(), List.of());
        List<NetworkFilter> lists = FilterLists.forOptions(all);
        assertThat(lists).extracting(l -> l.name).containsExactly("easylist", "easyprivacy", "chats", "social");
        String page = "https://news.example.com/article";
        assertThat(lists.get(0).match(req("https://ib.adnxs.com/ut/v3/prebid", "XHR", page))).isEqualTo("||adnxs.com^");
        assertThat(lists.get(1).match(req("https://www.google-analytics.com/analytics.js", "Script", page))).isNotNull();
        assertThat(lists.get(2).match(req("https://widget.intercom.io/widget/abc", "Script", page))).isNotNull();
        assertThat(lists.get(3).match(req("https://platform.twitter.com/widgets.js", "Script", page))).isNotNull();
        for (NetworkFilter l : lists) {
            assertThat(l.match(req("https://news.example.com/style.css", "Stylesheet", page))).isNull();
            assertThat(l.match(req("https://news.example.com/img/photo.jpg", "Image", page))).isNull();
        }
        assertThat(FilterLists.adSelectors()).hasSizeGreaterThan(10_000).contains(".ad-slot");
    }

    @Test
    void compiledLists_heapCost_isMeasured() {
        // the lists are loaded once per process; this prints what that costs (README quotes it), and bounds it loosely
        long before = usedHeap();
        CleanOptions all = new CleanOptions(false, true, true, true, true, List.of(), false, null, null, List.of(), List.of());
        List<NetworkFilter> lists = FilterLists.forOptions(all);
        String css = CosmeticCss.chunksJson(200);
        long after = usedHeap();
        int rules = lists.stream().mapToInt(NetworkFilter::size).sum();
        System.out.printf("filter lists: %d network rules + %d selectors (%d KB of CSS JSON), heap delta %.1f MB%n", rules,
                FilterLists.adSelectors().size(), css.length() / 1024, (after - before) / 1e6);
        assertThat(rules).isGreaterThan(90_000);
        assertThat(after - before).isLessThan(64L << 20);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
