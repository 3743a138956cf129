package io.pagelens.store;

import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database layer itself on both dialects: migrations, transactions, connection settings, lifecycle. */
class DatabaseIT extends DatabaseSuite {
    @BothDatabases
    void migrations_createTheStoreTables(Database db) {
        for (String table : new String[]{"projects", "pages", "captures", "capture_heads", "blobs", "capture_artifacts"}) {
            long n = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(n).as(table).isZero();
        }
    }

    @BothDatabases
    void transaction_rollsBackWhenWorkThrows(Database db) {
        assertThatThrownBy(() -> db.transaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO projects (id, name, created_at) VALUES ('prj_rollback', 'rollback', 1)");
            }
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(count(db, "SELECT COUNT(*) FROM projects WHERE id = 'prj_rollback'")).isZero();
    }

    @BothDatabases
    void foreignKeys_areEnforced(Database db) {
        assertThatThrownBy(() -> db.transaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO pages (id, project_id, page_type, url, url_sha256, created_at) "
                        + "VALUES ('pg_x', 'prj_missing', 'home', 'http://x/', 'h', 1)");
            }
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void postgres_connectionsCarryServerSideTimeouts() {
        Database db = dbs.postgres();
        assertThat(show(db, "statement_timeout")).isEqualTo("30s");
        assertThat(show(db, "idle_in_transaction_session_timeout")).isEqualTo("30s");
    }

    @Test
    void sqlite_isWalWithForeignKeys_andReadsCannotWrite() {
        Database db = dbs.sqlite();
        assertThat(db.<String>read(c -> pragma(c, "journal_mode"))).isEqualTo("wal");
        assertThat(db.<String>transaction(c -> pragma(c, "foreign_keys"))).isEqualTo("1");
        assertThatThrownBy(() -> db.read(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("INSERT INTO projects (id, name, created_at) VALUES ('p', 'p', 1)");
            }
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void fromEnv_withoutDatabaseUrl_usesSqliteInTheDataFolder_andCloseIsIdempotent() {
        Path data = dbs.newTempDir().resolve("data");
        Database db = Database.fromEnv(new Env(Map.of("PAGELENS_DATA", data.toString())));
        try {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(Files.exists(data.resolve(Database.SQLITE_FILE))).isTrue();
        } finally {
            db.close();
            db.close();
        }
        assertThat(db.isClosed()).isTrue();
    }

    @Test
    void reopening_aMigratedDatabase_keepsItsData() {
        Path file = dbs.newTempDir().resolve("re.db");
        try (Database db = Database.open(DatabaseUrl.sqlite(file), DatabaseSettings.DEFAULTS)) {
            db.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO projects (id, name, created_at) VALUES ('prj_keep', 'keep', 1)");
                }
            });
        }
        try (Database db = Database.open(DatabaseUrl.sqlite(file), DatabaseSettings.DEFAULTS)) {
            assertThat(count(db, "SELECT COUNT(*) FROM projects")).isEqualTo(1);
        }
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String show(Database db, String setting) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static String pragma(java.sql.Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
