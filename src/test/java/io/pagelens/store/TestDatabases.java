package io.pagelens.store;

import org.junit.jupiter.api.Named;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for one test class: SQLite in a temp folder, and a uniquely named PostgreSQL database created on
 * the server of {@code PAGELENS_TEST_DATABASE_URL} (default {@code postgres://postgres@127.0.0.1:5432/postgres}, trust
 * auth; the role needs CREATEDB). Both are opened lazily, migrated, and removed by {@link #close()}, so parallel
 * and CI runs never share state. Simplest use: extend {@link DatabaseSuite} and annotate tests
 * {@code @BothDatabases void works(Database db) { ... }}.
 */
public final class TestDatabases implements AutoCloseable {
    public static final String ENV = "PAGELENS_TEST_DATABASE_URL";
    public static final String DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private Database sqlite;
    private Database postgres;

    /** Both databases, named for test reports ("sqlite", "postgres"). */
    public Stream<Named<Database>> both() {
        return Stream.of(Named.of("sqlite", sqlite()), Named.of("postgres", postgres()));
    }

    public synchronized Database sqlite() {
        if (sqlite == null) sqlite = Database.open(DatabaseUrl.sqlite(newTempDir().resolve("test.db")), DatabaseSettings.DEFAULTS);
        return sqlite;
    }

    public synchronized Database postgres() {
        if (postgres == null) postgres = Database.open(createPostgresDatabase(), DatabaseSettings.DEFAULTS);
        return postgres;
    }

    /** A folder deleted with everything in it by {@link #close()}. */
    public synchronized Path newTempDir() {
        try {
            Path dir = Files.createTempDirectory("pagelens-store-test");
            cleanups.add(() -> deleteTree(dir));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin (maintenance database) URL tests connect to for CREATE/DROP DATABASE. */
    public static DatabaseUrl adminUrl() {
        String raw = System.getenv(ENV);
        return DatabaseUrl.parse(raw == null || raw.isBlank() ? DEFAULT_ADMIN_URL : raw);
    }

    /** Creates {@code pagelens_test_<random>} and registers its DROP; returns its URL. */
    public synchronized DatabaseUrl createPostgresDatabase() {
        DatabaseUrl admin = adminUrl();
        String name = "pagelens_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin
                    + " (is PostgreSQL running on 127.0.0.1:5432? set " + ENV + " to override): " + e.getMessage(), e);
        }
        cleanups.add(() -> dropPostgresDatabase(admin, name));
        String jdbc = admin.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new DatabaseUrl(Dialect.POSTGRES, jdbc, admin.user(), admin.password());
    }

    private static void dropPostgresDatabase(DatabaseUrl admin, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public synchronized void close() {
        // databases first (they hold files and connections), then what they lived in, newest first
        if (sqlite != null) sqlite.close();
        if (postgres != null) postgres.close();
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).close();
            } catch (Exception e) {
                System.err.println("test cleanup failed: " + e);
            }
        }
        cleanups.clear();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
