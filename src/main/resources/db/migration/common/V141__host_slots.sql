-- Per-host politeness slots shared by workers (io.pagelens.limits.PgPoliteness): the next time a host may be fetched,
-- database clock, epoch ms.
CREATE TABLE host_slots (
    host    VARCHAR(300) PRIMARY KEY,
    next_at BIGINT       NOT NULL
);
