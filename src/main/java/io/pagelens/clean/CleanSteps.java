package io.pagelens.clean;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CleanOptions;
import io.pagelens.capture.PageStep;
import io.pagelens.capture.PageStepFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The page steps of issue 14, each only when its request asks for it: emulation and request filtering before
 * navigation; after load consent banners, then cosmetic filters and injected CSS/scripts, then the page actions.
 */
public final class CleanSteps implements PageStepFactory {
    private final CleanSettings settings;

    public CleanSteps(CleanSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PageStep> steps(CaptureRequest r) {
        List<PageStep> steps = new ArrayList<>();
        CleanOptions c = r.clean();
        if (!r.emulation().changesNothing()) steps.add(new EmulationStep());
        if (c.runsCallerScripts() && !settings.allowScripts()) steps.add(ScriptGate.REFUSE);
        if (c.blocksRequests()) steps.add(new RequestFilterStep());
        if (c.blockCookieBanners()) steps.add(new ConsentStep());
        if (c.css() != null || c.script() != null || !c.styles().isEmpty() || !c.scripts().isEmpty()) steps.add(new InjectionStep());
        if (!c.actions().isEmpty()) steps.add(new ActionsStep());
        return steps;
    }
}
