package io.pagelens.store;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.time.Duration;

/**
 * Pool and timeout limits, sized for a 512 MB dyno (Heroku Postgres plans allow few connections, and web and worker
 * processes each hold a pool).
 *
 * @param poolSize           PostgreSQL connections per process; <b>3</b> by default
 * @param connectionTimeout  how long a caller waits for a free connection; <b>10 s</b>
 * @param statementTimeout   server-side limit per statement (PostgreSQL); <b>30 s</b>
 * @param idleInTransaction  server-side limit on a transaction left open (PostgreSQL); <b>30 s</b>
 * @param sqliteReaders      read connections beside SQLite's single writer; <b>2</b>
 * @param busyTimeout        how long SQLite waits for another process's write lock; <b>10 s</b>
 */
public record DatabaseSettings(int poolSize, Duration connectionTimeout, Duration statementTimeout,
                               Duration idleInTransaction, int sqliteReaders, Duration busyTimeout) {
    public static final int DEFAULT_POOL_SIZE = 3;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_IN_TRANSACTION = Duration.ofSeconds(30);
    public static final int DEFAULT_SQLITE_READERS = 2;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    public static final DatabaseSettings DEFAULTS = new DatabaseSettings(DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
            DEFAULT_STATEMENT_TIMEOUT, DEFAULT_IDLE_IN_TRANSACTION, DEFAULT_SQLITE_READERS, DEFAULT_BUSY_TIMEOUT);

    public DatabaseSettings {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        if (sqliteReaders < 1) throw new IllegalArgumentException("sqliteReaders must be at least 1, was " + sqliteReaders);
        requirePositive("connectionTimeout", connectionTimeout);
        requirePositive("statementTimeout", statementTimeout);
        requirePositive("idleInTransaction", idleInTransaction);
        requirePositive("busyTimeout", busyTimeout);
    }

    /** Reads PAGELENS_DB_POOL_SIZE and PAGELENS_DB_STATEMENT_TIMEOUT; the rest are fixed defaults. */
    public static DatabaseSettings fromEnv(Env env) {
        Duration statementTimeout = env.duration("PAGELENS_DB_STATEMENT_TIMEOUT", DEFAULT_STATEMENT_TIMEOUT);
        if (statementTimeout.isZero() || statementTimeout.isNegative()) {
            throw new ConfigException("PAGELENS_DB_STATEMENT_TIMEOUT", statementTimeout.toString(), "must be positive");
        }
        return new DatabaseSettings(env.integer("PAGELENS_DB_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 50),
                DEFAULT_CONNECTION_TIMEOUT, statementTimeout,
                DEFAULT_IDLE_IN_TRANSACTION, DEFAULT_SQLITE_READERS, DEFAULT_BUSY_TIMEOUT);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
}
