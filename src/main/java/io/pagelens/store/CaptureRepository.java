package io.pagelens.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pagelens.capture.Artifact;
import io.pagelens.capture.CaptureReport;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.content.Link;
import io.pagelens.content.PageMetadata;
import io.pagelens.store.blob.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of captures: saving a version under its key, reading versions, their artifacts and links, deleting one.
 * Portable: the same statements run on SQLite and PostgreSQL. Package-private; {@link Storage} is the API.
 */
final class CaptureRepository {
    /** Columns of a capture with its page and project; the FROM clause is {@link #FROM}. */
    private static final String COLUMNS = "c.id, pr.id AS project_id, pr.name AS project_name, p.id AS page_id, "
            + "p.page_type, p.url, c.requested_url, c.options_hash, c.variant, c.version, "
            + "CASE WHEN h.capture_id IS NULL THEN 0 ELSE 1 END AS is_current, c.captured_at, c.report_json, "
            + "c.metadata_json, c.options_json";
    private static final String FROM = " FROM captures c JOIN pages p ON p.id = c.page_id "
            + "JOIN projects pr ON pr.id = p.project_id LEFT JOIN capture_heads h ON h.capture_id = c.id ";

    private final Database db;
    private final ProjectRepository projects;

    CaptureRepository(Database db, ProjectRepository projects) {
        this.db = db;
        this.projects = projects;
    }

    // ---- projects
    /**
     * Saves a new version under the key in one transaction: project and page created if new, the key's head upserted
     * (which allocates the version number and serialises concurrent saves of one key), the capture row and its
     * artifact references inserted, and versions beyond the project's limit removed.
     */
    StoredCapture save(CaptureKey key, CaptureResult result, List<WrittenBlob> blobs, String optionsJson,
                       int defaultKeepVersions, long now) {
        List<StoredArtifact> artifacts = matchArtifacts(result.artifacts(), blobs);
        String id = Ids.next("cap", now);
        String reportJson = JsonColumns.write(result.report());
        String metadataJson = JsonColumns.write(result.metadata());
        String linksJson = result.links().isEmpty() ? null : JsonColumns.write(result.links());
        return db.transaction(c -> {
            ProjectRepository.ProjectRow project = projects.ensureProject(c, key.tenant(), key.project(), now);
            String pageId = projects.ensurePage(c, project.id(), key.pageType(), key.url(), now);
            int version = upsertHead(c, pageId, key, id, now);
            insertCapture(c, id, pageId, key, version, result, optionsJson, reportJson, metadataJson, linksJson, now);
            insertArtifacts(c, id, artifacts);
            int keep = project.keepVersions() == null ? defaultKeepVersions : project.keepVersions();
            trimHistory(c, pageId, key, version - keep - 1);
            return new StoredCapture(id, project.id(), project.name(), pageId, key.pageType(), key.url(),
                    result.request().url().toString(), key.optionsHash(), key.variant(), version, true,
                    Instant.ofEpochMilli(now), result.report(), result.metadata(), optionsJson, artifacts);
        });
    }

