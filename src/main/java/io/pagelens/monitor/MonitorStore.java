package io.pagelens.monitor;

import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.NewJob;
import io.pagelens.store.Database;
import io.pagelens.store.Ids;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.TenantScope;

import java.sql.Connection;
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
import java.util.function.Function;

/**
 * The monitor tables ({@code V130__monitors.sql}): monitors, their runs (one per due time: the unique key
 * {@code (monitor_id, due_at)} and an insert that ignores a conflict make a due time enqueue once, however many
 * schedulers tick), and the per-page change history. A run and the job that runs it are written in one
 * transaction, so a crash leaves both or neither; a run moves queued → running → done/failed by guarded updates
 * that name its job, so a second job for one run could never run it twice.
 */
public final class MonitorStore {
    private static final String MONITOR_COLS = "id, owner, definition, enabled, jitter_ms, next_due_at, next_fire_at, last_status, "
            + "last_run_at, notify_failures, notify_error, notify_at, created_at, updated_at, tenant";
    private static final String RUN_COLS = "id, monitor_id, due_at, fire_at, coalesced, state, job_id, change_status, summary, error, "
            + "enqueued_at, started_at, finished_at";
    private static final String CHANGE_COLS = "id, monitor_id, run_id, url, change_status, http_status, capture_id, previous_capture_id, "
            + "changed_percent, regions, added_words, removed_words, diff_image_sha256, text_diff_sha256, text_diff_excerpt, created_at";

    /** A run of the monitor whose job is still queued or running (a run whose job ended otherwise does not block). */
    private static final String IN_FLIGHT = "SELECT 1 FROM monitor_runs r JOIN jobs j ON j.id = r.job_id WHERE r.monitor_id = ? "
            + "AND r.state IN ('queued', 'running') AND j.state IN ('queued', 'running')";

    private final Database db;
    private final Clock clock;
    private final String lockDue;

