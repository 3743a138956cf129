package io.pagelens.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only shared/ folder beside the project: corpus, suites, baselines. */
public final class Shared {
    private Shared() {
    }

    public static Path root() {
        String env = System.getenv("PAGELENS_SHARED");
        Path p = env != null ? Path.of(env) : Path.of("..", "shared");
        p = p.toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("corpus"))) {
            throw new IllegalStateException("shared/ corpus not found at " + p + " (set PAGELENS_SHARED)");
        }
        return p;
    }

    public static Path corpus() {
        return root().resolve("corpus");
    }

    public static Path site() {
        return corpus().resolve("site");
    }
}
