package io.pagelens.analysis.diff;

/**
 * A line diff of two texts (the Markdown of two captures).
 *
 * @param unified      the unified diff ({@code ---}/{@code +++} headers, {@code @@} hunks), empty when identical;
 *                     cut at {@value TextDiff#MAX_UNIFIED_CHARS} characters (then {@code truncated})
 * @param addedLines   lines only in B
 * @param removedLines lines only in A
 * @param addedWords   words only in B, counted word by word inside changed lines
 * @param removedWords words only in A
 * @param hunks        changed blocks
 */
public record TextDiffResult(String unified, int addedLines, int removedLines, int addedWords, int removedWords,
                             int hunks, boolean identical, boolean truncated) {
}
