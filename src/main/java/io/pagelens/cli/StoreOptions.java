package io.pagelens.cli;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.config.Env;
import io.pagelens.store.CaptureKey;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/**
 * The capture command's storage options: with {@code --project} a capture is stored under its key (project, page
 * type, normalised URL, options, variant), replacing the current version and keeping the old one as history.
 */
final class StoreOptions {
    @Option(names = "--project", paramLabel = "NAME", description = "Store the capture in this project (created if new); see pagelens list.")
    String project;

    @Option(names = "--page-type", paramLabel = "TYPE", description = "The page's role in the project, e.g. home, product (default: page). Needs --project.")
    String pageType;

    @Option(names = "--variant", paramLabel = "ID", description = "Store as this variant of the page. Needs --project.")
    String variant;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Reuse a stored capture of the same key younger than this "
            + "(30s, 10m, 1h) without starting Chromium. Needs --project.")
    String maxAge;

    boolean enabled() {
        return project != null;
    }

    /** Checks the options together; errors name the option. */
    void validate() {
        if (project == null) {
            String orphan = pageType != null ? "--page-type" : variant != null ? "--variant" : maxAge != null ? "--max-age" : null;
            if (orphan != null) throw new InvalidRequestException(orphan, "needs --project (captures are stored per project)");
            return;
        }
        CaptureKey.requireName("--project", project);
        if (pageType != null) CaptureKey.requireName("--page-type", pageType);
        if (variant != null) CaptureKey.requireName("--variant", variant);
        maxAge();
    }

    /** The --max-age duration, or null when not given. */
    Duration maxAge() {
        if (maxAge == null) return null;
        Duration d = new Env(Map.of("--max-age", maxAge)).duration("--max-age", null);
        if (d.isNegative() || d.isZero()) throw new InvalidRequestException("--max-age", "must be positive, was " + maxAge);
        return d;
    }

    CaptureKey key(CaptureRequest request) {
        return CaptureKey.of(project, pageType, request, variant);
    }
}
