package io.pagelens.analysis.variant;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.PageScriptException;
import io.pagelens.analysis.PageScripts;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a variant's mutations in the page (after load, before any output) and reports, per mutation, how many
 * elements it matched. The JavaScript is {@code apply-mutations.js}; mutations go in as a JSON literal, never
 * spliced into code.
 *
 * <pre>{@code
 * List<Mutation> ms = Mutations.parse(body.get("mutations"), "mutations");   // at the API/CLI edge
 * MutationReport report = MutationApplier.apply(session, ms, MutationApplier.DEFAULT_TIMEOUT);
 * report.check(failOnMissingSelector);   // throws MissingSelectorException naming mutations[i].selector
 * }</pre>
 */
public final class MutationApplier {
    /** Time allowed for images the mutations add to decode. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final String SCRIPT = PageScripts.function(MutationApplier.class, "apply-mutations.js");

    private MutationApplier() {
    }

    /** The expression to evaluate (awaiting its promise): an array of results. */
    public static String expression(List<Mutation> mutations, Duration timeout) {
        return "(" + SCRIPT + ")(" + PageScripts.json(mutations) + ", " + Math.max(0, timeout.toMillis()) + ")";
    }

    public static MutationReport apply(CdpSession session, List<Mutation> mutations, Duration timeout)
            throws CdpException, InterruptedException, PageScriptException {
        if (mutations.isEmpty()) return new MutationReport(List.of());
        JsonNode value = PageScripts.evaluate(session, expression(mutations, timeout), timeout.plusSeconds(5), "variant mutations");
        if (value == null || !value.isArray() || value.size() != mutations.size()) {
            throw new PageScriptException("the variant mutations script returned " + value);
        }
        List<MutationResult> results = new ArrayList<>();
        try {
            for (JsonNode r : value) results.add(Jackson.LENIENT.treeToValue(r, MutationResult.class));
        } catch (IOException e) {
            throw new PageScriptException("the variant mutations script returned " + value + ": " + e.getMessage());
        }
        return new MutationReport(results);
    }
}
