package io.pagelens.server;

import io.pagelens.analysis.AnalysisSteps;
import io.pagelens.capture.PageStepFactory;
import io.pagelens.clean.CleanSettings;
import io.pagelens.clean.CleanSteps;
import io.pagelens.config.Env;

/**
 * The page steps of every capture feature, composed in one place for {@code serve} and the CLI: the engine's
 * standard steps (blocking, waits), then each feature's own, chosen from its sub-record of the request. The
 * {@code capture} package cannot name the features (they sit above it), so they meet here.
 */
public final class FeatureSteps {
    private FeatureSteps() {
    }

    /** Standard steps first, then the features' in a fixed order. */
    public static PageStepFactory all() {
        return PageStepFactory.STANDARD
                .and(new CleanSteps(CleanSettings.fromEnv(Env.system()))) // banners, ads, actions, devices (issue 14)
                .and(AnalysisSteps::forRequest) // stable render, variant mutations, brand (issue 13)
                .and(io.pagelens.monitor.MaskStep::forRequest); // monitors' ignore selectors hidden (issue 15)
    }
}
