package io.pagelens.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StaleDirSweepTest {
    private static Path dir(String owner) throws Exception {
        Path d = Files.createTempDirectory("pagelens-chrome-");
        Files.createDirectories(d.resolve("profile"));
        if (owner != null) Files.writeString(d.resolve("owner.pid"), owner);
        return d;
    }

    @Test
    void removesFoldersOfDeadJvms_only() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = dir(Long.toString(dead.pid()));
        Path live = dir(Long.toString(ProcessHandle.current().pid()));
        Path unknown = dir(null);
        try {
            ChromiumProcess.sweepStaleDirs();
            assertThat(stale).doesNotExist();
            assertThat(live).exists();
            assertThat(unknown).exists();
        } finally {
            ChromiumProcess.deleteTree(live);
            ChromiumProcess.deleteTree(unknown);
            ChromiumProcess.deleteTree(stale);
        }
    }
}
