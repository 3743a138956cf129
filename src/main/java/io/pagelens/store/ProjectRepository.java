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
    ProjectRow ensureProject(Connection c, String tenant, String name, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO projects (id, tenant, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, name) DO NOTHING")) {
            st.setString(1, Ids.next("prj", now));
            st.setString(2, tenant);
            st.setString(3, name);
            st.setLong(4, now);
            st.executeUpdate();
        }
        // DO NOTHING + SELECT instead of DO UPDATE ... RETURNING: no row lock on the project for every save
        return findProject(c, TenantScope.of(tenant), "name", name).orElseThrow(() -> new StoreException("project " + name + " vanished while saving"));
    }

    ProjectInfo createProject(TenantScope scope, String name, Retention retention, String siteUrl, long now) {
        return db.transaction(c -> {
            if (findProject(c, TenantScope.of(scope.owner()), "name", name).isPresent()) {
                throw new InvalidRequestException("name", "a project named '" + name + "' already exists");
            }
            String id = Ids.next("prj", now);
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO projects (id, tenant, name, max_versions, max_age_ms, created_at, site_url) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, scope.owner());
                st.setString(3, name);
                Sql.setNullableInt(st, 4, retention.keepVersions());
                Sql.setNullableLong(st, 5, retention.maxAge() == null ? null : retention.maxAge().toMillis());
                st.setLong(6, now);
                st.setString(7, siteUrl);
                st.executeUpdate();
            }
            return new ProjectInfo(id, name, retention, Instant.ofEpochMilli(now), scope.owner(), siteUrl);
        });
    }

    /** By id, else by name; a scope over every tenant finds a name in its own tenant first. */
    Optional<ProjectInfo> project(TenantScope scope, String idOrName) {
        return db.read(c -> {
            Optional<ProjectRow> row = findProject(c, scope, "id", idOrName);
            if (row.isEmpty()) row = findProject(c, scope, "name", idOrName);
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

    boolean adoptSiteUrl(String projectId, String siteUrl) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE projects SET site_url = ? WHERE id = ? AND site_url IS NULL")) {
                st.setString(1, siteUrl);
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

    Listing<ProjectInfo> projects(TenantScope scope, ListQuery q) {
        return db.read(c -> {
            String sql = "SELECT " + PROJECT_COLS + " FROM projects WHERE 1 = 1" + (scope.seesAll() ? "" : " AND tenant = ?")
                    + (q.after() == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (!scope.seesAll()) st.setString(i++, scope.tenant());
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

    /** The columns ProjectRow.from reads (retention reads projects too). */
    static final String PROJECT_COLS = "id, tenant, name, max_versions, max_age_ms, created_at, site_url";

    static Optional<ProjectRow> findProject(Connection c, TenantScope scope, String column, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + PROJECT_COLS + " FROM projects WHERE " + column + " = ?"
                + (scope.seesAll() ? "" : " AND tenant = ?") + " ORDER BY CASE WHEN tenant = ? THEN 0 ELSE 1 END, id LIMIT 1")) {
            st.setString(1, value);
            if (!scope.seesAll()) st.setString(2, scope.tenant());
            st.setString(scope.seesAll() ? 2 : 3, scope.owner());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(ProjectRow.from(rs)) : Optional.empty();
            }
        }
    }

    record ProjectRow(String id, String tenant, String name, Integer keepVersions, Long maxAgeMs, long createdAt, String siteUrl) {
        static ProjectRow from(ResultSet rs) throws SQLException {
            return new ProjectRow(rs.getString("id"), rs.getString("tenant"), rs.getString("name"), Sql.nullableInt(rs, "max_versions"),
                    Sql.nullableLong(rs, "max_age_ms"), rs.getLong("created_at"), rs.getString("site_url"));
        }

        ProjectInfo info() {
            return new ProjectInfo(id, name, new Retention(keepVersions, maxAgeMs == null ? null : Duration.ofMillis(maxAgeMs)),
                    Instant.ofEpochMilli(createdAt), tenant, siteUrl);
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