    public MonitorStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        // PostgreSQL: a second scheduler passes a monitor the first is enqueueing instead of waiting for it
        this.lockDue = "SELECT id FROM monitors WHERE id = ? AND next_due_at = ? AND enabled = ?"
                + (db.dialect().supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : "");
    }

    public Database database() {
        return db;
    }

    // ---- monitors

    public Monitor create(String owner, MonitorSpec spec, Schedule schedule, MonitorSettings settings) {
        return create(TenantScope.DEFAULT, owner, spec, schedule, settings);
    }

    /** @param tenant the tenant the monitor (and every capture it makes) belongs to */
    public Monitor create(String tenant, String owner, MonitorSpec spec, Schedule schedule, MonitorSettings settings) {
        TenantScope.requireName("tenant", tenant);
        long now = clock.millis();
        String id = Ids.next("mon", now);
        Instant due = schedule.first(Instant.ofEpochMilli(now));
        long jitter = settings.jitterFor(id, schedule.period(due)).toMillis();
        update("INSERT INTO monitors (id, owner, definition, enabled, jitter_ms, next_due_at, next_fire_at, notify_failures, created_at, "
                        + "updated_at, tenant) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                id, owner, spec.json(), spec.isEnabled(), jitter, due.toEpochMilli(), due.toEpochMilli() + jitter, now, now, tenant);
        return get(id).orElseThrow();
    }

    /** Replaces the definition; when the schedule or enabled flag changed, the next due time starts over from now. */
    public Monitor redefine(Monitor m, MonitorSpec spec, Schedule schedule, boolean reschedule, MonitorSettings settings) {
        long now = clock.millis();
        Instant due = reschedule ? schedule.first(Instant.ofEpochMilli(now)) : m.nextDueAt();
        long jitter = settings.jitterFor(m.id(), schedule.period(due)).toMillis();
        update("UPDATE monitors SET definition = ?, enabled = ?, jitter_ms = ?, next_due_at = ?, next_fire_at = ?, updated_at = ? WHERE id = ?",
                spec.json(), spec.isEnabled(), jitter, due.toEpochMilli(), due.toEpochMilli() + jitter, now, m.id());
        return get(m.id()).orElseThrow();
    }

    public Optional<Monitor> get(String id) {
        return first(query("SELECT " + MONITOR_COLS + " FROM monitors WHERE id = ?", MonitorStore::monitor, id));
    }

    /**
     * Monitors visible in {@code scope}, newest first; {@code visibleTo} null for all of them, else that owner's and
     * the ownerless ones.
     */
    public Listing<Monitor> list(TenantScope scope, String visibleTo, ListQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + MONITOR_COLS + " FROM monitors WHERE 1 = 1");
        if (!scope.seesAll()) {
            sql.append(" AND tenant = ?");
            args.add(scope.tenant());
        }
        if (visibleTo != null) {
            sql.append(" AND (owner IS NULL OR owner = ?)");
            args.add(visibleTo);
        }
        if (q.after() != null) {
            sql.append(" AND id < ?");
            args.add(q.after());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(q.limit() + 1);
        return Listing.of(query(sql.toString(), MonitorStore::monitor, args.toArray()), q.limit(), Monitor::id);
    }

    public boolean delete(String id) {
        return db.transaction(c -> {
            // explicit, as SQLite enforces ON DELETE CASCADE only with foreign keys on
            exec(c, "DELETE FROM monitor_changes WHERE monitor_id = ?", id);
            exec(c, "DELETE FROM monitor_runs WHERE monitor_id = ?", id);
            return exec(c, "DELETE FROM monitors WHERE id = ?", id) == 1;
        });
    }

    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM monitors"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Enabled monitors whose fire time has come, earliest first. */
    public List<Monitor> fireable(Instant now, int limit) {
        return query("SELECT " + MONITOR_COLS + " FROM monitors WHERE enabled = ? AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?",
                MonitorStore::monitor, true, now.toEpochMilli(), limit);
    }

    /** The earliest fire time of any enabled monitor, for the scheduler's sleep. */
    public Optional<Instant> nextFire() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_fire_at) FROM monitors WHERE enabled = ?")) {
                bind(ps, new Object[]{true});
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                }
            }
        });
    }

    /**
     * Enqueues the due run of {@code m} and moves its schedule on, all in one transaction: the run row (ignored when the
     * due time has one already), its job (made by {@code job} from the run's id), the run's job id, and the monitor's
     * next due time (only if nobody moved it meanwhile). Empty when another scheduler got there first, or when the
     * monitor's previous run is still queued or running (runs of one monitor never overlap, so each compares with
     * the capture of the one before; the waiting due time is coalesced with later ones).
     */
    public Optional<MonitorRun> enqueueDue(Monitor m, Schedule.Catchup due, Function<String, NewJob> job, JobStore jobs) {
        long now = clock.millis();
        long dueAt = due.run().toEpochMilli();
        Optional<String> runId = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(lockDue)) {
                bind(ps, new Object[]{m.id(), m.nextDueAt().toEpochMilli(), true});
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<String>empty(); // moved on, paused, deleted, or locked by another
                }
            }
            try (PreparedStatement ps = c.prepareStatement(IN_FLIGHT)) {
                bind(ps, new Object[]{m.id()});
                try (ResultSet rs = ps.executeQuery()) {
                    // the previous run still waits or runs: this due time waits, and is coalesced if more pass
                    if (rs.next()) return Optional.<String>empty();
                }
            }
            String id = Ids.next("mrun", now);
            List<String> inserted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitor_runs (id, monitor_id, due_at, fire_at, coalesced, state, "
                    + "enqueued_at) VALUES (?, ?, ?, ?, ?, 'queued', ?) ON CONFLICT (monitor_id, due_at) DO NOTHING RETURNING id")) {
                bind(ps, new Object[]{id, m.id(), dueAt, dueAt + m.jitterMs(), due.missed(), now});
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) inserted.add(rs.getString(1));
                }
            }
            long next = due.next().toEpochMilli();
            exec(c, "UPDATE monitors SET next_due_at = ?, next_fire_at = ?, updated_at = ? WHERE id = ? AND next_due_at = ?",
                    next, next + m.jitterMs(), now, m.id(), m.nextDueAt().toEpochMilli());
            if (inserted.isEmpty()) return Optional.<String>empty();
            String jobId = jobs.enqueue(c, job.apply(id));
            exec(c, "UPDATE monitor_runs SET job_id = ? WHERE id = ?", jobId, id);
            return Optional.of(id);
        });
        return runId.flatMap(this::run);
    }

    // ---- runs

    /**
     * A run made now outside the schedule ({@code pagelens monitor run}), already running for {@code runner}; the
     * schedule is left as it is.
     */
    public MonitorRun startManualRun(Monitor m, String runner) {
        long now = clock.millis();
        String id = Ids.next("mrun", now);
        update("INSERT INTO monitor_runs (id, monitor_id, due_at, fire_at, coalesced, state, job_id, enqueued_at, started_at) "
                + "VALUES (?, ?, ?, ?, 0, 'running', ?, ?, ?)", id, m.id(), now, now, runner, now, now);
        return run(id).orElseThrow();
    }

    public Optional<MonitorRun> run(String id) {
        return first(query("SELECT " + RUN_COLS + " FROM monitor_runs WHERE id = ?", MonitorStore::run, id));
    }

    /** Runs of a monitor, latest due time first. */
    public Listing<MonitorRun> runs(String monitorId, ListQuery q) {
        List<Object> args = new ArrayList<>(List.of(monitorId));
        String sql = "SELECT " + RUN_COLS + " FROM monitor_runs WHERE monitor_id = ?";
        if (q.after() != null) {
            sql += " AND due_at < ?";
            try {
                args.add(Long.parseLong(q.after()));
            } catch (NumberFormatException e) {
                throw new io.pagelens.capture.InvalidRequestException("after", "is not a cursor of this list: '" + q.after() + "'");
            }
        }
        args.add(q.limit() + 1);
        return Listing.of(query(sql + " ORDER BY due_at DESC LIMIT ?", MonitorStore::run, args.toArray()), q.limit(),
                r -> Long.toString(r.dueAt().toEpochMilli()));
    }

    /**
     * Marks the run running for its job; false when it ended already (a job run again after its result was
     * stored) or belongs to another job. A job retried after its worker died starts the run again.
     */
    public boolean startRun(String runId, String jobId) {
        long now = clock.millis();
        return update("UPDATE monitor_runs SET state = 'running', started_at = COALESCE(started_at, ?) WHERE id = ? AND job_id = ? "
                + "AND state IN ('queued', 'running')", now, runId, jobId) == 1;
    }

    /**
     * Ends a running run with its outcome and, in the same transaction, enqueues its notification when there is
     * one: the run ends once, so a change notifies once.
     *
     * @return the notification's job id, empty when none was made or the run was not this job's to end
     */
    public Optional<String> finishRun(MonitorRun run, ChangeStatus status, String summary, NewJob notification, JobStore jobs) {
        long now = clock.millis();
        return db.transaction(c -> {
            int n = exec(c, "UPDATE monitor_runs SET state = 'done', change_status = ?, summary = ?, error = NULL, finished_at = ? "
                    + "WHERE id = ? AND job_id = ? AND state = 'running'", status.id(), summary, now, run.id(), run.jobId());
            if (n != 1) return Optional.<String>empty();
            exec(c, "UPDATE monitors SET last_status = ?, last_run_at = ?, updated_at = ? WHERE id = ?", status.id(), now, now, run.monitorId());
            return notification == null ? Optional.<String>empty() : Optional.of(jobs.enqueue(c, notification));
        });
    }

    public boolean failRun(MonitorRun run, String error) {
        long now = clock.millis();
        return update("UPDATE monitor_runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ? AND job_id = ? AND state IN "
                + "('queued', 'running')", error, now, run.id(), run.jobId()) == 1;
    }

    /** Records how a notification delivery ended: a success clears the failures, a final failure counts one. */
    public void notified(String monitorId, boolean ok, String error) {
        long now = clock.millis();
        if (ok) update("UPDATE monitors SET notify_failures = 0, notify_error = NULL, notify_at = ? WHERE id = ?", now, monitorId);
        else update("UPDATE monitors SET notify_failures = notify_failures + 1, notify_error = ?, notify_at = ? WHERE id = ?", error, now, monitorId);
    }

    // ---- change history

    public void addChange(PageChange p) {
        update("INSERT INTO monitor_changes (" + CHANGE_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.monitorId(), p.runId(), p.url(), p.status().id(), p.httpStatus(), p.captureId(), p.previousCaptureId(),
                p.changedPercent(), p.regions(), p.addedWords(), p.removedWords(), p.diffImageSha256(), p.textDiffSha256(),
                p.textDiffExcerpt(), p.createdAt().toEpochMilli());
    }

    public List<PageChange> changesOfRun(String runId) {
        return query("SELECT " + CHANGE_COLS + " FROM monitor_changes WHERE run_id = ? ORDER BY id", MonitorStore::change, runId);
    }

    /** The pages' history of a monitor, newest first; {@code onlyChanges} leaves out same/new entries. */
    public List<PageChange> history(String monitorId, String url, boolean onlyChanges, int limit) {
        List<Object> args = new ArrayList<>(List.of(monitorId));
        String sql = "SELECT " + CHANGE_COLS + " FROM monitor_changes WHERE monitor_id = ?";
        if (url != null) {
            sql += " AND url = ?";
            args.add(url);
        }
        if (onlyChanges) sql += " AND change_status IN ('changed', 'removed')";
        args.add(limit);
        return query(sql + " ORDER BY created_at DESC, id DESC LIMIT ?", MonitorStore::change, args.toArray());
    }

    public Optional<PageChange> change(String id) {
        return first(query("SELECT " + CHANGE_COLS + " FROM monitor_changes WHERE id = ?", MonitorStore::change, id));
    }

    // ---- plumbing

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static Monitor monitor(ResultSet rs) throws SQLException {
        String last = rs.getString("last_status");
        return new Monitor(rs.getString("id"), rs.getString("owner"), MonitorSpec.parse(rs.getString("definition")), rs.getBoolean("enabled"),
                rs.getLong("jitter_ms"), instant(rs, "next_due_at"), instant(rs, "next_fire_at"), last == null ? null : ChangeStatus.parse(last),
                instant(rs, "last_run_at"), rs.getInt("notify_failures"), rs.getString("notify_error"), instant(rs, "notify_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("tenant"));
    }

    private static MonitorRun run(ResultSet rs) throws SQLException {
        String cs = rs.getString("change_status");
        return new MonitorRun(rs.getString("id"), rs.getString("monitor_id"), instant(rs, "due_at"), instant(rs, "fire_at"),
                rs.getInt("coalesced"), rs.getString("state"), rs.getString("job_id"), cs == null ? null : ChangeStatus.parse(cs),
                rs.getString("summary"), rs.getString("error"), instant(rs, "enqueued_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static PageChange change(ResultSet rs) throws SQLException {
        double pct = rs.getDouble("changed_percent");
        Double percent = rs.wasNull() ? null : pct;
        return new PageChange(rs.getString("id"), rs.getString("monitor_id"), rs.getString("run_id"), rs.getString("url"),
                ChangeStatus.parse(rs.getString("change_status")), integer(rs, "http_status"), rs.getString("capture_id"),
                rs.getString("previous_capture_id"), percent, rs.getString("regions"), integer(rs, "added_words"),
                integer(rs, "removed_words"), rs.getString("diff_image_sha256"), rs.getString("text_diff_sha256"),
                rs.getString("text_diff_excerpt"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static <T> Optional<T> first(List<T> l) {
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    private int update(String sql, Object... args) {
        return db.transaction(c -> exec(c, sql, args));
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row.map(rs));
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case Long l -> ps.setLong(i + 1, l);
                case Integer n -> ps.setInt(i + 1, n);
                case Double d -> ps.setDouble(i + 1, d);
                case Boolean b -> ps.setBoolean(i + 1, b);
                default -> ps.setString(i + 1, args[i].toString());
            }
        }
    }

    static Duration since(Instant t, Clock clock) {
        return Duration.between(t, clock.instant());
    }
}
