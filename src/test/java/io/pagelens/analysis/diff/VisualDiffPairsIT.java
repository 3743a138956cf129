package io.pagelens.analysis.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.SiteServer;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.analysis.render.StableRender;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page pairs of {@code src/test/resources/io/pagelens/analysis/pairs/} (see {@code pairs.json}) captured in real
 * Chromium with the stable render, full page, and diffed with the defaults: the regions found against the known boxes.
 */
class VisualDiffPairsIT {
    private static TestBrowser browser;
    private static SiteServer site;
    private static JsonNode pairs;
    static final Path OUT = Path.of("target", "diff-pairs");

    @BeforeAll
    static void start() throws Exception {
        browser = new TestBrowser();
        Path root = Path.of(VisualDiffPairsIT.class.getResource("/io/pagelens/analysis/pairs/pairs.json").toURI()).getParent();
        site = new SiteServer(root);
        pairs = Jackson.MAPPER.readTree(root.resolve("pairs.json").toFile());
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (browser != null) browser.close();
    }

    static byte[] capture(String path) throws Exception {
        try (TestBrowser.Page page = browser.open(800, 600)) {
            StableRender.install(page.session(), TestBrowser.TIMEOUT);
            page.navigate(site.url(path));
            StableRender.apply(page.session(), StableRender.DEFAULT_TIMEOUT);
            return page.screenshot(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"headline-text", "button-colour", "removed-element", "image-swap", "identical", "subpixel-text"})
    void pair_regionsMatchTheKnownBoxes(String name) throws Exception {
        JsonNode pair = pairs.path("pairs").path(name);
        int tolerance = pairs.path("tolerance").asInt();
        byte[] a = capture("/" + name + "/a.html"), b = capture("/" + name + "/b.html");
        DiffResult r;
        try (var diffPng = Files.newOutputStream(OUT.resolve(name + "-diff.png")); var side = Files.newOutputStream(OUT.resolve(name + "-side.png"))) {
            r = VisualDiff.compare(new ByteArrayInputStream(a), name + "/a", new ByteArrayInputStream(b), name + "/b",
                    DiffOptions.DEFAULTS, new DiffOutputs(diffPng, side, null));
        }
        List<Box> expected = new ArrayList<>();
        for (JsonNode e : pair.path("expected")) expected.add(new Box(e.path("x").asInt(), e.path("y").asInt(), e.path("width").asInt(), e.path("height").asInt()));
        List<Box> found = r.changedRegions().stream().map(DiffRegion::box).toList();

        System.out.printf("PAIR %s expected=%s found=%s changedPixels=%d antiAliased=%d shifted=%d noise=%d heightDifference=%d%n",
                name, expected, found, r.changedPixels(), r.antiAliasedPixels(), r.shiftedPixels(), r.noisePixels(), r.heightDifference());
        for (Box f : found) {
            assertThat(expected).as("found %s lies inside an expected box", f).anySatisfy(e -> assertThat(e.grow(tolerance).contains(f)).isTrue());
        }
        for (Box e : expected) {
            assertThat(found).as("expected %s is found", e).anySatisfy(f -> assertThat(f.intersects(e)).isTrue());
            double covered = found.stream().mapToLong(f -> f.overlap(e)).sum() / (double) e.area();
            assertThat(covered).as("share of %s covered by found regions", e).isGreaterThan(0.3);
        }
        if (pair.has("heightDifference")) {
            assertThat(r.heightDifference()).isEqualTo(pair.path("heightDifference").asInt());
            assertThat(r.regions()).anySatisfy(x -> assertThat(x.kind()).isEqualTo(DiffRegion.RegionKind.ONLY_IN_A));
        } else {
            assertThat(r.heightDifference()).isZero();
        }
        if (expected.isEmpty()) assertThat(r.changedPixels()).as("no meaningful change").isZero();
    }
}
