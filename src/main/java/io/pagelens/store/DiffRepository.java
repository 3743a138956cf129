package io.pagelens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The SQL of stored diffs; portable. Package-private; {@link Storage} is the API. */
final class DiffRepository {
    private static final String SELECT = "SELECT d.id, d.capture_a, d.capture_b, d.options_hash, d.result_json, d.diff_blob,"
            + " bd.bytes AS diff_bytes, d.side_blob, bs.bytes AS side_bytes, d.created_at FROM capture_diffs d"
            + " JOIN blobs bd ON bd.sha256 = d.diff_blob JOIN blobs bs ON bs.sha256 = d.side_blob";
    private final Database db;

    DiffRepository(Database db) {
        this.db = db;
    }

    Optional<StoredDiff> find(String a, String b, String optionsHash) {
        return db.read(c -> one(c, " WHERE d.capture_a = ? AND d.capture_b = ? AND d.options_hash = ?", a, b, optionsHash));
    }

    Optional<StoredDiff> byId(String id) {
        return db.read(c -> one(c, " WHERE d.id = ?", id));
    }

    /** Saves the diff; when the same pair and options were saved meanwhile (two requests at once), returns that one. */
    StoredDiff save(String a, String b, String optionsHash, String resultJson, String diffBlob, String sideBlob, long now) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO capture_diffs (id, capture_a, capture_b, options_hash, result_json,"
                    + " diff_blob, side_blob, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (capture_a, capture_b, options_hash) DO NOTHING")) {
                st.setString(1, Ids.next("dif", now));
                st.setString(2, a);
                st.setString(3, b);
                st.setString(4, optionsHash);
                st.setString(5, resultJson);
                st.setString(6, diffBlob);
                st.setString(7, sideBlob);
                st.setLong(8, now);
                st.executeUpdate();
            }
            return one(c, " WHERE d.capture_a = ? AND d.capture_b = ? AND d.options_hash = ?", a, b, optionsHash)
                    .orElseThrow(() -> new StoreException("diff of " + a + " and " + b + " vanished while saving"));
        });
    }

    private static Optional<StoredDiff> one(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < args.length; i++) st.setString(i + 1, args[i]);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new StoredDiff(rs.getString("id"), rs.getString("capture_a"), rs.getString("capture_b"),
                        rs.getString("options_hash"), rs.getString("result_json"), rs.getString("diff_blob"), rs.getLong("diff_bytes"),
                        rs.getString("side_blob"), rs.getLong("side_bytes"), Instant.ofEpochMilli(rs.getLong("created_at"))));
            }
        }
    }
}
