-- Shared per-key token buckets (io.pagelens.limits.PgRateLimiter) for several web nodes on PostgreSQL without Redis.
-- Unused on SQLite (one process: buckets in memory). refilled_at is the database's clock, in epoch ms.
CREATE TABLE rate_buckets (
    bucket      VARCHAR(200)     PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at BIGINT           NOT NULL
);
