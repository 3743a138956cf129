package io.pagelens.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellWordsTest {
    @Test
    void blanks_separateWords() {
        assertThat(ShellWords.split("  --a   --b\t--c\n")).containsExactly("--a", "--b", "--c");
    }

    @Test
    void doubleQuotes_keepSpacesInsideOneWord_withoutTheQuotes() {
        assertThat(ShellWords.split("--host-resolver-rules=\"MAP * ~NOTFOUND , EXCLUDE 127.0.0.1\" --x"))
                .containsExactly("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", "--x");
    }

    @Test
    void singleQuotes_areLiteral() {
        assertThat(ShellWords.split("'--js-flags=--a \"b\"' c")).containsExactly("--js-flags=--a \"b\"", "c");
    }

    @Test
    void backslash_escapesOutsideQuotes_andSelectedCharsInsideDoubleQuotes() {
        assertThat(ShellWords.split("a\\ b \"x\\\"y\\n\"")).containsExactly("a b", "x\"y\\n");
    }

    @Test
    void emptyQuotes_makeAnEmptyWord() {
        assertThat(ShellWords.split("a '' b")).containsExactly("a", "", "b");
    }

    @Test
    void nothing_givesNoWords() {
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split(null)).isEmpty();
    }

    @Test
    void unclosedQuote_isAnError() {
        assertThatThrownBy(() -> ShellWords.split("--a=\"open")).hasMessageContaining("unclosed double quote");
        assertThatThrownBy(() -> ShellWords.split("--a='open")).hasMessageContaining("unclosed single quote");
    }
}
