package io.pagelens.cli;

import io.pagelens.content.ContentScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code pagelens score}: scores Markdown conversion and main-content extraction on the shared suites
 * (raw files, no browser) and prints one JSON line per suite, then the failures.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score Markdown (turndown cases) and main content/metadata (Readability suite) on the shared corpus.")
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared/ folder. Default: $PAGELENS_SHARED, else ../shared.")
    Path shared;

    @Option(names = "--check", description = "Exit with status 1 when a score is under its target.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        Path root = shared != null ? shared : Path.of(System.getenv().getOrDefault("PAGELENS_SHARED", "../shared"));
        ContentScores scores = ContentScores.measure(root);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        scores.print(out);
        return check && !scores.meetsTargets() ? 1 : 0;
    }
}
