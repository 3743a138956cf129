package io.pagelens.web;

import io.pagelens.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/** The {@code capture_thumbnails} table: one small PNG per capture, written once (a second writer's row is ignored). */
final class ThumbnailStore {
    private final Database db;
    private final Clock clock;

    ThumbnailStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<byte[]> find(String captureId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT png_base64 FROM capture_thumbnails WHERE capture_id = ?")) {
                ps.setString(1, captureId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.<byte[]>empty();
                }
            }
        });
    }

    void save(String captureId, int width, int height, byte[] png) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO capture_thumbnails (capture_id, width, height, png_base64, created_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (capture_id) DO NOTHING")) {
                ps.setString(1, captureId);
                ps.setInt(2, width);
                ps.setInt(3, height);
                ps.setString(4, Base64.getEncoder().encodeToString(png));
                ps.setLong(5, clock.millis());
                return ps.executeUpdate();
            }
        });
    }
}
