package io.pagelens.store;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Format;
import io.pagelens.store.blob.LocalBlobStore;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;

/**
 * Child process of {@link CrashSafetyIT}: writes a capture's blobs through a sink, starts the save transaction, and
 * dies (halt, no shutdown hooks, no rollback) before it commits. Prints the blob hashes first.
 * Arguments: JDBC URL, blob folder.
 */
public final class CrashAfterBlobWrite {
    public static void main(String[] args) {
        Database db = Database.open(DatabaseUrl.parse(args[0]), DatabaseSettings.DEFAULTS);
        Storage storage = new Storage(db, new LocalBlobStore(Path.of(args[1])), StorageSettings.DEFAULTS,
                Clock.systemUTC(), new SimpleMeterRegistry());
        CaptureRequest req = FakeCaptures.request("https://example.com/crash", Format.SCREENSHOT, Format.HTML);
        BlobSink sink = storage.openSink();
        FakeCaptures.capture(req, sink, "written before the crash");
        sink.written().forEach(b -> System.out.println(b.sha256()));
        System.out.flush();
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO projects (id, name, created_at) VALUES ('prj_crash', 'crash', 1)")) {
                st.executeUpdate();
            }
            Runtime.getRuntime().halt(137); // the process dies with the transaction open
            return null;
        });
    }
}
