package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/**
 * The capture command's storage options: with {@code --project} a capture is stored under its key (project, page
 * type, normalised URL, options, variant), replacing the current version and keeping the old one as history. They are
 * the API's {@code projectId}, {@code pageType}, {@code variantId} and {@code maxAge}, checked by the one order builder.
 */
final class StoreOptions {
    @Option(names = "--project", paramLabel = "NAME", description = "Store the capture in this project (created if new); see pagelens list.")
    String project;

    @Option(names = "--page-type", paramLabel = "TYPE", description = "The page's role in the project, e.g. home, product (default: page). Needs --project.")
    String pageType;

    @Option(names = "--variant", paramLabel = "NAME", description = "Capture the project's stored variant NAME (its DOM mutations "
            + "applied after load, stable render on) and store it as that variant of the page. Needs --project.")
    String variant;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Reuse a stored capture of the same key younger than this "
            + "(30s, 10m, 1h) without starting Chromium. Needs --project.")
    String maxAge;

    /** Writes the options into a capture spec under the API's names. */
    void putInto(ObjectNode spec) {
        if (project != null) spec.put("projectId", project);
        if (pageType != null) spec.put("pageType", pageType);
        if (variant != null) spec.put("variantId", variant);
        if (maxAge != null) spec.put("maxAge", maxAge().toMillis());
    }

    /** The --max-age duration; errors name the API field {@code maxAge} (shown as --max-age). */
    Duration maxAge() {
        Duration d;
        try {
            d = new Env(Map.of("maxAge", maxAge)).duration("maxAge", null);
        } catch (ConfigException e) {
            throw new InvalidRequestException("maxAge", "must be a duration such as 500ms, 30s, 10m or 1h, was '" + maxAge + "'");
        }
        if (d.isNegative() || d.isZero()) throw new InvalidRequestException("maxAge", "must be positive, was " + maxAge);
        return d;
    }
}
