package io.pagelens.jobs;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.store.Database;
import io.pagelens.store.Ids;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;

import io.pagelens.store.TenantScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue's table. Every state change is one guarded UPDATE, so two workers (threads or
 * processes) never both own a job, and a worker whose lease was taken away cannot overwrite the outcome.
 * <p>Claiming differs by database: PostgreSQL locks the chosen row with {@code FOR UPDATE SKIP LOCKED}
 * so concurrent claimers pass each other; SQLite has one writer at a time, so the same
 * {@code UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING} is atomic without it. The connections,
 * transactions and migrations are the store's {@link Database}; the table is {@code V50__jobs.sql}.
 * <p>A job's {@code secrets} (its input's encrypted secret part) are cleared by the same UPDATE that ends the job,
 * whichever way it ends: succeeded, failed, cancelled, or reaped after its worker died.
 */
public final class JobStore {
    private static final String COLS = "id, kind, state, priority, payload, secrets, result, error_code, error_message, attempts, "
            + "max_attempts, run_at, lease_until, worker, cancel_requested, deadline_at, owner, parent_id, created_at, "
            + "started_at, finished_at, updated_at, tenant";

    private final Database db;
    private final Clock clock;
    private final String claimSql;
    private final boolean asyncClaims;

    public JobStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.asyncClaims = db.dialect() == io.pagelens.store.Dialect.POSTGRES;
        this.claimSql = "UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?, lease_until = ?, "
                + "started_at = COALESCE(started_at, ?), updated_at = ? "
                + "WHERE state = 'queued' AND id = (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= ? "
                + "ORDER BY priority DESC, run_at, created_at LIMIT 1" + (db.dialect().supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "")
                + ") RETURNING " + COLS;
    }

    public Job enqueue(NewJob n) {
        String id = db.transaction(c -> enqueue(c, n));
        return get(id).orElseThrow();
    }

    /**
     * Enqueues inside the caller's transaction on {@code c} and returns the job's id, so that a row of another table
     * and its job are written together or not at all (a monitor's run and the job that runs it). Workers in this
     * process learn of it at their next poll unless the caller publishes a "queued" event after the commit.
     */
    public String enqueue(java.sql.Connection c, NewJob n) throws SQLException {
        long now = clock.millis();
        String id = Ids.next("job", now); // time-ordered: the list's newest-first order holds within a millisecond
        // a follow-up without a tenant of its own belongs to its parent's
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, kind, state, priority, payload, secrets, attempts, "
                + "max_attempts, run_at, deadline_at, owner, parent_id, created_at, updated_at, tenant) "
                + "VALUES (?, ?, 'queued', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, "
                + "COALESCE(?, (SELECT p.tenant FROM jobs p WHERE p.id = ?), '" + TenantScope.DEFAULT + "'))")) {
            bind(ps, new Object[]{id, n.kind(), n.priority().weight(), n.payload(), n.secrets(), n.maxAttempts(), now,
                    millis(n.deadlineAt()), n.owner(), n.parentId(), now, now, n.tenant(), n.parentId()});
            ps.executeUpdate();
        }
        return id;
    }

    public Optional<Job> get(String id) {
        List<Job> l = query("SELECT " + COLS + " FROM jobs WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /** Follow-up jobs (e.g. webhook deliveries) of a job. */
    public List<Job> children(String parentId) {
        return query("SELECT " + COLS + " FROM jobs WHERE parent_id = ? ORDER BY created_at", parentId);
    }

    /** Takes the next due job for {@code worker} with a lease, or empty when none is due. */
    public Optional<Job> claim(String worker, Duration lease) {
        long now = clock.millis();
        List<Job> l = db.transaction(c -> {
            // a claim need not wait for its WAL flush: a database crash that forgets the last claims puts those jobs back
            // in the queue, as a worker's death does (their worker then loses the lease); ends of jobs stay durable
            if (asyncClaims) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET LOCAL synchronous_commit = off");
                }
            }
            return rows(c, claimSql, worker, now + lease.toMillis(), now, now, now);
        });
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /**
     * Extends the lease of a job this worker still owns. Returns the job as stored (to see a cancel request),
     * or empty when the worker lost it (lease expired and another took it).
     */
    public Optional<Job> renew(Job job, Duration lease) {
        long now = clock.millis();
        int n = update("UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                now + lease.toMillis(), now, job.id(), job.worker(), job.attempts());
        return n == 1 ? get(job.id()) : Optional.empty();
    }

    /** Records success; false when the worker no longer owns the job. */
    public boolean succeed(Job job, String result) {
        long now = clock.millis();
        return update("UPDATE jobs SET state = 'succeeded', secrets = NULL, result = ?, error_code = NULL, error_message = NULL, lease_until = NULL, "
                        + "finished_at = ?, updated_at = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                result, now, now, job.id(), job.worker(), job.attempts()) == 1;
    }

    /** Fails for good. */
    public boolean fail(Job job, String code, String message) {
        return finish(job, JobState.FAILED, code, message);
    }

    /** Ends a running job that was cancelled while it ran. */
    public boolean cancelled(Job job) {
        return finish(job, JobState.CANCELLED, "cancelled", "cancelled by request");
    }

    private boolean finish(Job job, JobState state, String code, String message) {
        long now = clock.millis();
        return update("UPDATE jobs SET state = ?, secrets = NULL, error_code = ?, error_message = ?, lease_until = NULL, finished_at = ?, "
                        + "updated_at = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                state.id(), code, message, now, now, job.id(), job.worker(), job.attempts()) == 1;
    }

    /** Puts a failed attempt back in the queue, due after {@code delay}. */
    public boolean retry(Job job, String code, String message, Duration delay) {
        long now = clock.millis();
        return update("UPDATE jobs SET state = 'queued', error_code = ?, error_message = ?, worker = NULL, lease_until = NULL, "
                        + "run_at = ?, updated_at = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                code, message, now + delay.toMillis(), now, job.id(), job.worker(), job.attempts()) == 1;
    }

    /**
     * Gives a job back unstarted, not counting the attempt (graceful shutdown interrupted it, the job did
     * nothing wrong).
     */
    public boolean requeue(Job job) {
        long now = clock.millis();
        return update("UPDATE jobs SET state = 'queued', attempts = attempts - 1, worker = NULL, lease_until = NULL, run_at = ?, "
                        + "updated_at = ? WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'",
                now, now, job.id(), job.worker(), job.attempts()) == 1;
    }

    /**
     * What one {@link #reapExpiredLeases()} did.
     *
     * @param requeued jobs put back in the queue
     * @param ended    ids of jobs it ended (cancelled, or failed out of attempts), whose follow-ups are due
     */
    public record Reaped(int requeued, List<String> ended) {
        public int total() {
            return requeued + ended.size();
        }
    }

    /**
     * Running jobs whose lease expired (their worker died) go back to the queue, or fail when out of
     * attempts, or end cancelled when a cancel was asked. Job by job, so the caller learns which ended;
     * each update checks the lease again, so a worker that renewed meanwhile keeps its job.
     */
    public Reaped reapExpiredLeases() {
        long now = clock.millis();
        List<Job> expired = query("SELECT " + COLS + " FROM jobs WHERE state = 'running' AND lease_until < ?", now);
        int requeued = 0;
        List<String> ended = new ArrayList<>();
        String expiredRow = " WHERE id = ? AND state = 'running' AND lease_until < ?";
        for (Job j : expired) {
            if (update("UPDATE jobs SET state = 'cancelled', secrets = NULL, error_code = 'cancelled', error_message = 'cancelled by request', "
                    + "lease_until = NULL, finished_at = ?, updated_at = ?" + expiredRow + " AND cancel_requested = ?",
                    now, now, j.id(), now, true) == 1
                    || update("UPDATE jobs SET state = 'failed', secrets = NULL, error_code = 'lease_expired', error_message = "
                    + "'the worker running this job stopped and no attempts remain', lease_until = NULL, finished_at = ?, updated_at = ?"
                    + expiredRow + " AND attempts >= max_attempts", now, now, j.id(), now) == 1) {
                ended.add(j.id());
            } else if (update("UPDATE jobs SET state = 'queued', worker = NULL, lease_until = NULL, run_at = ?, updated_at = ?"
                    + expiredRow, now, now, j.id(), now) == 1) {
                requeued++;
            }
        }
        return new Reaped(requeued, List.copyOf(ended));
    }

    /**
     * Cancels a job: a queued one at once, a running one by flag (its worker stops it). Returns the job as
     * stored afterwards, or empty when it does not exist.
     */
    public Optional<Job> cancel(String id) {
        if (!cancelQueued(id)) requestCancel(id);
        return get(id);
    }

    /** Ends the job cancelled if it is queued; true when this call ended it (so its webhook is sent once). */
    public boolean cancelQueued(String id) {
        long now = clock.millis();
        return update("UPDATE jobs SET state = 'cancelled', secrets = NULL, error_code = 'cancelled', error_message = 'cancelled by request', "
                + "finished_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'", now, now, id) == 1;
    }

    /** Flags a running job for cancellation; its worker (here or in another process) stops it. */
    public boolean requestCancel(String id) {
        return update("UPDATE jobs SET cancel_requested = ?, updated_at = ? WHERE id = ? AND state = 'running'", true, clock.millis(), id) == 1;
    }

    /**
     * Deletes jobs that ended before {@code cutoff} (their payloads may hold request headers and cookies, so
     * they are not kept forever). Returns how many went.
     */
    public int purgeFinished(Instant cutoff) {
        return update("DELETE FROM jobs WHERE state IN ('succeeded', 'failed', 'cancelled') AND finished_at < ?", cutoff.toEpochMilli());
    }

    /**
     * Jobs newest first, a page at a time (keyset on creation time and id, so pages stay stable while jobs are added).
     *
     * @param visibleTo only jobs this owner submitted, and internal jobs (no owner); null for every job
     * @param states    only jobs in these states; empty for all
     * @param query     page size and the previous page's cursor
     */
    public Listing<Job> list(String visibleTo, Set<JobState> states, ListQuery query) {
        return list(visibleTo, TenantScope.ALL, states, query);
    }

    /** As {@link #list(String, Set, ListQuery)}, of the jobs visible in {@code scope} (their tenant's) too. */
    public Listing<Job> list(String visibleTo, TenantScope scope, Set<JobState> states, ListQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLS + " FROM jobs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (visibleTo != null) {
            sql.append(" AND (owner = ? OR owner IS NULL)");
            args.add(visibleTo);
        }
        if (!scope.seesAll()) {
            sql.append(" AND tenant = ?");
            args.add(scope.tenant());
        }
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append(String.join(", ", java.util.Collections.nCopies(states.size(), "?"))).append(")");
            states.stream().map(JobState::id).sorted().forEach(args::add);
        }
        if (query.after() != null) {
            Cursor c = Cursor.parse(query.after());
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            args.add(c.createdAt());
            args.add(c.createdAt());
            args.add(c.id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(query.limit() + 1);
        return Listing.of(query(sql.toString(), args.toArray()), query.limit(), j -> new Cursor(j.createdAt().toEpochMilli(), j.id()).text());
    }

    /** Where a page of {@link #list} ended: the last job's creation time and id. */
    record Cursor(long createdAt, String id) {
        String text() {
            return createdAt + "_" + id;
        }

        static Cursor parse(String s) {
            int us = s.indexOf('_');
            try {
                if (us > 0) return new Cursor(Long.parseLong(s.substring(0, us)), s.substring(us + 1));
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidRequestException("after", "is not a cursor of this list: '" + s + "'");
        }
    }

    /** Jobs waiting to run (due or not). */
    public int queued() {
        return count("SELECT COUNT(*) FROM jobs WHERE state = 'queued'");
    }

    public int running() {
        return count("SELECT COUNT(*) FROM jobs WHERE state = 'running'");
    }

    // --- plumbing -------------------------------------------------------------------------------------

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private int count(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private int update(String sql, Object... args) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private List<Job> query(String sql, Object... args) {
        return db.read(c -> rows(c, sql, args));
    }

    private static List<Job> rows(java.sql.Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
            return out;
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            switch (a) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                case Boolean b -> ps.setBoolean(i + 1, b);
                default -> ps.setString(i + 1, a.toString());
            }
        }
    }

    private static Job row(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("kind"), JobState.parse(rs.getString("state")), rs.getInt("priority"),
                rs.getString("payload"), rs.getString("secrets"), rs.getString("result"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getInt("attempts"), rs.getInt("max_attempts"), instant(rs, "run_at"), instant(rs, "lease_until"),
                rs.getString("worker"), rs.getBoolean("cancel_requested"), instant(rs, "deadline_at"), rs.getString("owner"),
                rs.getString("parent_id"), instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "updated_at"), rs.getString("tenant"));
    }
}
