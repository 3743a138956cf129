package db.migration.sqlite;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's form of V101 (PostgreSQL's is {@code db/migration/postgresql/V101__project_tenants.sql}): projects get a
 * {@code tenant} column and their name becomes unique per tenant. SQLite cannot drop a column's UNIQUE constraint, so
 * the table is rebuilt (SQLite's documented 12-step procedure) from its own current definition, so that columns other
 * migrations added before this one ran (Flyway runs out of order) are kept. With foreign keys off, DROP TABLE does not
 * cascade to pages, and every REFERENCES projects binds to the rebuilt table; foreign keys can only be switched outside
 * a transaction, hence Java and {@link #canExecuteInTransaction()} false.
 */
public class V101__project_tenants extends BaseJavaMigration {
    private static final Pattern UNIQUE_NAME = Pattern.compile("(\\bname\\s+VARCHAR\\(200\\)\\s+NOT\\s+NULL)\\s+UNIQUE", Pattern.CASE_INSENSITIVE);

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            try {
                rebuild(c, st);
            } finally {
                st.execute("PRAGMA foreign_keys = ON");
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void rebuild(Connection c, Statement st) throws SQLException {
        String create = scalar(st, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'projects'");
        List<String> indexes = list(st, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'projects' AND sql IS NOT NULL");
        List<String> columns = list(st, "SELECT name FROM pragma_table_info('projects')");
        Matcher m = UNIQUE_NAME.matcher(create);
        if (!m.find()) throw new SQLException("projects has no 'name VARCHAR(200) NOT NULL UNIQUE' column to make unique per tenant: " + create);
        String body = m.replaceFirst("$1");
        body = body.replaceFirst("(?i)^CREATE TABLE\\s+\"?projects\"?\\s*\\(", "CREATE TABLE projects_v101 (tenant VARCHAR(64) NOT NULL DEFAULT 'default', ");
        int close = body.lastIndexOf(')');
        body = body.substring(0, close) + ", UNIQUE (tenant, name))";
        String cols = String.join(", ", columns);
        c.setAutoCommit(false);
        try {
            st.execute(body);
            st.execute("INSERT INTO projects_v101 (" + cols + ") SELECT " + cols + " FROM projects");
            st.execute("DROP TABLE projects");
            st.execute("ALTER TABLE projects_v101 RENAME TO projects");
            for (String ix : indexes) st.execute(ix);
            if (scalar(st, "SELECT COUNT(*) FROM pragma_foreign_key_check") .equals("0")) {
                c.commit();
            } else {
                throw new SQLException("foreign keys broken by the projects rebuild");
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new SQLException("no row for " + sql);
            return rs.getString(1);
        }
    }

    private static List<String> list(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