    private static int upsertHead(Connection c, String pageId, CaptureKey key, String captureId, long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO capture_heads (page_id, options_hash, variant, capture_id, version, updated_at) VALUES (?, ?, ?, ?, 1, ?) "
                        + "ON CONFLICT (page_id, options_hash, variant) DO UPDATE SET capture_id = excluded.capture_id, "
                        + "version = capture_heads.version + 1, updated_at = excluded.updated_at RETURNING version")) {
            st.setString(1, pageId);
            st.setString(2, key.optionsHash());
            st.setString(3, key.variant());
            st.setString(4, captureId);
            st.setLong(5, now);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertCapture(Connection c, String id, String pageId, CaptureKey key, int version, CaptureResult r,
                                      String optionsJson, String reportJson, String metadataJson, String linksJson,
                                      long now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO captures (id, page_id, options_hash, variant, version, "
                + "requested_url, final_url, http_status, options_json, report_json, metadata_json, links_json, captured_at, tenant) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, pageId);
            st.setString(3, key.optionsHash());
            st.setString(4, key.variant());
            st.setInt(5, version);
            st.setString(6, r.request().url().toString());
            st.setString(7, r.report().finalUrl() == null ? null : r.report().finalUrl().toString());
            st.setInt(8, r.report().httpStatus());
            st.setString(9, optionsJson);
            st.setString(10, reportJson);
            st.setString(11, metadataJson);
            st.setString(12, linksJson);
            st.setLong(13, now);
            st.setString(14, key.tenant());
            st.executeUpdate();
        }
    }

    private static void insertArtifacts(Connection c, String captureId, List<StoredArtifact> artifacts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO capture_artifacts (capture_id, position, format, "
                + "blob_sha256, content_type, bytes, width, height) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < artifacts.size(); i++) {
                StoredArtifact a = artifacts.get(i);
                st.setString(1, captureId);
                st.setInt(2, i);
                st.setString(3, a.format().id());
                st.setString(4, a.sha256());
                st.setString(5, a.contentType());
                st.setLong(6, a.bytes());
                st.setInt(7, a.width());
                st.setInt(8, a.height());
                st.addBatch();
            }
            if (!artifacts.isEmpty()) st.executeBatch();
        } catch (SQLException e) {
            // the FK to blobs: a blob row GC removed (unused for longer than the grace period) cannot be referenced
            throw new SQLException("capture artifacts could not be recorded (a blob may have been garbage-collected "
                    + "before the save; capture again): " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static void trimHistory(Connection c, String pageId, CaptureKey key, int maxVersionToDelete) throws SQLException {
        if (maxVersionToDelete < 1) return;
        try (PreparedStatement st = c.prepareStatement(
                "DELETE FROM captures WHERE page_id = ? AND options_hash = ? AND variant = ? AND version <= ?")) {
            st.setString(1, pageId);
            st.setString(2, key.optionsHash());
            st.setString(3, key.variant());
            st.setInt(4, maxVersionToDelete);
            st.executeUpdate();
        }
    }

    /**
     * Pairs the artifacts the capture reports with the blobs the sink wrote: the n-th artifact of a format with the
     * n-th blob of that format. Every reported artifact needs its blob; blobs nobody reported are kept too, without
     * dimensions.
     */
    static List<StoredArtifact> matchArtifacts(List<Artifact> reported, List<WrittenBlob> written) {
        Map<Format, List<WrittenBlob>> byFormat = new LinkedHashMap<>();
        for (WrittenBlob b : written) byFormat.computeIfAbsent(b.format(), f -> new ArrayList<>()).add(b);
        Map<Format, Integer> used = new HashMap<>();
        List<StoredArtifact> out = new ArrayList<>();
        for (Artifact a : reported) {
            int n = used.merge(a.format(), 1, Integer::sum) - 1;
            List<WrittenBlob> blobs = byFormat.getOrDefault(a.format(), List.of());
            if (n >= blobs.size()) {
                throw new StoreException("the capture reports a " + a.format().id() + " artifact that was not written to its sink");
            }
            WrittenBlob b = blobs.get(n);
            out.add(new StoredArtifact(a.format(), b.contentType(), b.bytes(), a.width(), a.height(), b.sha256()));
        }
        byFormat.forEach((format, blobs) -> {
            for (int i = used.getOrDefault(format, 0); i < blobs.size(); i++) {
                WrittenBlob b = blobs.get(i);
                out.add(new StoredArtifact(format, b.contentType(), b.bytes(), 0, 0, b.sha256()));
            }
        });
        return out;
    }

    Optional<StoredCapture> findCurrent(CaptureKey key, long capturedSince) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + "WHERE pr.name = ? AND p.page_type = ? AND p.url_sha256 = ? AND c.options_hash = ? AND c.variant = ? "
                    + "AND h.capture_id IS NOT NULL AND c.captured_at >= ? AND pr.tenant = ?")) {
                st.setString(1, key.project());
                st.setString(2, key.pageType());
                st.setString(3, Sha256.of(key.url()));
                st.setString(4, key.optionsHash());
                st.setString(5, key.variant());
                st.setLong(6, capturedSince);
                st.setString(7, key.tenant());
                List<StoredCapture> found = readCaptures(c, st);
                return found.stream().findFirst();
            }
        });
    }

    Optional<StoredCapture> capture(TenantScope scope, String id) {
        return db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + FROM + "WHERE c.id = ?"
                    + (scope.seesAll() ? "" : " AND c.tenant = ?"))) {
                st.setString(1, id);
                if (!scope.seesAll()) st.setString(2, scope.tenant());
                return readCaptures(c, st).stream().findFirst();
            }
        });
    }

    List<Link> links(String captureId) {
        String json = db.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT links_json FROM captures WHERE id = ?")) {
                st.setString(1, captureId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        List<Link> links = JsonColumns.read(json, new TypeReference<List<Link>>() { });
        return links == null ? List.of() : links;
    }

    /** Captures of a project, newest first; current ones only unless {@code history}; optionally of one page. */
    Listing<StoredCapture> captures(String projectId, String pageId, boolean history, ListQuery q) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM).append("WHERE pr.id = ?");
            if (pageId != null) sql.append(" AND p.id = ?");
            if (!history) sql.append(" AND h.capture_id IS NOT NULL");
            if (q.after() != null) sql.append(" AND c.id < ?");
            sql.append(" ORDER BY c.id DESC LIMIT ?");
            try (PreparedStatement st = c.prepareStatement(sql.toString())) {
                int i = 1;
                st.setString(i++, projectId);
                if (pageId != null) st.setString(i++, pageId);
                if (q.after() != null) st.setString(i++, q.after());
                st.setInt(i, q.limit() + 1);
                return Listing.of(readCaptures(c, st), q.limit(), StoredCapture::id);
            }
        });
    }

    /** Every kept version of the key of {@code captureId}, newest first. */
    Listing<StoredCapture> versions(String captureId, ListQuery q) {
        return db.read(c -> {
            String sql = "SELECT " + COLUMNS + FROM + "JOIN captures k ON k.page_id = c.page_id AND k.options_hash = c.options_hash "
                    + "AND k.variant = c.variant WHERE k.id = ?" + (q.after() == null ? "" : " AND c.version < ?")
                    + " ORDER BY c.version DESC LIMIT ?";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, captureId);
                if (q.after() != null) st.setInt(i++, parseVersionCursor(q.after()));
                st.setInt(i, q.limit() + 1);
                return Listing.of(readCaptures(c, st), q.limit(), s -> Integer.toString(s.version()));
            }
        });
    }

    private static int parseVersionCursor(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("after", "is not a cursor of this list: '" + after + "'");
        }
    }

    /**
     * Deletes one capture version and its artifact references (the blobs go at the next GC once unreferenced). When it
     * was its key's current version, the newest remaining one becomes current; the version counter goes on.
     */
    boolean delete(TenantScope scope, String captureId, long now) {
        return db.transaction(c -> {
            String pageId;
            String optionsHash;
            String variant;
            boolean current;
            try (PreparedStatement st = c.prepareStatement("SELECT c.page_id, c.options_hash, c.variant, h.capture_id FROM captures c "
                    + "LEFT JOIN capture_heads h ON h.page_id = c.page_id AND h.options_hash = c.options_hash AND h.variant = c.variant "
                    + "WHERE c.id = ?" + (scope.seesAll() ? "" : " AND c.tenant = ?"))) {
                st.setString(1, captureId);
                if (!scope.seesAll()) st.setString(2, scope.tenant());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) return false;
                    pageId = rs.getString(1);
                    optionsHash = rs.getString(2);
                    variant = rs.getString(3);
                    current = captureId.equals(rs.getString(4));
                }
            }
            if (current) moveHeadToPrevious(c, pageId, optionsHash, variant, captureId, now);
            try (PreparedStatement st = c.prepareStatement("DELETE FROM captures WHERE id = ?")) {
                st.setString(1, captureId);
                return st.executeUpdate() == 1;
            }
        });
    }

    /** Points the key's head at its newest version other than {@code leaving}; with none, the delete's cascade removes it. */
    private static void moveHeadToPrevious(Connection c, String pageId, String optionsHash, String variant, String leaving, long now)
            throws SQLException {
        String previous;
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM captures WHERE page_id = ? AND options_hash = ? AND variant = ? "
                + "AND id <> ? ORDER BY version DESC LIMIT 1")) {
            st.setString(1, pageId);
            st.setString(2, optionsHash);
            st.setString(3, variant);
            st.setString(4, leaving);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return;
                previous = rs.getString(1);
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE capture_heads SET capture_id = ?, updated_at = ? "
                + "WHERE page_id = ? AND options_hash = ? AND variant = ?")) {
            st.setString(1, previous);
            st.setLong(2, now);
            st.setString(3, pageId);
            st.setString(4, optionsHash);
            st.setString(5, variant);
            st.executeUpdate();
        }
    }

    private static List<StoredCapture> readCaptures(Connection c, PreparedStatement st) throws SQLException {
        record Row(String id, String projectId, String project, String pageId, String pageType, String url,
                   String requestedUrl, String optionsHash, String variant, int version, boolean current,
                   long capturedAt, String report, String metadata, String options) {
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("id"), rs.getString("project_id"), rs.getString("project_name"),
                        rs.getString("page_id"), rs.getString("page_type"), rs.getString("url"), rs.getString("requested_url"),
                        rs.getString("options_hash"), rs.getString("variant"), rs.getInt("version"), rs.getInt("is_current") == 1,
                        rs.getLong("captured_at"), rs.getString("report_json"), rs.getString("metadata_json"),
                        rs.getString("options_json")));
            }
        }
        Map<String, List<StoredArtifact>> artifacts = artifacts(c, rows.stream().map(Row::id).toList());
        List<StoredCapture> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new StoredCapture(r.id, r.projectId, r.project, r.pageId, r.pageType, r.url, r.requestedUrl, r.optionsHash,
                    r.variant, r.version, r.current, Instant.ofEpochMilli(r.capturedAt), JsonColumns.read(r.report, CaptureReport.class),
                    JsonColumns.read(r.metadata, PageMetadata.class), r.options, artifacts.getOrDefault(r.id, List.of())));
        }
        return out;
    }

    private static Map<String, List<StoredArtifact>> artifacts(Connection c, List<String> captureIds) throws SQLException {
        Map<String, List<StoredArtifact>> out = new HashMap<>();
        if (captureIds.isEmpty()) return out;
        try (PreparedStatement st = c.prepareStatement("SELECT capture_id, format, blob_sha256, content_type, bytes, width, height "
                + "FROM capture_artifacts WHERE capture_id IN (" + Sql.placeholders(captureIds.size()) + ") ORDER BY capture_id, position")) {
            for (int i = 0; i < captureIds.size(); i++) st.setString(i + 1, captureIds.get(i));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StoredArtifact(Format.parse(rs.getString(2)),
                            rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
