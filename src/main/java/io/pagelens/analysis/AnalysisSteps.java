package io.pagelens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.brand.BrandCollector;
import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.brand.BrandProfiler;
import io.pagelens.analysis.brand.PixelPalette;
import io.pagelens.analysis.render.StableRender;
import io.pagelens.analysis.render.StableRenderReport;
import io.pagelens.analysis.variant.Mutation;
import io.pagelens.analysis.variant.MissingSelectorException;
import io.pagelens.analysis.variant.MutationApplier;
import io.pagelens.analysis.variant.MutationReport;
import io.pagelens.analysis.variant.MutationResult;
import io.pagelens.analysis.variant.Mutations;
import io.pagelens.capture.AnalysisOptions;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import io.pagelens.image.PngReader;
import io.pagelens.json.Jackson;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis feature's page steps, chosen from {@link CaptureRequest#analysis()}, in this order (each phase runs
 * the steps in list order):
 * <ol>
 *   <li>{@code mutations} (after load): the variant's DOM mutations; reports {@code steps.mutations}, one entry per
 *       mutation {@code {index, selector, action, matched, error?}}, and with {@code failOnMissingSelector} fails the
 *       capture ({@code selector_not_found}) naming each mutation that matched nothing;</li>
 *   <li>{@code stableRender}: its init script before navigation, the freeze after the mutations (so what they add
 *       is frozen too); reports {@code steps.stableRender};</li>
 *   <li>{@code brand} (after load): the brand collector and the viewport's own pixels; reports {@code steps.brand},
 *       a {@link BrandProfile}.</li>
 * </ol>
 */
public final class AnalysisSteps {
    private AnalysisSteps() {
    }

    /** The steps for {@code r}; empty when it asks for no analysis. */
    public static List<PageStep> forRequest(CaptureRequest r) {
        AnalysisOptions a = r.analysis();
        List<PageStep> steps = new ArrayList<>();
        if (a.hasVariant()) {
            // validated when the variant was stored; parsed again here because the order carries the stored JSON
            List<Mutation> mutations = Mutations.parse(a.mutations(), "mutations");
            steps.add(PageStep.afterLoad("mutations", p -> mutate(p, mutations, a.failOnMissingSelector())));
        }
        if (a.stableRender()) steps.add(new StableRenderStep());
        if (a.brand()) steps.add(PageStep.afterLoad("brand", AnalysisSteps::brand));
        return steps;
    }

    private static void mutate(PageContext page, List<Mutation> mutations, boolean failOnMissing)
            throws CdpException, InterruptedException, CaptureException {
        JsonNode value = page.evaluate(MutationApplier.expression(mutations, MutationApplier.DEFAULT_TIMEOUT), "mutations");
        if (value == null || !value.isArray() || value.size() != mutations.size()) {
            throw new CaptureException(CaptureError.INTERNAL, "mutations: the page script returned " + value);
        }
        List<MutationResult> results = new ArrayList<>();
        for (JsonNode n : value) results.add(read(n, MutationResult.class, "mutations"));
        MutationReport report = new MutationReport(results);
        page.report("mutations", report.mutations());
        try {
            report.check(failOnMissing);
        } catch (MissingSelectorException e) {
            throw new CaptureException(CaptureError.SELECTOR_NOT_FOUND, e.getMessage());
        }
    }

    /** Both phases of {@link StableRender}. */
    private static final class StableRenderStep implements PageStep {
        @Override
        public String name() {
            return "stableRender";
        }

        @Override
        public void beforeNavigation(PageContext page) throws CdpException, InterruptedException {
            page.send(PageScripts.initScript(StableRender.initScript()));
        }

        @Override
        public void afterLoad(PageContext page) throws CdpException, InterruptedException, CaptureException {
            JsonNode v = page.evaluate(StableRender.afterLoadExpression(StableRender.DEFAULT_TIMEOUT), name());
            page.report(name(), read(v, StableRenderReport.class, name()));
        }
    }

    /** The brand snapshot and the viewport's pixels (a PNG of one viewport: a few hundred KB at most). */
    private static void brand(PageContext page) throws CdpException, InterruptedException, CaptureException {
        JsonNode snapshot = page.evaluate(BrandCollector.expression(), "brand");
        if (snapshot == null || !snapshot.isObject()) throw new CaptureException(CaptureError.INTERNAL, "brand: the collector returned " + snapshot);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        page.send(Commands.captureScreenshot("png", null, null, false, false), png);
        BrandProfile profile;
        try (PngReader pixels = new PngReader(new ByteArrayInputStream(png.toByteArray()), "viewport")) {
            profile = BrandProfiler.profile(snapshot, PixelPalette.of(pixels));
        } catch (IOException e) {
            throw new CaptureException(CaptureError.INTERNAL, "brand: the viewport screenshot could not be read: " + e.getMessage(), e);
        }
        page.report("brand", profile);
    }

    private static <T> T read(JsonNode n, Class<T> type, String step) throws CaptureException {
        try {
            return Jackson.LENIENT.treeToValue(n, type);
        } catch (IOException e) {
            throw new CaptureException(CaptureError.INTERNAL, step + ": the page script returned " + n + ": " + e.getMessage(), e);
        }
    }
}
