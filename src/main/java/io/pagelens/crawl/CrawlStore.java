package io.pagelens.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import io.pagelens.store.Database;
import io.pagelens.store.Dialect;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.StoreException;
import io.pagelens.store.TenantScope;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crawls table. A crawl is driven by one worker at a time under a lease (like a job): {@link #acquire} takes a
 * queued crawl, or a running one whose worker stopped renewing (the process died: the crawl resumes from its
 * frontier). Every change after that is guarded by the worker, so a stale process cannot end a crawl it lost.
 */
public final class CrawlStore {
    private static final String COLS = "id, owner, project_id, seed_url, options_json, state, reason, error_message, cancel_requested, "
            + "worker, lease_until, counts_json, deadline_at, created_at, started_at, finished_at, progress_at, tenant";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Database db;
    private final Clock clock;
    private final String acquireNextSql;

    public CrawlStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.acquireNextSql = "SELECT id FROM crawls WHERE (state = 'queued' OR (state = 'running' AND lease_until < ?)) "
                + "ORDER BY created_at LIMIT 1" + (db.dialect() == Dialect.POSTGRES ? " FOR UPDATE SKIP LOCKED" : "");
    }

    /** A crawl of tenant {@value TenantScope#DEFAULT} (the CLI, tests). */
    public CrawlRecord create(String owner, String projectId, URI seed, CrawlOptions options) {
        return create(TenantScope.DEFAULT, owner, projectId, seed, options);
    }

    /** @param tenant the tenant the crawl (and the pages it stores) belongs to: its project's */
    public CrawlRecord create(String tenant, String owner, String projectId, URI seed, CrawlOptions options) {
        TenantScope.requireName("tenant", tenant);
        long now = clock.millis();
        // time first, so ids sort by creation (the list is keyset-paged on id), then 64 random bits
        String id = String.format("crawl_%012x%016x", now, RANDOM.nextLong());
        db.transaction(c -> CrawlSql.update(c, "INSERT INTO crawls (id, owner, project_id, seed_url, options_json, state, cancel_requested, "
                        + "url_seq, created_at, progress_at, updated_at, tenant) VALUES (?, ?, ?, ?, ?, 'queued', ?, 0, ?, ?, ?, ?)",
                id, owner, projectId, seed.toString(), options.toJson().toString(), false, now, now, now, tenant));
        return get(id).orElseThrow();
    }

    public Optional<CrawlRecord> get(String id) {
        List<CrawlRecord> l = db.read(c -> CrawlSql.query(c, "SELECT " + COLS + " FROM crawls WHERE id = ?", CrawlStore::row, id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /** The crawl if it is visible in {@code scope} (another tenant's: empty, as for an id that does not exist). */
    public Optional<CrawlRecord> get(TenantScope scope, String id) {
        return get(id).filter(r -> scope.sees(r.tenant()));
    }

    /** The crawls visible in {@code scope}, newest first; keyset-paged. */
    public Listing<CrawlRecord> list(TenantScope scope, ListQuery q) {
        return list(scope, null, q);
    }

    /** As {@link #list(TenantScope, ListQuery)}, of {@code owner}'s and ownerless crawls only (null owner: all). */
    public Listing<CrawlRecord> list(TenantScope scope, String owner, ListQuery q) {
        List<String> where = new java.util.ArrayList<>();
        List<Object> args = new java.util.ArrayList<>();
        if (!scope.seesAll()) {
            where.add("tenant = ?");
            args.add(scope.tenant());
        }
        if (owner != null) {
            where.add("(owner IS NULL OR owner = ?)");
            args.add(owner);
        }
        if (q.after() != null) where.add("id < ?");
        String sql = "SELECT " + COLS + " FROM crawls" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT ?";
        if (q.after() != null) args.add(q.after());
        args.add(q.limit() + 1);
        List<CrawlRecord> rows = db.read(c -> CrawlSql.query(c, sql, CrawlStore::row, args.toArray()));
        boolean more = rows.size() > q.limit();
        List<CrawlRecord> page = more ? rows.subList(0, q.limit()) : rows;
        return new Listing<>(page, more ? page.getLast().id() : null);
    }

    /**
     * What {@link #acquire} got: the crawl, running for {@code worker}, and the worker that drove it before (its URL
     * leases may be released at once: it is gone), or null when the crawl was queued.
     */
    public record Acquired(CrawlRecord crawl, String previousWorker) {
    }

    /**
     * Takes a crawl to drive: queued (it starts now and its deadline is set from maxDuration), or running with an
     * expired lease (it resumes). Empty when another live worker has it or it ended.
     */
    public Optional<Acquired> acquire(String id, String worker, Duration lease) {
        return db.transaction(c -> {
            long now = clock.millis();
            List<CrawlRecord> cur = CrawlSql.query(c, "SELECT " + COLS + " FROM crawls WHERE id = ?"
                    + (db.dialect() == Dialect.POSTGRES ? " FOR UPDATE" : ""), CrawlStore::row, id);
            if (cur.isEmpty()) return Optional.<Acquired>empty();
            CrawlRecord r = cur.getFirst();
            boolean queued = r.state() == CrawlState.QUEUED;
            boolean orphaned = r.state() == CrawlState.RUNNING && (r.leaseUntil() == null || r.leaseUntil().toEpochMilli() < now);
            if (!queued && !orphaned) return Optional.<Acquired>empty();
            long deadline = queued ? now + r.options().maxDuration().toMillis() : r.deadlineAt().toEpochMilli();
            CrawlSql.update(c, "UPDATE crawls SET state = 'running', worker = ?, lease_until = ?, started_at = COALESCE(started_at, ?), "
                    + "deadline_at = ?, progress_at = ?, updated_at = ? WHERE id = ?", worker, now + lease.toMillis(), now, deadline, now, now, id);
            return Optional.of(new Acquired(rowIn(c, id), queued ? null : r.worker()));
        });
    }

    /** The oldest crawl waiting for a worker (queued, or orphaned by a dead one), acquired. */
    public Optional<Acquired> acquireNext(String worker, Duration lease) {
        Optional<String> id = db.transaction(c -> CrawlSql.query(c, acquireNextSql, rs -> rs.getString(1), clock.millis()).stream().findFirst());
        return id.flatMap(i -> acquire(i, worker, lease));
    }

    /** Extends the driving lease; empty when this worker lost the crawl. The record shows a cancel request. */
    public Optional<CrawlRecord> renew(String id, String worker, Duration lease) {
        long now = clock.millis();
        int n = db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'",
                now + lease.toMillis(), now, id, worker));
        return n == 1 ? get(id) : Optional.empty();
    }

    /**
     * Gives up driving a running crawl without ending it (this process stops): its lease runs out now, so the next
     * worker resumes it at once and gives this worker's URLs back. False when this worker no longer had it.
     */
    public boolean release(String id, String worker) {
        long now = clock.millis();
        return db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET lease_until = ?, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'",
                now - 1, now, id, worker)) == 1;
    }

    /** Ends a running crawl this worker drives, freezing its counts. False when it lost the crawl. */
    public boolean finish(String id, String worker, CrawlReason reason, String message, CrawlCounts counts) {
        long now = clock.millis();
        return db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET state = ?, reason = ?, error_message = ?, counts_json = ?, worker = NULL, "
                        + "lease_until = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND worker = ? AND state = 'running'",
                reason.state().id(), reason.id(), message, countsJson(counts), now, now, id, worker)) == 1;
    }

    /**
     * Cancels: a queued crawl ends at once (true); a running one is flagged and its worker stops it (false). Empty
     * when there is no such crawl in {@code scope}.
     */
    public Optional<Boolean> cancel(TenantScope scope, String id) {
        if (get(scope, id).isEmpty()) return Optional.empty();
        long now = clock.millis();
        int ended = db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET state = 'cancelled', reason = 'cancelled', cancel_requested = ?, "
                + "finished_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'", true, now, now, id));
        if (ended == 1) return Optional.of(true);
        db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET cancel_requested = ?, updated_at = ? WHERE id = ? AND state = 'running'", true, now, id));
        return Optional.of(false);
    }

    /**
     * Queues a cancelled or failed crawl again, keeping its frontier: the next worker takes it from where it stopped
     * (done URLs are never fetched again) with a fresh maxDuration. Empty when there is no such crawl in {@code scope};
     * false when it is not cancelled or failed.
     */
    public Optional<Boolean> reopen(TenantScope scope, String id) {
        if (get(scope, id).isEmpty()) return Optional.empty();
        long now = clock.millis();
        return Optional.of(db.transaction(c -> {
            if (CrawlSql.update(c, "UPDATE crawls SET state = 'queued', reason = NULL, error_message = NULL, "
                    + "cancel_requested = ?, counts_json = NULL, finished_at = NULL, worker = NULL, lease_until = NULL, updated_at = ? "
                    + "WHERE id = ? AND state IN ('cancelled', 'failed')", false, now, id) != 1) return false;
            // the end closed the frontier: what was left queued (skipped as unvisited) or in flight is queued again
            CrawlSql.update(c, "UPDATE crawl_urls SET state = 'queued', reason = NULL, detail = NULL, worker = NULL, lease_until = NULL, "
                    + "updated_at = ? WHERE crawl_id = ? AND (state = 'in_flight' OR (state = 'skipped' AND reason = ?))",
                    now, id, SkipReason.UNVISITED.id());
            return true;
        }));
    }

    /** Running crawls whose frontier has not moved since {@code before}: the housekeeper ends them as stalled. */
    public List<CrawlRecord> stalledSince(Instant before) {
        return db.read(c -> CrawlSql.query(c, "SELECT " + COLS + " FROM crawls WHERE state = 'running' AND progress_at < ? ORDER BY progress_at",
                CrawlStore::row, before.toEpochMilli()));
    }

    /**
     * Ends a crawl as stalled whatever worker holds it (the housekeeper's call, for a crawl nobody drives any more);
     * false when it moved or ended meanwhile.
     */
    public boolean failStalled(String id, Instant before, String message, CrawlCounts counts) {
        long now = clock.millis();
        return db.transaction(c -> CrawlSql.update(c, "UPDATE crawls SET state = 'failed', reason = ?, error_message = ?, counts_json = ?, "
                        + "worker = NULL, lease_until = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND progress_at < ?",
                CrawlReason.STALLED.id(), message, countsJson(counts), now, now, id, before.toEpochMilli())) == 1;
    }

    private static CrawlRecord rowIn(java.sql.Connection c, String id) throws SQLException {
        return CrawlSql.query(c, "SELECT " + COLS + " FROM crawls WHERE id = ?", CrawlStore::row, id).getFirst();
    }

    static String countsJson(CrawlCounts k) {
        if (k == null) return null;
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        n.put("found", k.found()).put("queued", k.queued()).put("inFlight", k.inFlight()).put("done", k.done()).put("failed", k.failed());
        ObjectNode s = n.putObject("skipped");
        k.skipped().forEach((r, v) -> s.put(r.id(), v));
        return n.toString();
    }

    static CrawlCounts counts(String json) {
        if (json == null) return null;
        try {
            JsonNode n = Jackson.LENIENT.readTree(json);
            Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
            n.path("skipped").properties().forEach(e -> {
                try {
                    skipped.put(SkipReason.parse(e.getKey()), e.getValue().asLong());
                } catch (IllegalArgumentException ignored) { // a reason of a newer version
                }
            });
            return new CrawlCounts(n.path("found").asLong(), n.path("queued").asLong(), n.path("inFlight").asLong(),
                    n.path("done").asLong(), n.path("failed").asLong(), skipped);
        } catch (JsonProcessingException e) {
            throw new StoreException("bad counts_json: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Long v = CrawlSql.nullableLong(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static CrawlRecord row(ResultSet rs) throws SQLException {
        CrawlOptions options;
        try {
            options = CrawlOptions.fromStored(Jackson.LENIENT.readTree(rs.getString("options_json")));
        } catch (JsonProcessingException e) {
            throw new StoreException("bad options_json of crawl " + rs.getString("id"), e);
        }
        String reason = rs.getString("reason");
        return new CrawlRecord(rs.getString("id"), rs.getString("owner"), rs.getString("project_id"), URI.create(rs.getString("seed_url")),
                options, CrawlState.parse(rs.getString("state")), reason == null ? null : CrawlReason.parse(reason),
                rs.getString("error_message"), rs.getBoolean("cancel_requested"), rs.getString("worker"), instant(rs, "lease_until"),
                counts(rs.getString("counts_json")), instant(rs, "deadline_at"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "progress_at"), rs.getString("tenant"));
    }
}
