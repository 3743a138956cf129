package io.pagelens.analysis.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unified line diff of two Markdown documents, with added/removed line and word counts, through java-diff-utils'
 * linear-space Myers algorithm. Line endings are normalised; words are runs of non-whitespace.
 */
public final class TextDiff {
    /** Each side at most this long (4 MB of text): the corpus's longest page is 272 KB of HTML. */
    public static final int MAX_CHARS = 4_000_000;
    public static final int MAX_UNIFIED_CHARS = 1_000_000;
    public static final int DEFAULT_CONTEXT = 3;
    private static final int LINEAR_SPACE_ABOVE_LINES = 20_000;

    private TextDiff() {
    }

    public static TextDiffResult compare(String a, String b) {
        return compare(a, b, "a.md", "b.md", DEFAULT_CONTEXT);
    }

    /**
     * @param nameA   shown on the {@code ---} line
     * @param context unchanged lines around each hunk (0-100)
     */
    public static TextDiffResult compare(String a, String b, String nameA, String nameB, int context) {
        check(a, "markdown A");
        check(b, "markdown B");
        if (context < 0 || context > 100) throw new IllegalArgumentException("context must be between 0 and 100, was " + context);
        List<String> la = lines(a), lb = lines(b);
        // classic Myers pairs a changed line as one ChangeDelta (readable hunks) but needs memory growing with the
        // number of edits squared; big inputs take the linear-space variant
        Patch<String> patch = la.size() + lb.size() <= LINEAR_SPACE_ABOVE_LINES
                ? DiffUtils.diff(la, lb) : DiffUtils.diff(la, lb, new MyersDiffWithLinearSpace<>());
        int added = 0, removed = 0, addedWords = 0, removedWords = 0;
        for (List<AbstractDelta<String>> group : adjacent(patch.getDeltas())) {
            List<String> src = new ArrayList<>(), dst = new ArrayList<>();
            for (AbstractDelta<String> d : group) {
                src.addAll(d.getSource().getLines());
                dst.addAll(d.getTarget().getLines());
            }
            removed += src.size();
            added += dst.size();
            List<String> ws = words(src), wd = words(dst);
            if (ws.isEmpty() || wd.isEmpty()) {
                removedWords += ws.size();
                addedWords += wd.size();
                continue;
            }
            for (AbstractDelta<String> w : DiffUtils.diff(ws, wd, new MyersDiffWithLinearSpace<>()).getDeltas()) {
                removedWords += w.getSource().size();
                addedWords += w.getTarget().size();
            }
        }
        if (patch.getDeltas().isEmpty()) return new TextDiffResult("", 0, 0, 0, 0, 0, true, false);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(nameA, nameB, la, patch, context);
        StringBuilder sb = new StringBuilder();
        boolean truncated = false;
        int hunks = 0;
        for (String line : unified) {
            if (line.startsWith("@@")) hunks++;
            if (!truncated && sb.length() + line.length() + 1 > MAX_UNIFIED_CHARS) truncated = true;
            if (!truncated) sb.append(line).append('\n');
        }
        return new TextDiffResult(sb.toString(), added, removed, addedWords, removedWords, hunks, false, truncated);
    }

    /** Deltas that touch in both texts (a delete right before an insert is one changed block). */
    private static List<List<AbstractDelta<String>>> adjacent(List<AbstractDelta<String>> deltas) {
        List<List<AbstractDelta<String>>> groups = new ArrayList<>();
        AbstractDelta<String> last = null;
        for (AbstractDelta<String> d : deltas) {
            boolean touches = last != null
                    && d.getSource().getPosition() <= last.getSource().getPosition() + last.getSource().size()
                    && d.getTarget().getPosition() <= last.getTarget().getPosition() + last.getTarget().size();
            if (!touches) groups.add(new ArrayList<>());
            groups.getLast().add(d);
            last = d;
        }
        return groups;
    }

    private static void check(String s, String what) {
        if (s == null) throw new IllegalArgumentException(what + " is missing");
        if (s.length() > MAX_CHARS) {
            throw new IllegalArgumentException(what + " is " + s.length() + " characters, over the limit of " + MAX_CHARS);
        }
    }

    private static List<String> lines(String s) {
        if (s.isEmpty()) return List.of();
        String n = s.replace("\r\n", "\n").replace('\r', '\n');
        if (n.endsWith("\n")) n = n.substring(0, n.length() - 1);
        return Arrays.asList(n.split("\n", -1));
    }

    private static List<String> words(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            for (String w : l.strip().split("\\s+")) if (!w.isEmpty()) out.add(w);
        }
        return out;
    }
}
