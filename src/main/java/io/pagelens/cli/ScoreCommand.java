package io.pagelens.cli;

import io.pagelens.content.ContentScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code pagelens score}: scores Markdown conversion, main-content extraction and URL parsing on the shared
 * suites (raw files, no browser) and prints one JSON line per suite, then the failures.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score Markdown (turndown cases), main content/metadata (Readability suite) and URL parsing (WPT URL data) on the shared corpus.")
public final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared/ folder. Default: $PAGELENS_SHARED, else ../shared.")
    Path shared;

    @Option(names = "--check", description = "Exit with status 1 when a score is under its target.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        Path root = shared != null ? shared : Path.of(System.getenv().getOrDefault("PAGELENS_SHARED", "../shared"));
        ContentScores scores = ContentScores.measure(root);
        PrintWriter out = spec.commandLine().getOut();
        scores.print(out);
        out.flush();
        return check && !scores.meetsTargets() ? 1 : 0;
    }
}
