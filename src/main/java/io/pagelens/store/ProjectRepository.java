package io.pagelens.store;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.store.blob.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of projects and their pages. Portable: the same statements run on SQLite and PostgreSQL.
 * Package-private; {@link Storage} is the API.
 */
final class ProjectRepository {
    private final Database db;

    ProjectRepository(Database db) {
        this.db = db;
    }


    /** Creates the project if it does not exist; returns its id and the versions it keeps (null = default). */
    ProjectRow ensureProject(Connection c, String name, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            st.setString(1, Ids.next("prj", now));
            st.setString(2, name);
            st.setLong(3, now);
            st.executeUpdate();
        }
        // DO NOTHING + SELECT instead of DO UPDATE ... RETURNING: no row lock on the project for every save
        return findProject(c, "name", name).orElseThrow(() -> new StoreException("project " + name + " vanished while saving"));
    }

    /** The columns {@link ProjectRow#from} reads. */
    static final String COLUMNS = "id, name, max_versions, max_age_ms, created_at, url";

    ProjectInfo createProject(String name, Retention retention, String url, long now) {
        return db.transaction(c -> {
            if (findProject(c, "name", name).isPresent()) {
                throw new InvalidRequestException("name", "a project named '" + name + "' already exists");
            }
            String id = Ids.next("prj", now);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO projects (id, name, max_versions, max_age_ms, created_at, url) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, name);
                Sql.setNullableInt(st, 3, retention.keepVersions());
                Sql.setNullableLong(st, 4, retention.maxAge() == null ? null : retention.maxAge().toMillis());
                st.setLong(5, now);
                st.setString(6, url);
                st.executeUpdate();
            }
            return new ProjectInfo(id, name, retention, Instant.ofEpochMilli(now), url);
        });
    }

    Optional<ProjectInfo> project(String idOrName) {
        return db.read(c -> {
            Optional<ProjectRow> row = findProject(c, "id", idOrName);
            if (row.isEmpty()) row = findProject(c, "name", idOrName);
            return row.map(ProjectRow::info);
        });
    }

    boolean updateRetention(String projectId, Retention r) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE projects SET max_versions = ?, max_age_ms = ? WHERE id = ?")) {
                Sql.setNullableInt(st, 1, r.keepVersions());
                Sql.setNullableLong(st, 2, r.maxAge() == null ? null : r.maxAge().toMillis());
                st.setString(3, projectId);
                return st.executeUpdate() == 1;
            }
        });
    }

    boolean updateUrl(String projectId, String url) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE projects SET url = ? WHERE id = ?")) {
                st.setString(1, url);
                st.setString(2, projectId);
                return st.executeUpdate() == 1;
            }
        });
    }

    boolean deleteProject(String projectId) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM projects WHERE id = ?")) {
                st.setString(1, projectId);
                return st.executeUpdate() == 1;
            }
        });
    }

    Listing<ProjectInfo> projects(ListQuery q) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM projects"
                    + (q.after() == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (q.after() != null) st.setString(i++, q.after());
                st.setInt(i, q.limit() + 1);
                List<ProjectInfo> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(ProjectRow.from(rs).info());
                }
                return Listing.of(out, q.limit(), ProjectInfo::id);
            }
        });
    }

    static Optional<ProjectRow> findProject(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM projects WHERE " + column + " = ?")) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(ProjectRow.from(rs)) : Optional.empty();
            }
        }
    }

    record ProjectRow(String id, String name, Integer keepVersions, Long maxAgeMs, long createdAt, String url) {
        static ProjectRow from(ResultSet rs) throws SQLException {
            return new ProjectRow(rs.getString("id"), rs.getString("name"), Sql.nullableInt(rs, "max_versions"),
                    Sql.nullableLong(rs, "max_age_ms"), rs.getLong("created_at"), rs.getString("url"));
        }

        ProjectInfo info() {
            return new ProjectInfo(id, name, new Retention(keepVersions, maxAgeMs == null ? null : Duration.ofMillis(maxAgeMs)),
                    Instant.ofEpochMilli(createdAt), url);
        }
    }


    String ensurePage(Connection c, String projectId, String pageType, String url, long now) throws SQLException {
        String urlHash = Sha256.of(url);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO pages (id, project_id, page_type, url, url_sha256, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, page_type, url_sha256) DO NOTHING")) {
            st.setString(1, Ids.next("pg", now));
            st.setString(2, projectId);
            st.setString(3, pageType);
            st.setString(4, url);
            st.setString(5, urlHash);
            st.setLong(6, now);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM pages WHERE project_id = ? AND page_type = ? AND url_sha256 = ?")) {
            st.setString(1, projectId);
            st.setString(2, pageType);
            st.setString(3, urlHash);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) throw new StoreException("page " + url + " vanished while saving");
                return rs.getString(1);
            }
        }
    }

    Listing<PageInfo> pages(String projectId, ListQuery q) {
        return db.read(c -> {
            String sql = "SELECT id, project_id, page_type, url, created_at FROM pages WHERE project_id = ?"
                    + (q.after() == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, projectId);
                if (q.after() != null) st.setString(i++, q.after());
                st.setInt(i, q.limit() + 1);
                List<PageInfo> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PageInfo(rs.getString("id"), rs.getString("project_id"), rs.getString("page_type"),
                                rs.getString("url"), Instant.ofEpochMilli(rs.getLong("created_at"))));
                    }
                }
                return Listing.of(out, q.limit(), PageInfo::id);
            }
        });
    }
}
