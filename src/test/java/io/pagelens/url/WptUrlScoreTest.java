package io.pagelens.url;

import io.pagelens.content.ContentScores;
import io.pagelens.testing.Shared;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The WPT URL score that {@code pagelens score} prints: it must not drop below what was reached. */
class WptUrlScoreTest {
    @Test
    void wptScore_httpCases_allPassOnEveryComponent() throws Exception {
        WptUrlSuite.Score score = WptUrlSuite.run(Shared.root());
        score.misses().forEach(System.out::println);
        assertThat(score.cases()).as("http(s) cases in the data").isEqualTo(442);
        assertThat(score.expectFailure()).isEqualTo(198);
        assertThat(score.allPassed()).isGreaterThanOrEqualTo(ContentScores.URL_TARGET_PASSED);
        assertThat(score.hrefPassed()).isGreaterThanOrEqualTo(score.allPassed());
        assertThat(score.misses()).isEmpty();
    }

    @Test
    void scope_isHttpInputsAndRelativeOnHttpBases() {
        assertThat(WptUrlSuite.inScope("HTTP://x", null)).isTrue();
        assertThat(WptUrlSuite.inScope("  https:x", null)).isTrue();
        assertThat(WptUrlSuite.inScope("/x", "http://a/")).isTrue();
        assertThat(WptUrlSuite.inScope("/x", "file:///a")).isFalse();
        assertThat(WptUrlSuite.inScope("/x", null)).isFalse();
        assertThat(WptUrlSuite.inScope("ftp://x", "http://a/")).isFalse();
        assertThat(WptUrlSuite.inScope("c:/x", "http://a/")).as("a scheme c").isFalse();
    }
}
