package io.pagelens.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the {@link PageStep}s of one capture from its request: the one place that decides which steps run and in
 * what order. Called once per page (a retried capture asks again), so steps may keep state.
 */
@FunctionalInterface
public interface PageStepFactory {
    /** The steps every engine runs: resource-type blocking, then the waits (selector, fonts, auto-scroll, delay). */
    PageStepFactory STANDARD = StandardSteps::forRequest;

    /** The steps for {@code request}, in the order they run; empty for none. */
    List<PageStep> steps(CaptureRequest request);

    /** These steps, then those of {@code more}. */
    default PageStepFactory and(PageStepFactory more) {
        return r -> {
            List<PageStep> all = new ArrayList<>(steps(r));
            all.addAll(more.steps(r));
            return all;
        };
    }
}
