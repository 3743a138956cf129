package io.pagelens.config;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md cannot drift from the code: every variable the code or a script reads has a table row, and
 * every row names a variable something reads. Generic over the sources (see {@link ConfigCatalogue}), so variables
 * other features add are checked without this test knowing them.
 */
class ConfigDocsTest {
    @Test
    void everyVariableReadIsDocumented() throws Exception {
        Map<String, Integer> documented = ConfigCatalogue.documented();
        List<String> missing = new ArrayList<>();
        ConfigCatalogue.read().forEach((name, where) -> {
            if (!documented.containsKey(name)) {
                missing.add(name + " is read at " + where + " but has no row in docs/configuration.md (add: | `" + name + "` | default | meaning |)");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyDocumentedVariableIsRead() throws Exception {
        Map<String, String> read = ConfigCatalogue.readIncludingTests();
        List<String> stale = new ArrayList<>();
        ConfigCatalogue.documented().forEach((name, line) -> {
            if (!read.containsKey(name)) {
                stale.add(name + " has a row at docs/configuration.md:" + line + " but nothing in src/main, src/test or the scripts reads it "
                        + "(remove the row, or read it through Env with the name as a literal)");
            }
        });
        assertThat(stale).isEmpty();
    }

    @Test
    void theScanFindsReadsOfEveryShape() throws Exception {
        Map<String, String> read = ConfigCatalogue.read();
        assertThat(read).containsKeys("PORT", "DYNO", "DATABASE_URL", "CHROME_PATH", "WEB_MEMORY", "AWS_ACCESS_KEY_ID",
                "PAGELENS_API_KEYS", "PAGELENS_LOG_FORMAT", "PAGELENS_AOT", "PAGELENS_JAVA_OPTS");
        assertThat(read.get("PAGELENS_AOT")).as("read by a script").startsWith("bin/");
    }
}
