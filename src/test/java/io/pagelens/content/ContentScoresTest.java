package io.pagelens.content;

import io.pagelens.testing.Shared;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Prints the issue-3 scores on the raw corpus files and holds them to their targets. */
class ContentScoresTest {
    @Test
    void scores_meetTargets() throws Exception {
        ContentScores scores = ContentScores.measure(Shared.root());
        PrintWriter out = new PrintWriter(System.out, true);
        scores.print(out);
        out.flush();
        assertThat(scores.turndown().cases()).isEqualTo(103);
        assertThat(scores.turndown().percent()).isGreaterThanOrEqualTo(ContentScores.TURNDOWN_TARGET_PERCENT);
        assertThat(scores.readability().articles()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(scores.readability().meanF1()).isGreaterThanOrEqualTo(ContentScores.F1_TARGET);
        assertThat(scores.readability().fields().get("title").percent())
                .isGreaterThanOrEqualTo(ContentScores.TITLE_TARGET_PERCENT);
        assertThat(scores.meetsTargets()).isTrue();
    }

    @Test
    void tokenF1_isSymmetricAndBounded() {
        assertThat(TokenF1.score("a b c", "a b c")).isEqualTo(1.0);
        assertThat(TokenF1.score("", "")).isEqualTo(1.0);
        assertThat(TokenF1.score("a b", "")).isZero();
        assertThat(TokenF1.score("The cat sat", "the cat")).isEqualTo(0.8);
        assertThat(TokenF1.score("x y", "a b")).isZero();
    }
}
