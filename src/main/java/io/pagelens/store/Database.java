package io.pagelens.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pagelens.config.Env;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pagelens database: connection pools, migrations and transactions, on SQLite or PostgreSQL.
 *
 * <p>Open with {@link #fromEnv(Env)}: {@code DATABASE_URL} selects PostgreSQL (Heroku {@code postgres://} or JDBC form),
 * otherwise an embedded SQLite file {@code PAGELENS_DATA/pagelens.db} is used. Opening runs the Flyway migrations
 * ({@code db/migration/common} plus {@code db/migration/<dialect>}); store owns versions V1..V49, jobs/api V50..V99.
 *
 * <p>Writes go through {@link #transaction}; reads through {@link #read}. On PostgreSQL both share one pool (3
 * connections by default) whose connections carry {@code statement_timeout} and
 * {@code idle_in_transaction_session_timeout}. On SQLite, which allows one writer, writes use a pool of exactly one
 * connection that begins {@code IMMEDIATE} transactions (so no transaction fails half-way on a lock upgrade), and
 * reads use a separate small pool of {@code query_only} connections that WAL lets run beside the writer.
 *
 * <p>{@link #close()} is idempotent; the owner of the process closes it on shutdown (see {@link #closeOnShutdown()}).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** File name of the embedded database inside PAGELENS_DATA. */
    public static final String SQLITE_FILE = "pagelens.db";

    private final DatabaseUrl url;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool; // the same object as writePool on PostgreSQL
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseUrl url, HikariDataSource writePool, HikariDataSource readPool) {
        this.url = url;
        this.writePool = writePool;
        this.readPool = readPool;
    }

    /** DATABASE_URL if set, else SQLite in PAGELENS_DATA (default {@code ./data}); migrated and ready. */
    public static Database fromEnv(Env env) {
        DatabaseSettings settings = DatabaseSettings.fromEnv(env);
        DatabaseUrl url = env.string(DatabaseUrl.KEY)
                .map(DatabaseUrl::parse)
                .orElseGet(() -> DatabaseUrl.sqlite(dataFolder(env).resolve(SQLITE_FILE)));
        return open(url, settings);
    }

    /** The data folder of the embedded default, created if missing. */
    public static Path dataFolder(Env env) {
        Path dir = Path.of(env.string("PAGELENS_DATA", "./data"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new io.pagelens.config.ConfigException("PAGELENS_DATA", dir.toString(), "cannot create the folder: " + e.getMessage());
        }
        return dir;
    }

    /** Opens the pools, fails fast if the database is unreachable, and runs the migrations. */
    public static Database open(DatabaseUrl url, DatabaseSettings settings) {
        Database db = switch (url.dialect()) {
            case SQLITE -> openSqlite(url, settings);
            case POSTGRES -> openPostgres(url, settings);
        };
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        log.atInfo().addKeyValue("dialect", url.dialect()).addKeyValue("url", url).log("database open");
        return db;
    }

    private static Database openPostgres(DatabaseUrl url, DatabaseSettings s) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("pagelens-db");
        cfg.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) cfg.setUsername(url.user());
        if (url.password() != null) cfg.setPassword(url.password());
        cfg.setMaximumPoolSize(s.poolSize());
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(s.connectionTimeout().toMillis());
        // server-side limits on every connection, so a stuck query or a forgotten transaction cannot pin a connection
        cfg.setConnectionInitSql("SET statement_timeout = " + s.statementTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + s.idleInTransaction().toMillis());
        cfg.addDataSourceProperty("ApplicationName", "pagelens");
        HikariDataSource pool = new HikariDataSource(cfg);
        return new Database(url, pool, pool);
    }

    private static Database openSqlite(DatabaseUrl url, DatabaseSettings s) {
        HikariDataSource writer = sqlitePool(url, s, "pagelens-db-write", 1, false);
        try {
            HikariDataSource reader = sqlitePool(url, s, "pagelens-db-read", s.sqliteReaders(), true);
            return new Database(url, writer, reader);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static HikariDataSource sqlitePool(DatabaseUrl url, DatabaseSettings s, String name, int size, boolean readOnly) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName(name);
        cfg.setDataSource(sqliteDataSource(url, s));
        cfg.setMaximumPoolSize(size);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(s.connectionTimeout().toMillis());
        // query_only makes a write through the read pool fail loudly instead of racing the single writer
        if (readOnly) cfg.setConnectionInitSql("PRAGMA query_only = true");
        return new HikariDataSource(cfg);
    }

    private static SQLiteDataSource sqliteDataSource(DatabaseUrl url, DatabaseSettings s) {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL syncs the WAL at every commit: a committed capture survives power loss ("lose no data")
        c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        c.enforceForeignKeys(true);
        c.setBusyTimeout((int) s.busyTimeout().toMillis());
        // take the write lock at BEGIN, so a transaction that reads first never fails on the lock upgrade
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl(url.jdbcUrl());
        return ds;
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(url.dialect() == Dialect.SQLITE ? writePool : migrationDataSource())
                .locations("classpath:db/migration/common", url.dialect().migrationLocation())
                // store (V1..V49) and jobs/api (V50..V99) add versions independently: a new V5 after V50 must still run
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Migrations on PostgreSQL run outside the pool, so its statement_timeout does not cut a long migration. */
    private DataSource migrationDataSource() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url.jdbcUrl());
        if (url.user() != null) ds.setUser(url.user());
        if (url.password() != null) ds.setPassword(url.password());
        return ds;
    }

    /**
     * A PostgreSQL connection of its own, outside the pool (whose few connections stay for queries): for a
     * session that lives long, such as {@code LISTEN}. The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        if (url.dialect() != Dialect.POSTGRES) throw new IllegalStateException("a dedicated connection is for PostgreSQL only");
        org.postgresql.ds.PGSimpleDataSource ds = (org.postgresql.ds.PGSimpleDataSource) migrationDataSource();
        ds.setApplicationName("pagelens-listen");
        ds.setTcpKeepAlive(true);
        return ds.getConnection();
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public DatabaseUrl url() {
        return url;
    }

    /**
     * Runs work in one transaction on a write connection: committed if it returns, rolled back if it throws.
     * SQLExceptions come out as {@link StoreException}s; runtime exceptions pass through unchanged. Do not nest
     * calls: on SQLite the only write connection is the one the outer call holds, so the inner one would wait for
     * the connection timeout and fail.
     */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = writePool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        }
    }

    /** Runs read-only work on a read connection (auto-commit). On SQLite a write here fails. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = readPool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        }
    }

    /** The pool for writes (one connection on SQLite). For code that needs plain JDBC, e.g. another library. */
    public DataSource writeDataSource() {
        return writePool;
    }

    /** The pool for reads (the write pool itself on PostgreSQL). */
    public DataSource readDataSource() {
        return readPool;
    }

    /** Registers a JVM shutdown hook that closes the pools (for processes without their own ordered shutdown). */
    public Database closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("pagelens-db-close").unstarted(this::close));
        return this;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the pools; safe to call more than once. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        if (readPool != writePool) readPool.close();
        writePool.close();
        log.atInfo().addKeyValue("dialect", url.dialect()).log("database closed");
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
