package io.pagelens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code blobs} table: which blobs exist and when each was last written. Touching a row before its object is
 * published, and deleting row and object inside one transaction, is what keeps GC from removing a blob a capture in
 * flight is about to reference: the row lock (PostgreSQL) or the write lock (SQLite) orders the two.
 */
final class BlobRegistry {
    /** Referenced by a capture's artifacts, a stored diff's two images (freed with either capture) or a hold. */
    private static final String UNREFERENCED =
            "NOT EXISTS (SELECT 1 FROM capture_artifacts a WHERE a.blob_sha256 = blobs.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM capture_diffs d WHERE d.diff_blob = blobs.sha256 OR d.side_blob = blobs.sha256)"
            // blobs kept by other features (a monitor change's diff image), see Storage.hold
            + " AND NOT EXISTS (SELECT 1 FROM blob_holds h WHERE h.blob_sha256 = blobs.sha256)";

    private final Database db;
    private final Clock clock;

    BlobRegistry(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records the blob as used now (inserting its row if new). Committed when this returns. */
    void touch(String sha256, long bytes, String contentType) {
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO blobs (sha256, bytes, content_type, created_at, last_used_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (sha256) DO UPDATE SET last_used_at = excluded.last_used_at")) {
                st.setString(1, sha256);
                st.setLong(2, bytes);
                st.setString(3, contentType == null ? "application/octet-stream" : contentType);
                st.setLong(4, now);
                st.setLong(5, now);
                return st.executeUpdate();
            }
        });
    }

    /** Of these hashes, the ones that have a row. */
    Set<String> known(List<String> hashes) {
        if (hashes.isEmpty()) return Set.of();
        return db.read(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT sha256 FROM blobs WHERE sha256 IN (" + Sql.placeholders(hashes.size()) + ")")) {
                for (int i = 0; i < hashes.size(); i++) st.setString(i + 1, hashes.get(i));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) found.add(rs.getString(1));
                }
            }
            return found;
        });
    }

    /**
     * Gives an object the database does not know (left by a crash, or written by another tool) a row dated by the
     * object itself, so the normal sweep decides about it. A row that appeared meanwhile is left as it is.
     */
    boolean adopt(String sha256, long bytes, long lastModifiedMillis) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO blobs (sha256, bytes, content_type, created_at, last_used_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (sha256) DO NOTHING")) {
                st.setString(1, sha256);
                st.setLong(2, bytes);
                st.setString(3, "application/octet-stream");
                st.setLong(4, lastModifiedMillis);
                st.setLong(5, lastModifiedMillis);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Up to {@code limit} blobs unused since before {@code cutoffMillis} and referenced by no capture. */
    List<String> candidates(long cutoffMillis, int limit) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT sha256 FROM blobs WHERE last_used_at < ? AND "
                    + UNREFERENCED + " ORDER BY last_used_at LIMIT ?")) {
                st.setLong(1, cutoffMillis);
                st.setInt(2, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Deletes the row if the blob is still unused and unreferenced, and then, inside the same transaction, runs
     * {@code deleteObject}; a failure there rolls the row back. Returns the blob's size if it was deleted, else -1.
     */
    long deleteIfUnused(String sha256, long cutoffMillis, ObjectDeleter deleteObject) {
        return db.transaction(c -> {
            long bytes;
            try (PreparedStatement st = c.prepareStatement("DELETE FROM blobs WHERE sha256 = ? AND last_used_at < ? AND "
                    + UNREFERENCED + " RETURNING bytes")) {
                st.setString(1, sha256);
                st.setLong(2, cutoffMillis);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) return -1L;
                    bytes = rs.getLong(1);
                }
            }
            try {
                deleteObject.delete(sha256);
            } catch (java.io.IOException e) {
                throw new SQLException("blob " + sha256 + " could not be deleted from the blob store: " + e.getMessage(), e);
            }
            return bytes;
        });
    }

    @FunctionalInterface
    interface ObjectDeleter {
        void delete(String sha256) throws java.io.IOException;
    }
}
