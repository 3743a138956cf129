package io.pagelens.crawl;

import io.pagelens.store.Database;

import java.util.List;

/** The page-type overrides of each project (table {@code crawl_type_overrides}); a crawl reads them when it starts. */
public final class TypeOverrideStore {
    private final Database db;

    public TypeOverrideStore(Database db) {
        this.db = db;
    }

    /** The project's rules in order; {@link TypeOverrides#NONE} for none (or no project). */
    public TypeOverrides of(String projectId) {
        if (projectId == null) return TypeOverrides.NONE;
        List<TypeOverride> rules = db.read(c -> CrawlSql.query(c,
                "SELECT path_pattern, page_type FROM crawl_type_overrides WHERE project_id = ? ORDER BY position",
                rs -> TypeOverride.of(rs.getString(1), rs.getString(2)), projectId));
        return rules.isEmpty() ? TypeOverrides.NONE : new TypeOverrides(rules);
    }

    /** Replaces the project's rules (validated by {@link TypeOverrides} first). */
    public void replace(String projectId, TypeOverrides rules) {
        db.transaction(c -> {
            CrawlSql.update(c, "DELETE FROM crawl_type_overrides WHERE project_id = ?", projectId);
            int i = 0;
            for (TypeOverride o : rules.rules()) {
                CrawlSql.update(c, "INSERT INTO crawl_type_overrides (project_id, position, path_pattern, page_type) VALUES (?, ?, ?, ?)",
                        projectId, i++, o.pathPattern(), o.type().id());
            }
            return null;
        });
    }
}
