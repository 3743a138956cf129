package io.pagelens.store;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.jobs.MutableClock;
import io.pagelens.store.blob.LocalBlobStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real crash between blob write and commit: a child JVM writes blobs, opens the save transaction and halts.
 * Afterwards the database holds no row of that capture, the blobs are intact orphans, and GC removes them.
 */
class CrashSafetyIT extends DatabaseSuite {
    @BothDatabases
    void crashBetweenBlobWriteAndCommit_leavesOnlyOrphansThatGcRemoves(Database db) throws Exception {
        Path blobDir = dbs.newTempDir();
        List<String> hashes = runCrashingChild(childJdbcUrl(db), blobDir);
        assertThat(hashes).hasSize(2);

        MutableClock clock = new MutableClock(Instant.now());
        LocalBlobStore blobs = new LocalBlobStore(blobDir);
        Storage storage = new Storage(db, blobs, StorageSettings.DEFAULTS, clock, new SimpleMeterRegistry());
        assertThat(StorageIT.count(db, "SELECT COUNT(*) FROM projects WHERE id = 'prj_crash'")).as("uncommitted insert").isZero();
        assertThat(StorageIT.count(db, "SELECT COUNT(*) FROM capture_artifacts")).isZero();
        for (String h : hashes) assertThat(blobs.exists(h)).as("synced before the crash").isTrue();

        clock.advance(StorageSettings.DEFAULT_BLOB_GRACE.plusMinutes(1));
        GcReport r = storage.collectGarbage();
        assertThat(r.deleted()).isEqualTo(2);
        for (String h : hashes) assertThat(blobs.exists(h)).isFalse();
        assertThat(StorageIT.count(db, "SELECT COUNT(*) FROM blobs")).isZero();
    }

    private static String childJdbcUrl(Database db) {
        DatabaseUrl u = db.url();
        if (u.user() == null) return u.jdbcUrl();
        String sep = u.jdbcUrl().contains("?") ? "&" : "?";
        return u.jdbcUrl() + sep + "user=" + u.user() + (u.password() == null ? "" : "&password=" + u.password());
    }

    private static List<String> runCrashingChild(String jdbcUrl, Path blobDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), CrashAfterBlobWrite.class.getName(), jdbcUrl, blobDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            out.lines().filter(l -> l.matches("[0-9a-f]{64}")).forEach(lines::add);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("crashing child did not exit");
        }
        assertThat(p.exitValue()).as("child died by halt(137)").isEqualTo(137);
        return lines;
    }
}
