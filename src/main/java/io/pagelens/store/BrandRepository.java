package io.pagelens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The SQL of stored brand profiles, one per project; portable. Package-private; {@link Storage} is the API. */
final class BrandRepository {
    private final Database db;

    BrandRepository(Database db) {
        this.db = db;
    }

    StoredBrand save(String projectId, String url, String captureId, String profileJson, long now) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO brand_profiles (project_id, url, capture_id, profile_json, computed_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET url = excluded.url, capture_id = excluded.capture_id,"
                    + " profile_json = excluded.profile_json, computed_at = excluded.computed_at")) {
                st.setString(1, projectId);
                st.setString(2, url);
                st.setString(3, captureId);
                st.setString(4, profileJson);
                st.setLong(5, now);
                st.executeUpdate();
            }
            return new StoredBrand(projectId, url, captureId, profileJson, Instant.ofEpochMilli(now));
        });
    }

    Optional<StoredBrand> find(String projectId) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT project_id, url, capture_id, profile_json, computed_at FROM brand_profiles WHERE project_id = ?")) {
                st.setString(1, projectId);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new StoredBrand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        });
    }
}
