package io.pagelens.analysis.variant;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.SiteServer;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-page applier in real Chromium: every action's effect, per-mutation match counts, missing selectors. */
class MutationApplierIT {
    private static TestBrowser browser;
    private static SiteServer site;

    @BeforeAll
    static void start() throws Exception {
        browser = new TestBrowser();
        site = new SiteServer(Path.of(MutationApplierIT.class.getResource("page.html").toURI()).getParent());
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (browser != null) browser.close();
    }

    private static List<Mutation> parse(String json) throws Exception {
        return Mutations.parse(Jackson.MAPPER.readTree(json.replace('\'', '"')), "mutations");
    }

    @Test
    void everyAction_changesThePage_andReportsWhatItMatched() throws Exception {
        List<Mutation> ms = parse("""
                [{'selector':'#headline','action':'setText','value':'New <headline>'},
                 {'selector':'#box','action':'setHtml','value':'<em>fresh</em><script>window.ran=1</script><img src=x onerror=\\'window.ran=2\\'>'},
                 {'selector':'#pic','action':'setAttribute','value':{'name':'src','value':'b.svg'}},
                 {'selector':'.lead','action':'addClass','value':'big new'},
                 {'selector':'.lead','action':'removeClass','value':'old'},
                 {'selector':'.cta','action':'setStyle','value':{'background-color':'#E8743B'}},
                 {'selector':'.ad','action':'hide'},
                 {'selector':'.promo','action':'remove'},
                 {'selector':'#headline','action':'insertBefore','value':'<p id=\\'pre\\'>pre</p>'},
                 {'selector':'#headline','action':'insertAfter','value':'<p id=\\'post\\' onclick=\\'x()\\'>post</p>'},
                 {'action':'injectCss','value':'body { margin: 3px !important; }'},
                 {'selector':'.does-not-exist','action':'hide'},
                 {'selector':'a[','action':'hide'}]""");
        try (TestBrowser.Page page = browser.open(800, 600)) {
            page.navigate(site.url("/page.html"));
            MutationReport report = MutationApplier.apply(page.session(), ms, MutationApplier.DEFAULT_TIMEOUT);
            assertThat(report.mutations()).extracting(MutationResult::matched).containsExactly(1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0);
            assertThat(report.mutations().get(12).error()).startsWith("invalid selector");
            assertThat(report.missing()).extracting(MutationResult::index).containsExactly(11, 12);
            assertThatThrownBy(() -> report.check(true)).isInstanceOf(MissingSelectorException.class)
                    .hasMessageContaining("mutations[11].selector");

            JsonNode dom = page.evaluate("""
                    ({ h1: document.querySelector('#headline').textContent,
                       box: document.querySelector('#box').innerHTML,
                       ran: window.ran || 0,
                       pic: document.querySelector('#pic').getAttribute('src'),
                       picLoaded: document.querySelector('#pic').complete && document.querySelector('#pic').naturalWidth,
                       lead: document.querySelector('.lead').className,
                       cta: [...document.querySelectorAll('.cta')].map(e => getComputedStyle(e).backgroundColor),
                       ad: getComputedStyle(document.querySelector('.ad')).visibility,
                       promo: document.querySelectorAll('.promo').length,
                       pre: document.querySelector('#headline').previousElementSibling.id,
                       post: document.querySelector('#headline').nextElementSibling.id,
                       postClick: document.querySelector('#post').hasAttribute('onclick'),
                       margin: getComputedStyle(document.body).marginTop })""");
            assertThat(dom.path("h1").asText()).isEqualTo("New <headline>");
            assertThat(dom.path("box").asText()).isEqualTo("<em>fresh</em><img src=\"x\">");
            assertThat(dom.path("ran").asInt()).as("no script from a mutation ran").isZero();
            assertThat(dom.path("pic").asText()).isEqualTo("b.svg");
            assertThat(dom.path("picLoaded").asInt()).as("the swapped image was awaited").isEqualTo(40);
            assertThat(dom.path("lead").asText()).isEqualTo("lead big new");
            assertThat(dom.path("cta").toString()).isEqualTo("[\"rgb(232, 116, 59)\",\"rgb(232, 116, 59)\"]");
            assertThat(dom.path("ad").asText()).isEqualTo("hidden");
            assertThat(dom.path("promo").asInt()).isZero();
            assertThat(dom.path("pre").asText()).isEqualTo("pre");
            assertThat(dom.path("post").asText()).isEqualTo("post");
            assertThat(dom.path("postClick").asBoolean()).isFalse();
            assertThat(dom.path("margin").asText()).isEqualTo("3px");
        }
    }

    @Test
    void report_givesPageBoxesOfTheFirstMatches_measuredBeforeTheMutationActs() throws Exception {
        try (TestBrowser.Page page = browser.open(800, 600)) {
            page.navigate(site.url("/boxes.html"));
            page.evaluate("window.scrollTo(0, 1000)");   // page coordinates, not viewport ones
            MutationReport report = MutationApplier.apply(page.session(), parse("""
                    [{'selector':'#far','action':'remove'},
                     {'selector':'.cell','action':'hide'},
                     {'selector':'.nothing','action':'hide'},
                     {'action':'injectCss','value':'p { color: red; }'}]"""), MutationApplier.DEFAULT_TIMEOUT);
            List<MutationResult> rs = report.mutations();
            assertThat(rs.get(0).boxes()).as("where the removed element was").containsExactly(new MatchBox(100, 1500, 200, 50));
            assertThat(rs.get(1).matched()).isEqualTo(25);
            assertThat(rs.get(1).boxes()).hasSize(MutationResult.MAX_BOXES);
            assertThat(rs.get(1).boxes().get(0)).isEqualTo(new MatchBox(10, 700, 30, 10));
            assertThat(rs.get(1).boxes().get(19)).isEqualTo(new MatchBox(10 + 40 * 19, 700, 30, 10));
            assertThat(rs.get(2).boxes()).isEmpty();
            assertThat(rs.get(3).boxes()).isEmpty();
        }
    }

    @Test
    void expression_carriesMutationsAsData_notCode() throws Exception {
        String expr = MutationApplier.expression(List.of(Mutation.of("h1\"]", MutationAction.SET_TEXT, "\");alert(1);//")),
                MutationApplier.DEFAULT_TIMEOUT);
        assertThat(expr).contains("{\"selector\":\"h1\\\"]\",\"action\":\"setText\",\"value\":\"\\\");alert(1);//\"}");
    }
}
