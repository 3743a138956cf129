package io.pagelens.clean;

import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.PageAction;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;

/**
 * Refuses, before navigation, a capture that would run the caller's JavaScript on a server that does not allow it
 * ({@code PAGELENS_ALLOW_SCRIPTS}); the error names the field.
 */
final class ScriptGate implements PageStep {
    static final ScriptGate REFUSE = new ScriptGate();

    private ScriptGate() {
    }

    @Override
    public String name() {
        return "scripts";
    }

    @Override
    public void beforeNavigation(PageContext page) throws CaptureException {
        var c = page.request().clean();
        String field = c.script() != null ? "clean.script" : !c.scripts().isEmpty() ? "clean.scripts" : "clean.actions[" + indexOfEvaluate(c.actions()) + "]";
        throw new CaptureException(CaptureError.INVALID_REQUEST, field + ": running the caller's JavaScript is off on this server "
                + "(PAGELENS_ALLOW_SCRIPTS=1 turns it on)");
    }

    private static int indexOfEvaluate(java.util.List<PageAction> actions) {
        for (int i = 0; i < actions.size(); i++) if (actions.get(i).type() == PageAction.Type.EVALUATE) return i;
        return -1;
    }
}
