package io.pagelens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of retention: versions beyond each project's limit and captures past their max age are removed (their
 * blobs go at the next GC). Package-private; {@link Storage} is the API.
 */
final class RetentionRepository {
    private final Database db;

    RetentionRepository(Database db) {
        this.db = db;
    }


    /** Removes versions beyond each project's limit (after a limit was lowered) and captures past their max age. */
    int applyRetention(int defaultKeepVersions, Duration defaultMaxAge, long now) {
        List<ProjectRepository.ProjectRow> projects = db.read(c -> {
            List<ProjectRepository.ProjectRow> all = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + ProjectRepository.PROJECT_COLS + " FROM projects");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) all.add(ProjectRepository.ProjectRow.from(rs));
            }
            return all;
        });
        int deleted = 0;
        for (ProjectRepository.ProjectRow p : projects) {
            int keep = p.keepVersions() == null ? defaultKeepVersions : p.keepVersions();
            Long maxAgeMs = p.maxAgeMs() != null ? p.maxAgeMs() : defaultMaxAge == null ? null : defaultMaxAge.toMillis();
            deleted += db.transaction(c -> {
                int n;
                try (PreparedStatement st = c.prepareStatement("DELETE FROM captures WHERE id IN (SELECT c.id FROM captures c "
                        + "JOIN capture_heads h ON h.page_id = c.page_id AND h.options_hash = c.options_hash AND h.variant = c.variant "
                        + "JOIN pages p ON p.id = c.page_id WHERE p.project_id = ? AND c.version <= h.version - ?)")) {
                    st.setString(1, p.id());
                    st.setInt(2, keep + 1);
                    n = st.executeUpdate();
                }
                if (maxAgeMs != null) {
                    // the current version too: a project that keeps 30 days shows nothing older, and the head row
                    // goes with it (ON DELETE CASCADE)
                    try (PreparedStatement st = c.prepareStatement("DELETE FROM captures WHERE id IN (SELECT c.id FROM captures c "
                            + "JOIN pages p ON p.id = c.page_id WHERE p.project_id = ? AND c.captured_at < ?)")) {
                        st.setString(1, p.id());
                        st.setLong(2, now - maxAgeMs);
                        n += st.executeUpdate();
                    }
                }
                return n;
            });
        }
        return deleted;
    }
}
