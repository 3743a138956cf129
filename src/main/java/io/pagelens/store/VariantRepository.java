package io.pagelens.store;

import io.pagelens.capture.InvalidRequestException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of page variants; portable across SQLite and PostgreSQL. Package-private; {@link Storage} is the API. */
final class VariantRepository {
    private static final String COLUMNS = "id, project_id, name, description, mutations_json, created_at";
    private final Database db;

    VariantRepository(Database db) {
        this.db = db;
    }

    VariantInfo create(String projectId, String name, String description, String mutationsJson, long now) {
        return db.transaction(c -> {
            if (find(c, projectId, name).isPresent()) {
                throw new InvalidRequestException("name", "the project has a variant named '" + name + "' already");
            }
            String id = Ids.next("var", now);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO variants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, projectId);
                st.setString(3, name);
                st.setString(4, description);
                st.setString(5, mutationsJson);
                st.setLong(6, now);
                st.executeUpdate();
            }
            return new VariantInfo(id, projectId, name, description, mutationsJson, Instant.ofEpochMilli(now));
        });
    }

    /** By id or by name within the project. */
    Optional<VariantInfo> variant(String projectId, String idOrName) {
        return db.read(c -> find(c, projectId, idOrName));
    }

    boolean delete(String projectId, String variantId) {
        return db.transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM variants WHERE project_id = ? AND id = ?")) {
                st.setString(1, projectId);
                st.setString(2, variantId);
                return st.executeUpdate() == 1;
            }
        });
    }

    Listing<VariantInfo> variants(String projectId, ListQuery q) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM variants WHERE project_id = ?" + (q.after() == null ? "" : " AND id > ?")
                    + " ORDER BY id LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, projectId);
                if (q.after() != null) st.setString(i++, q.after());
                st.setInt(i, q.limit() + 1);
                List<VariantInfo> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                return Listing.of(out, q.limit(), VariantInfo::id);
            }
        });
    }

    private static Optional<VariantInfo> find(Connection c, String projectId, String idOrName) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM variants WHERE project_id = ? AND (id = ? OR name = ?)")) {
            st.setString(1, projectId);
            st.setString(2, idOrName);
            st.setString(3, idOrName);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static VariantInfo row(ResultSet rs) throws SQLException {
        return new VariantInfo(rs.getString("id"), rs.getString("project_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("mutations_json"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
