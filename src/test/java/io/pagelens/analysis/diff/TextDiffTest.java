package io.pagelens.analysis.diff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDiffTest {
    private static final String A = """
            # Northwind

            Turn raw data into decisions your team trusts.

            - Dashboards
            - Pipelines
            - Alerts
            """;

    @Test
    void identicalTexts_haveAnEmptyDiff() {
        TextDiffResult r = TextDiff.compare(A, A.replace("\n", "\r\n"));
        assertThat(r.identical()).isTrue();
        assertThat(r.unified()).isEmpty();
        assertThat(r.addedLines() + r.removedLines() + r.hunks()).isZero();
    }

    @Test
    void changedLine_countsLinesAndOnlyTheWordsThatChanged() {
        String b = A.replace("decisions your team trusts", "choices everyone trusts").replace("- Alerts\n", "- Alerts\n- Embedded analytics\n");
        TextDiffResult r = TextDiff.compare(A, b, "control.md", "variant.md", 3);
        assertThat(r.removedLines()).isEqualTo(1);
        assertThat(r.addedLines()).isEqualTo(2);
        assertThat(r.removedWords()).isEqualTo(3); // decisions your team
        assertThat(r.addedWords()).isEqualTo(2 + 3); // choices everyone + "- Embedded analytics"
        assertThat(r.unified()).startsWith("--- control.md\n+++ variant.md\n@@ ")
                .contains("\n-Turn raw data into decisions your team trusts.\n")
                .contains("\n+Turn raw data into choices everyone trusts.\n")
                .contains("\n+- Embedded analytics\n");
        assertThat(r.identical()).isFalse();
    }

    @Test
    void longDocuments_takeTheLinearSpacePath_withTheSameCounts() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 15_000; i++) a.append("line ").append(i).append(" of the long page\n");
        String b = a.toString().replace("line 7000 of the long page", "line 7000 of the much longer page");
        TextDiffResult r = TextDiff.compare(a.toString(), b);
        assertThat(r.removedLines()).isEqualTo(1);
        assertThat(r.addedLines()).isEqualTo(1);
        assertThat(r.removedWords()).isEqualTo(1);
        assertThat(r.addedWords()).isEqualTo(2);
        assertThat(r.hunks()).isEqualTo(1);
    }

    @Test
    void emptyAgainstText_isAllAdded() {
        TextDiffResult r = TextDiff.compare("", "one two\nthree\n");
        assertThat(r.addedLines()).isEqualTo(2);
        assertThat(r.addedWords()).isEqualTo(3);
        assertThat(r.removedLines()).isZero();
    }

    @Test
    void oversizedInput_isRefusedNamingTheSide() {
        String big = "x".repeat(TextDiff.MAX_CHARS + 1);
        assertThatThrownBy(() -> TextDiff.compare("a", big)).hasMessageStartingWith("markdown B is ");
    }
}
