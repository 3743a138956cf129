package io.pagelens.jobs;

import java.util.function.Consumer;

/**
 * Carries job events between the processes of one deployment (web nodes and workers), so an SSE stream or a
 * synchronous request on a web node follows a job that runs on any worker, and a job queued anywhere wakes idle
 * workers at once. {@link JobEvents} is the local fan-out over it. Delivery is best effort: the store stays the
 * truth, and listeners re-read it now and then, so a lost event delays a listener, never misleads it.
 * <p>{@link #LOCAL} (SQLite, one process) carries nothing; {@link PgNotifyBus} uses PostgreSQL LISTEN/NOTIFY,
 * and {@code redis.RedisEventBus} Redis pub/sub when {@code REDIS_URL} is set.
 */
public interface EventBus extends AutoCloseable {
    /** Sends {@code e} to the other processes; never throws (a failure is logged and counted). */
    void send(JobEvent e);

    /** Starts delivering the other processes' events to {@code sink} (never this process's own). */
    void start(Consumer<JobEvent> sink);

    /** Whether events cross processes; when they do, idle workers and waiters poll the store rarely. */
    boolean crossProcess();

    /** For logs: "local", "postgres-notify", "redis-pubsub". */
    String describe();

    @Override
    void close();

    /** One process only: nothing leaves it. */
    EventBus LOCAL = new EventBus() {
        @Override
        public void send(JobEvent e) {
        }

        @Override
        public void start(Consumer<JobEvent> sink) {
        }

        @Override
        public boolean crossProcess() {
            return false;
        }

        @Override
        public String describe() {
            return "local";
        }

        @Override
        public void close() {
        }
    };
}
