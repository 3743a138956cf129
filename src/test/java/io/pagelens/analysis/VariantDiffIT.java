package io.pagelens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.diff.Box;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffOutputs;
import io.pagelens.analysis.diff.DiffRegion;
import io.pagelens.analysis.diff.DiffResult;
import io.pagelens.analysis.diff.VisualDiff;
import io.pagelens.analysis.render.StableRender;
import io.pagelens.analysis.suggest.Suggestion;
import io.pagelens.analysis.suggest.Suggestions;
import io.pagelens.analysis.suggest.VariantSuggester;
import io.pagelens.analysis.variant.Mutation;
import io.pagelens.analysis.variant.MutationApplier;
import io.pagelens.analysis.variant.MutationReport;
import io.pagelens.analysis.variant.Mutations;
import io.pagelens.json.Jackson;
import io.pagelens.testing.Shared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants rendered beside the original and diffed, end to end in real Chromium (the pieces the capture pipeline will
 * run as page steps): the corpus blog with a headline and CTA-colour variant, and northwind through
 * brand -> suggest -> variant -> diff, the README's worked example.
 */
class VariantDiffIT {
    private static TestBrowser browser;

    @BeforeAll
    static void start() {
        browser = new TestBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    /** A full-page stable capture of {@code url}, with {@code mutations} applied after load (none for the control). */
    static byte[] capture(String url, List<Mutation> mutations, MutationReport[] report) throws Exception {
        try (TestBrowser.Page page = browser.open(1280, 800)) {
            StableRender.install(page.session(), TestBrowser.TIMEOUT);
            page.navigate(url);
            MutationReport r = MutationApplier.apply(page.session(), mutations, MutationApplier.DEFAULT_TIMEOUT);
            if (report != null) report[0] = r;
            StableRender.apply(page.session(), StableRender.DEFAULT_TIMEOUT);
            return page.screenshot(true);
        }
    }

    static JsonNode boxOf(String url, String selector) throws Exception {
        try (TestBrowser.Page page = browser.open(1280, 800)) {
            page.navigate(url);
            return page.evaluate("(() => { const r = document.querySelector(" + PageScripts.literal(selector)
                    + ").getBoundingClientRect(); return {x: Math.floor(r.left + scrollX), y: Math.floor(r.top + scrollY), w: Math.ceil(r.width), h: Math.ceil(r.height)}; })()");
        }
    }

    static Box box(JsonNode n) {
        return new Box(n.path("x").asInt(), n.path("y").asInt(), n.path("w").asInt(), n.path("h").asInt());
    }

    static DiffResult diff(byte[] a, byte[] b, String name) throws Exception {
        Files.createDirectories(Path.of("target", "variant-diffs"));
        try (var out = Files.newOutputStream(Path.of("target", "variant-diffs", name + "-diff.png"))) {
            return VisualDiff.compare(new ByteArrayInputStream(a), "control", new ByteArrayInputStream(b), "variant",
                    DiffOptions.DEFAULTS, DiffOutputs.diffImage(out));
        }
    }

    @Test
    void blogVariant_changesHeadlineAndCtaColour_andTheDiffFindsThoseRegionsOnly() throws Exception {
        try (SiteServer site = new SiteServer(Shared.site())) {
            String url = site.url("/blog/index.html");
            List<Mutation> variant = Mutations.parse(Jackson.MAPPER.readTree("""
                    [{"selector": "header.masthead h1", "action": "setText", "value": "Cleaner Blog"},
                     {"selector": "a.btn-primary", "action": "setStyle", "value": {"background-color": "#E8743B", "border-color": "#E8743B"}}]"""), "mutations");
            MutationReport[] report = new MutationReport[1];
            byte[] control = capture(url, List.of(), null), changed = capture(url, variant, report);
            assertThat(report[0].missing()).isEmpty();
            DiffResult r = diff(control, changed, "blog");
            Box headline = box(boxOf(url, "header.masthead h1")), cta = box(boxOf(url, "a.btn-primary"));
            List<Box> found = r.changedRegions().stream().map(DiffRegion::box).toList();
            System.out.println("BLOG headline=" + headline + " cta=" + cta + " found=" + found + " changed=" + r.changedPixels());
            assertThat(r.heightDifference()).isZero();
            assertThat(found).hasSize(2);
            assertThat(found).anySatisfy(f -> assertThat(headline.grow(4).contains(f)).isTrue());
            assertThat(found).anySatisfy(f -> assertThat(cta.grow(4).contains(f)).isTrue());
            assertThat(found.stream().filter(f -> f.intersects(cta)).mapToLong(Box::area).sum()).as("the whole button is recoloured")
                    .isGreaterThan(cta.area() * 8 / 10);
        }
    }

    @Test
    void northwind_brandSuggestVariantDiff() throws Exception {
        try (SiteServer site = new SiteServer(io.pagelens.analysis.brand.BrandProfileITs.northwind())) {
            String url = site.url("/");
            BrandProfile profile = io.pagelens.analysis.brand.BrandProfileITs.profile(browser, url);
            Suggestions suggestions = VariantSuggester.rulesOnly().suggest(profile);
            System.out.println("SUGGEST " + Jackson.PRETTY.writeValueAsString(suggestions));
            Suggestion larger = suggestions.suggestions().stream().filter(s -> s.rule().equals("larger-headline")).findFirst().orElseThrow();
            Suggestion cta = suggestions.suggestions().stream().filter(s -> s.rule().equals("cta-accent")).findFirst().orElseThrow();
            // northwind's primary CTA already is accent, so the rule recolours the secondary one
            assertThat(cta.mutations().getFirst().value()).startsWith("background-color: #E8743B");
            // variant 1: the CTA in the accent colour: the diff is that button and nothing else
            MutationReport[] report = new MutationReport[1];
            byte[] control = capture(url, List.of(), null);
            byte[] recoloured = capture(url, cta.mutations(), report);
            assertThat(report[0].missing()).as("the suggested selector finds its element").isEmpty();
            DiffResult r = diff(control, recoloured, "northwind-cta");
            Box button = box(boxOf(url, cta.mutations().getFirst().selector()));
            System.out.println("NORTHWIND-CTA button=" + button + " found=" + r.changedRegions());
            assertThat(r.changedRegions()).singleElement().satisfies(x -> assertThat(button.grow(4).contains(x.box())).isTrue());
            // variant 2: the larger headline: the change starts at the headline and pushes the hero taller
            byte[] larger2 = capture(url, larger.mutations(), report);
            assertThat(report[0].missing()).isEmpty();
            DiffResult big = diff(control, larger2, "northwind-headline");
            Box headline = box(boxOf(url, larger.mutations().getFirst().selector()));
            System.out.println("NORTHWIND-HEADLINE headline=" + headline + " first=" + big.changedRegions().getFirst() + " heightDifference=" + big.heightDifference());
            assertThat(big.changedRegions().getFirst().box().y()).isBetween(headline.y() - 4, headline.y() + 20);
            assertThat(big.heightDifference()).as("a larger headline wraps onto more lines").isPositive();
        }
    }
}
