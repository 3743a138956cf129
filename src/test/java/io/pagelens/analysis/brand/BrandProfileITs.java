package io.pagelens.analysis.brand;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.analysis.render.StableRender;
import io.pagelens.image.PngReader;
import io.pagelens.testing.Shared;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Brand-profile helpers shared by the ITs: where northwind is, and a profile of a served page. */
public final class BrandProfileITs {
    private BrandProfileITs() {
    }

    /** The README says corpus/sites/northwind; the folder is corpus/sites/sites/northwind. Either works. */
    public static Path northwind() {
        Path a = Shared.corpus().resolve("sites/northwind"), b = Shared.corpus().resolve("sites/sites/northwind");
        return Files.isDirectory(a) ? a : b;
    }

    /** The profile of {@code url} at 1280x800 after a stable render, with the viewport's pixels as evidence. */
    public static BrandProfile profile(TestBrowser browser, String url) throws Exception {
        try (TestBrowser.Page page = browser.open(1280, 800)) {
            StableRender.install(page.session(), TestBrowser.TIMEOUT);
            page.navigate(url);
            StableRender.apply(page.session(), StableRender.DEFAULT_TIMEOUT);
            JsonNode snapshot = BrandCollector.collect(page.session(), TestBrowser.TIMEOUT);
            try (PngReader png = new PngReader(new ByteArrayInputStream(page.screenshot(false)), "viewport")) {
                return BrandProfiler.profile(snapshot, PixelPalette.of(png));
            }
        }
    }
}
