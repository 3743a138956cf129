package io.pagelens.store;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.api.auth.ApiKeyStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V100/V101 on a database that already holds data: every existing key, project, capture and job lands in the tenant
 * {@code default}, nothing is lost (SQLite rebuilds the projects table, so its pages must survive and its foreign keys
 * must still cascade), and project names become unique per tenant.
 */
class TenantMigrationIT {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void rowsFromBeforeTenants_belongToDefault_andNothingIsLost(String dialect) throws Exception {
        try (TestDatabases dbs = new TestDatabases()) {
            DatabaseUrl url = dialect.equals("sqlite") ? DatabaseUrl.sqlite(dbs.newTempDir().resolve("old.db")) : dbs.createPostgresDatabase();
            Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations("classpath:db/migration/common", url.dialect().migrationLocation()).outOfOrder(true)
                    .target("52").load().migrate();
            try (Connection c = connect(url); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO projects (id, name, created_at) VALUES ('prj_old', 'shop', 1)");
                st.executeUpdate("INSERT INTO pages (id, project_id, page_type, url, url_sha256, created_at) "
                        + "VALUES ('pg_old', 'prj_old', 'home', 'http://a.test/', '" + "a".repeat(64) + "', 1)");
                st.executeUpdate("INSERT INTO captures (id, page_id, options_hash, variant, version, requested_url, http_status, "
                        + "options_json, report_json, captured_at) VALUES ('cap_old', 'pg_old', '" + "b".repeat(64) + "', '', 1, "
                        + "'http://a.test/', 200, '{}', '{}', 1)");
                st.executeUpdate("INSERT INTO api_keys (id, name, prefix, secret_hash, rate_per_minute, created_at) "
                        + "VALUES ('key_old', 'old', 'pl_old', '" + "c".repeat(64) + "', 60, 1)");
                st.executeUpdate("INSERT INTO jobs (id, kind, state, priority, payload, max_attempts, run_at, created_at, updated_at) "
                        + "VALUES ('job_old', 'capture', 'queued', 1, '{}', 1, 1, 1, 1)");
            }
            try (Database db = Database.open(url, DatabaseSettings.DEFAULTS)) {
                assertThat(scalar(db, "SELECT tenant FROM projects WHERE id = 'prj_old'")).isEqualTo("default");
                assertThat(scalar(db, "SELECT tenant FROM captures WHERE id = 'cap_old'")).isEqualTo("default");
                assertThat(scalar(db, "SELECT tenant FROM jobs WHERE id = 'job_old'")).isEqualTo("default");
                assertThat(scalar(db, "SELECT page_id FROM captures WHERE id = 'cap_old'")).isEqualTo("pg_old");
                ApiKey key = new ApiKeyStore(db, Clock.systemUTC()).list().getFirst();
                assertThat(key.tenant()).isEqualTo("default");
                assertThat(key.admin()).isFalse();

                // a name is unique per tenant now
                db.transaction(c -> c.createStatement().executeUpdate(
                        "INSERT INTO projects (id, tenant, name, created_at) VALUES ('prj_new', 'acme', 'shop', 2)"));
                assertThat(scalar(db, "SELECT COUNT(*) FROM projects WHERE name = 'shop'")).isEqualTo("2");
                // the rebuilt table is still the one pages reference: deleting the project cascades to its pages and captures
                db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM projects WHERE id = 'prj_old'"));
                assertThat(scalar(db, "SELECT COUNT(*) FROM pages")).isEqualTo("0");
                assertThat(scalar(db, "SELECT COUNT(*) FROM captures")).isEqualTo("0");
            }
        }
    }

    private static Connection connect(DatabaseUrl url) throws Exception {
        Properties p = new Properties();
        if (url.user() != null) p.setProperty("user", url.user());
        if (url.password() != null) p.setProperty("password", url.password());
        if (url.dialect() == Dialect.SQLITE) p.setProperty("foreign_keys", "true");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    private static String scalar(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
