package io.pagelens.store;

/**
 * The two databases pagelens runs on. Most SQL is portable (plain types, {@code INSERT ... ON CONFLICT ... DO UPDATE
 * ... RETURNING}); the few differences are answered here so callers never test the product name themselves.
 */
public enum Dialect {
    /** Embedded default: one file in PAGELENS_DATA, one writer at a time. */
    SQLITE("sqlite"),
    /** Production: shared by web and worker processes. */
    POSTGRES("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Flyway location of this dialect's own scripts, beside {@code db/migration/common}. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} exists. On SQLite (single writer) claim with
     * {@code UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING ...} inside a write transaction instead.
     */
    public boolean supportsSkipLocked() {
        return this == POSTGRES;
    }

    /** Whether several processes can write at the same time (PostgreSQL), or writes are serialised (SQLite). */
    public boolean concurrentWriters() {
        return this == POSTGRES;
    }
}
