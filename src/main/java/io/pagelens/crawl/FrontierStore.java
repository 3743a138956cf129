package io.pagelens.crawl;

import io.pagelens.store.blob.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.pagelens.json.Jackson;
import io.pagelens.store.Database;
import io.pagelens.store.Dialect;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable frontier on SQLite or PostgreSQL ({@code V110__crawl_frontier.sql}): one {@link Frontier} per crawl.
 * <ul>
 *   <li>Every write transaction first touches its crawl row ({@code progress_at}), so a crawl's writes are ordered
 *       on one row lock on PostgreSQL (no deadlocks between workers) and the stall detector sees progress.</li>
 *   <li>A claim takes the origin row (politeness) with {@code FOR UPDATE} on PostgreSQL, then the shallowest queued URL
 *       of that origin; SQLite's single writer makes the same statements atomic.</li>
 *   <li>Every change of a claimed URL is guarded by worker and attempt: a worker that lost its lease changes nothing.</li>
 *   <li>Nothing is held in memory: lookups, inserts and counts are bounded queries ({@value #CHUNK} keys at a time),
 *       and listings are keyset-paged by seq.</li>
 * </ul>
 */
public final class FrontierStore {
    static final int CHUNK = 500;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLS = "crawl_id, seq, url, origin, depth, source, parent_seq, link_text, state, reason, detail, "
            + "attempts, http_status, content_type, final_url, content_hash, page_type, type_confidence, type_signals, "
            + "capture_id, duplicate_of, discovered_at, updated_at";

    private final Database db;
    private final Clock clock;
    private final String pickOriginSql;

    public FrontierStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        boolean pg = db.dialect() == Dialect.POSTGRES;
        this.pickOriginSql = "SELECT h.origin, h.delay_ms FROM crawl_hosts h WHERE h.crawl_id = ? AND h.next_fetch_at <= ? "
                + "AND EXISTS (SELECT 1 FROM crawl_urls u WHERE u.crawl_id = h.crawl_id AND u.origin = h.origin AND u.state = 'queued') "
                + "ORDER BY h.next_fetch_at, h.origin LIMIT 1" + (pg ? " FOR UPDATE OF h" : "");
    }

    public Frontier forCrawl(String crawlId) {
        return new DbFrontier(crawlId);
    }

    /** A crawl's URLs in discovery order, optionally only some states; keyset-paged on seq. */
    public Listing<FrontierUrl> list(String crawlId, Set<UrlState> states, ListQuery q) {
        long after = q.after() == null ? 0 : parseCursor(q.after());
        List<Object> args = new ArrayList<>(List.of(crawlId, after));
        StringBuilder sql = new StringBuilder("SELECT " + COLS + " FROM crawl_urls WHERE crawl_id = ? AND seq > ?");
        if (states != null && !states.isEmpty()) {
            sql.append(" AND state IN (").append(CrawlSql.placeholders(states.size())).append(")");
            states.forEach(s -> args.add(s.id()));
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(q.limit() + 1);
        List<FrontierUrl> rows = db.read(c -> CrawlSql.query(c, sql.toString(), FrontierStore::row, args.toArray()));
        boolean more = rows.size() > q.limit();
        List<FrontierUrl> page = more ? rows.subList(0, q.limit()) : rows;
        return new Listing<>(page, more ? Long.toString(page.getLast().seq()) : null);
    }

    /** The first {@code n} URLs skipped for {@code reason} (e.g. the trap sample). */
    public List<FrontierUrl> skippedSample(String crawlId, SkipReason reason, int n) {
        return db.read(c -> CrawlSql.query(c, "SELECT " + COLS + " FROM crawl_urls WHERE crawl_id = ? AND state = 'skipped' AND reason = ? "
                + "ORDER BY seq LIMIT ?", FrontierStore::row, crawlId, reason.id(), n));
    }

    public Optional<FrontierUrl> get(String crawlId, String url) {
        List<FrontierUrl> l = db.read(c -> CrawlSql.query(c, "SELECT " + COLS + " FROM crawl_urls WHERE crawl_id = ? AND url_sha256 = ?",
                FrontierStore::row, crawlId, Sha256.of(url)));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    /**
     * {@link Frontier#complete} inside a transaction the caller owns, so the capture row and the done mark commit
     * together: a crash leaves either both or neither, and a done page is never captured twice.
     */
    public CompleteResult complete(Connection c, Claim claim, Completion done) throws SQLException {
        long now = clock.millis();
        touch(c, claim.crawlId(), now);
        Optional<KnownUrl> dup = done.contentHash() == null ? Optional.empty() : doneWithHash(c, claim.crawlId(), done.contentHash());
        if (dup.isPresent() && dup.get().seq() != claim.seq()) return skipAsDuplicate(c, claim, done, dup.get(), now);
        Savepoint sp = c.setSavepoint();
        try {
            int n = CrawlSql.update(c, "UPDATE crawl_urls SET state = 'done', reason = NULL, detail = NULL, worker = NULL, lease_until = NULL, "
                            + doneColumns() + ", updated_at = ? WHERE crawl_id = ? AND seq = ? AND state = 'in_flight' AND worker = ? AND attempts = ?",
                    doneArgs(done, now, claim.crawlId(), claim.seq(), claim.worker(), claim.attempt()));
            c.releaseSavepoint(sp);
            return n == 1 ? CompleteResult.STORED : CompleteResult.LOST;
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) throw e;
            c.rollback(sp); // another worker stored the same content a moment ago
            KnownUrl other = doneWithHash(c, claim.crawlId(), done.contentHash()).orElseThrow(() -> e);
            return skipAsDuplicate(c, claim, done, other, now);
        }
    }

    private CompleteResult skipAsDuplicate(Connection c, Claim claim, Completion done, KnownUrl of, long now) throws SQLException {
        int n = CrawlSql.update(c, "UPDATE crawl_urls SET state = 'skipped', reason = 'duplicate', detail = ?, duplicate_of = ?, worker = NULL, "
                        + "lease_until = NULL, http_status = ?, content_type = ?, final_url = ?, content_hash = ?, updated_at = ? "
                        + "WHERE crawl_id = ? AND seq = ? AND state = 'in_flight' AND worker = ? AND attempts = ?",
                "same content as " + of.url(), of.seq(), done.httpStatus(), done.contentType(), done.finalUrl(), done.contentHash(), now,
                claim.crawlId(), claim.seq(), claim.worker(), claim.attempt());
        return n == 1 ? new CompleteResult.Duplicate(of) : CompleteResult.LOST;
    }

    private static String doneColumns() {
        return "http_status = ?, content_type = ?, final_url = ?, content_hash = ?, page_type = ?, type_confidence = ?, "
                + "type_signals = ?, capture_id = ?";
    }

    private static Object[] doneArgs(Completion d, long now, Object... where) {
        List<Object> a = new ArrayList<>(List.of());
        a.add(d.httpStatus());
        a.add(d.contentType());
        a.add(d.finalUrl());
        a.add(d.contentHash());
        a.add(d.pageType() == null ? null : d.pageType().id());
        a.add(d.pageType() == null ? null : d.typeConfidence());
        a.add(json(d.typeSignals()));
        a.add(d.captureId());
        a.add(now);
        a.addAll(java.util.Arrays.asList(where));
        return a.toArray();
    }

    static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
    }

    /** Takes the crawl row's lock without writing it (PostgreSQL; SQLite's one writer needs none). */
    private void lockCrawl(Connection c, String crawlId) throws SQLException {
        if (db.dialect() == Dialect.POSTGRES) CrawlSql.query(c, "SELECT id FROM crawls WHERE id = ? FOR UPDATE", rs -> null, crawlId);
    }

    private static void touch(Connection c, String crawlId, long now) throws SQLException {
        CrawlSql.update(c, "UPDATE crawls SET progress_at = ?, updated_at = ? WHERE id = ?", now, now, crawlId);
    }

    private static Optional<KnownUrl> doneWithHash(Connection c, String crawlId, String hash) throws SQLException {
        List<KnownUrl> l = CrawlSql.query(c, "SELECT url, seq, state, reason FROM crawl_urls WHERE crawl_id = ? AND content_hash = ? AND state = 'done'",
                FrontierStore::known, crawlId, hash);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
    }

    private static KnownUrl known(ResultSet rs) throws SQLException {
        return new KnownUrl(rs.getString("url"), rs.getLong("seq"), UrlState.parse(rs.getString("state")), rs.getString("reason"));
    }

    private static long parseCursor(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new io.pagelens.capture.InvalidRequestException("after", "is not a cursor of this list");
        }
    }

    static String json(List<String> l) {
        try {
            return l == null || l.isEmpty() ? null : Jackson.MAPPER.writeValueAsString(l);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null) return List.of();
        try {
            return Jackson.LENIENT.forType(STRINGS).readValue(json);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Long v = CrawlSql.nullableLong(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static FrontierUrl row(ResultSet rs) throws SQLException {
        double conf = rs.getDouble("type_confidence");
        Double confidence = rs.wasNull() ? null : conf;
        return new FrontierUrl(rs.getString("crawl_id"), rs.getLong("seq"), rs.getString("url"), rs.getString("origin"),
                rs.getInt("depth"), UrlSource.parse(rs.getString("source")), CrawlSql.nullableLong(rs, "parent_seq"),
                rs.getString("link_text"), UrlState.parse(rs.getString("state")), rs.getString("reason"), rs.getString("detail"),
                rs.getInt("attempts"), CrawlSql.nullableInt(rs, "http_status"), rs.getString("content_type"), rs.getString("final_url"),
                rs.getString("content_hash"), PageType.find(rs.getString("page_type")).orElse(null), confidence,
                strings(rs.getString("type_signals")), rs.getString("capture_id"), CrawlSql.nullableLong(rs, "duplicate_of"),
                instant(rs, "discovered_at"), instant(rs, "updated_at"));
    }

    /** The frontier of one crawl. */
    private final class DbFrontier implements Frontier {
        private final String crawlId;

        DbFrontier(String crawlId) {
            this.crawlId = crawlId;
        }

        @Override
        public String crawlId() {
            return crawlId;
        }

        @Override
        public Map<String, KnownUrl> lookup(Collection<String> urls) {
            Map<String, String> byHash = new LinkedHashMap<>();
            for (String u : urls) byHash.put(Sha256.of(u), u);
            Map<String, KnownUrl> out = new HashMap<>();
            List<String> hashes = new ArrayList<>(byHash.keySet());
            for (int i = 0; i < hashes.size(); i += CHUNK) {
                List<String> part = hashes.subList(i, Math.min(hashes.size(), i + CHUNK));
                Object[] args = new Object[part.size() + 1];
                args[0] = crawlId;
                for (int j = 0; j < part.size(); j++) args[j + 1] = part.get(j);
                List<KnownUrl> found = db.read(c -> CrawlSql.query(c, "SELECT url, seq, state, reason FROM crawl_urls WHERE crawl_id = ? "
                        + "AND url_sha256 IN (" + CrawlSql.placeholders(part.size()) + ")", FrontierStore::known, args));
                for (KnownUrl k : found) out.put(k.url(), k);
            }
            return out;
        }

        @Override
        public Map<String, Integer> budgetUse(Collection<String> budgetKeys) {
            List<String> keys = List.copyOf(new java.util.LinkedHashSet<>(budgetKeys));
            Map<String, Integer> out = new HashMap<>();
            for (int i = 0; i < keys.size(); i += CHUNK) {
                List<String> part = keys.subList(i, Math.min(keys.size(), i + CHUNK));
                Object[] args = new Object[part.size() + 1];
                args[0] = crawlId;
                for (int j = 0; j < part.size(); j++) args[j + 1] = part.get(j);
                db.read(c -> CrawlSql.query(c, "SELECT budget_key, COUNT(*) AS n FROM crawl_urls WHERE crawl_id = ? AND budget_key IN ("
                        + CrawlSql.placeholders(part.size()) + ") GROUP BY budget_key", rs -> out.put(rs.getString("budget_key"), rs.getInt("n")), args));
            }
            return out;
        }

        @Override
        public List<String> add(List<NewUrl> urls) {
            if (urls.isEmpty()) return List.of();
            List<String> inserted = new ArrayList<>();
            for (int i = 0; i < urls.size(); i += CHUNK) {
                List<NewUrl> part = urls.subList(i, Math.min(urls.size(), i + CHUNK));
                inserted.addAll(db.transaction(c -> insert(c, part, clock.millis())));
            }
            return inserted;
        }

        /** Inserts (skipping keys already present); the crawl row hands out the seqs. Returns the URLs inserted. */
        private List<String> insert(Connection c, List<NewUrl> urls, long now) throws SQLException {
            Map<String, NewUrl> unique = new LinkedHashMap<>();
            for (NewUrl u : urls) unique.putIfAbsent(Sha256.of(u.url()), u);
            long last = CrawlSql.query(c, "UPDATE crawls SET url_seq = url_seq + ?, progress_at = ?, updated_at = ? WHERE id = ? RETURNING url_seq",
                    rs -> rs.getLong(1), unique.size(), now, now, crawlId).stream().findFirst()
                    .orElseThrow(() -> new StoreException("no crawl " + crawlId));
            long seq = last - unique.size();
            List<String> inserted = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crawl_urls (crawl_id, url_sha256, seq, url, origin, budget_key, depth, "
                    + "source, parent_seq, link_text, state, reason, detail, attempts, discovered_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (crawl_id, url_sha256) DO NOTHING")) {
                List<NewUrl> order = new ArrayList<>();
                for (Map.Entry<String, NewUrl> e : unique.entrySet()) {
                    NewUrl u = e.getValue();
                    CrawlSql.bind(ps, new Object[]{crawlId, e.getKey(), ++seq, u.url(), u.origin(), u.queued() ? u.budgetKey() : null,
                            u.depth(), u.source().id(), u.parentSeq(), u.linkText(), u.queued() ? "queued" : "skipped",
                            u.queued() ? null : u.skip().id(), u.detail(), now, now});
                    ps.addBatch();
                    order.add(u);
                }
                int[] counts = ps.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] != 0) inserted.add(order.get(k).url()); // SUCCESS_NO_INFO (-2) counts as inserted
                }
            }
            return inserted;
        }

        @Override
        public boolean revive(NewUrl u) {
            return change("UPDATE crawl_urls SET state = 'queued', reason = NULL, detail = NULL, depth = ?, source = ?, "
                            + "parent_seq = ?, link_text = COALESCE(?, link_text), budget_key = ?, updated_at = ? WHERE crawl_id = ? "
                            + "AND url_sha256 = ? AND state = 'skipped' AND reason IN ('nofollow', 'depth')",
                    now -> new Object[]{u.depth(), u.source().id(), u.parentSeq(), u.linkText(), u.budgetKey(), now, crawlId, Sha256.of(u.url())}) == 1;
        }

        /** One UPDATE in a transaction that touches the crawl row first (progress, and the lock order of every write). */
        private int change(String sql, java.util.function.LongFunction<Object[]> args) {
            return db.transaction(c -> {
                long now = clock.millis();
                touch(c, crawlId, now);
                return CrawlSql.update(c, sql, args.apply(now));
            });
        }

        @Override
        public void ensureOrigin(String origin, Duration delay, RobotsRules.Source robots) {
            long now = clock.millis();
            db.transaction(c -> CrawlSql.update(c, "INSERT INTO crawl_hosts (crawl_id, origin, delay_ms, next_fetch_at, robots) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (crawl_id, origin) DO NOTHING", crawlId, origin, delay.toMillis(), now, robots.name().toLowerCase(java.util.Locale.ROOT)));
        }

        @Override
        public Optional<Claim> claim(String worker, Duration lease, long maxActive) {
            return db.transaction(c -> {
                long now = clock.millis();
                touch(c, crawlId, now); // locks the crawl row on PostgreSQL: the count below holds until commit
                long active = CrawlSql.query(c, "SELECT COUNT(*) FROM crawl_urls WHERE crawl_id = ? AND state IN ('done', 'in_flight')",
                        rs -> rs.getLong(1), crawlId).getFirst();
                if (active >= maxActive) return Optional.<Claim>empty();
                record Origin(String origin, long delayMs) {
                }
                List<Origin> o = CrawlSql.query(c, pickOriginSql, rs -> new Origin(rs.getString(1), rs.getLong(2)), crawlId, now);
                if (o.isEmpty()) return Optional.<Claim>empty();
                long leaseUntil = now + lease.toMillis();
                List<Claim> claimed = CrawlSql.query(c, "UPDATE crawl_urls SET state = 'in_flight', worker = ?, lease_until = ?, attempts = attempts + 1, "
                                + "updated_at = ? WHERE crawl_id = ? AND state = 'queued' AND seq = (SELECT seq FROM crawl_urls WHERE crawl_id = ? "
                                + "AND origin = ? AND state = 'queued' ORDER BY depth, seq LIMIT 1) "
                                + "RETURNING seq, url, depth, source, link_text, attempts",
                        rs -> new Claim(crawlId, rs.getLong("seq"), rs.getString("url"), rs.getInt("depth"), UrlSource.parse(rs.getString("source")),
                                rs.getString("link_text"), rs.getInt("attempts"), worker, Instant.ofEpochMilli(leaseUntil)),
                        worker, leaseUntil, now, crawlId, crawlId, o.getFirst().origin());
                if (claimed.isEmpty()) return Optional.<Claim>empty();
                CrawlSql.update(c, "UPDATE crawl_hosts SET next_fetch_at = ? WHERE crawl_id = ? AND origin = ?",
                        now + o.getFirst().delayMs(), crawlId, o.getFirst().origin());
                return Optional.of(claimed.getFirst());
            });
        }

        @Override
        public Optional<Instant> nextClaimableAt() {
            List<Long> l = db.read(c -> CrawlSql.query(c, "SELECT MIN(h.next_fetch_at) FROM crawl_hosts h WHERE h.crawl_id = ? AND EXISTS "
                    + "(SELECT 1 FROM crawl_urls u WHERE u.crawl_id = h.crawl_id AND u.origin = h.origin AND u.state = 'queued')",
                    rs -> CrawlSql.nullableLong(rs, 1), crawlId));
            return l.isEmpty() || l.getFirst() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(l.getFirst()));
        }

        @Override
        public boolean renew(Claim claim, Duration lease) {
            long now = clock.millis();
            return db.transaction(c -> CrawlSql.update(c, "UPDATE crawl_urls SET lease_until = ?, updated_at = ? WHERE crawl_id = ? AND seq = ? "
                    + "AND state = 'in_flight' AND worker = ? AND attempts = ?", now + lease.toMillis(), now, crawlId, claim.seq(),
                    claim.worker(), claim.attempt())) == 1;
        }

        @Override
        public CompleteResult complete(Claim claim, Completion done) {
            return db.transaction(c -> FrontierStore.this.complete(c, claim, done));
        }

        @Override
        public CompleteResult completeUnclaimed(NewUrl url, Completion done) {
            return db.transaction(c -> {
                long now = clock.millis();
                insert(c, List.of(url), now);
                List<KnownUrl> k = CrawlSql.query(c, "SELECT url, seq, state, reason FROM crawl_urls WHERE crawl_id = ? AND url_sha256 = ?",
                        FrontierStore::known, crawlId, Sha256.of(url.url()));
                if (k.isEmpty() || k.getFirst().state() != UrlState.QUEUED) return CompleteResult.LOST;
                if (done.contentHash() != null) {
                    Optional<KnownUrl> dup = doneWithHash(c, crawlId, done.contentHash());
                    if (dup.isPresent()) return new CompleteResult.Duplicate(dup.get());
                }
                Savepoint sp = c.setSavepoint();
                try {
                    int n = CrawlSql.update(c, "UPDATE crawl_urls SET state = 'done', attempts = attempts + 1, " + doneColumns()
                            + ", updated_at = ? WHERE crawl_id = ? AND seq = ? AND state = 'queued'", doneArgs(done, now, crawlId, k.getFirst().seq()));
                    c.releaseSavepoint(sp);
                    return n == 1 ? CompleteResult.STORED : CompleteResult.LOST;
                } catch (SQLException e) {
                    if (!isUniqueViolation(e)) throw e;
                    c.rollback(sp);
                    return new CompleteResult.Duplicate(doneWithHash(c, crawlId, done.contentHash()).orElseThrow(() -> e));
                }
            });
        }

        @Override
        public boolean skip(Claim claim, SkipReason reason, String detail, Long duplicateOf, FetchFacts facts) {
            return change("UPDATE crawl_urls SET state = 'skipped', reason = ?, detail = ?, duplicate_of = ?, worker = NULL, "
                            + "lease_until = NULL, http_status = ?, content_type = ?, final_url = ?, updated_at = ? "
                            + "WHERE crawl_id = ? AND seq = ? AND state = 'in_flight' AND worker = ? AND attempts = ?",
                    now -> new Object[]{reason.id(), detail, duplicateOf, facts.httpStatus(), facts.contentType(), facts.finalUrl(), now,
                            crawlId, claim.seq(), claim.worker(), claim.attempt()}) == 1;
        }

        @Override
        public boolean fail(Claim claim, String code, String detail, FetchFacts facts, boolean retry, int maxAttempts) {
            boolean again = retry && claim.attempt() < maxAttempts;
            return change("UPDATE crawl_urls SET state = ?, reason = ?, detail = ?, worker = NULL, lease_until = NULL, "
                                + "http_status = ?, content_type = ?, final_url = ?, updated_at = ? "
                                + "WHERE crawl_id = ? AND seq = ? AND state = 'in_flight' AND worker = ? AND attempts = ?",
                    now -> new Object[]{again ? "queued" : "failed", code, detail, facts.httpStatus(), facts.contentType(), facts.finalUrl(), now,
                            crawlId, claim.seq(), claim.worker(), claim.attempt()}) == 1;
        }

        @Override
        public Optional<KnownUrl> doneWithContentHash(String contentHash) {
            return db.read(c -> doneWithHash(c, crawlId, contentHash));
        }

        @Override
        public int releaseExpiredLeases(int maxAttempts) {
            return release(maxAttempts, "lease_until < ?", clock.millis());
        }

        @Override
        public int releaseLeasesOf(String worker, int maxAttempts) {
            return release(maxAttempts, "(worker = ? OR worker LIKE ? ESCAPE '\\')", worker,
                    worker.replace("%", "\\%").replace("_", "\\_") + "-%");
        }

        /** In-flight URLs matching {@code where} go back to the queue, or fail once out of attempts. */
        private int release(int maxAttempts, String where, Object... whereArgs) {
            return db.transaction(c -> {
                long now = clock.millis();
                lockCrawl(c, crawlId); // the crawl row first, as every other write: no lock-order deadlock with a completion
                Object[] args = new Object[3 + whereArgs.length];
                args[0] = maxAttempts;
                args[1] = now;
                args[2] = crawlId;
                System.arraycopy(whereArgs, 0, args, 3, whereArgs.length);
                int n = CrawlSql.update(c, "UPDATE crawl_urls SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END, "
                        + "reason = 'lease_expired', detail = 'the worker fetching it stopped', worker = NULL, lease_until = NULL, updated_at = ? "
                        + "WHERE crawl_id = ? AND state = 'in_flight' AND " + where, args);
                if (n > 0) touch(c, crawlId, now); // only a release is progress; a sweep that found nothing is not
                return n;
            });
        }

        @Override
        public int skipQueued(SkipReason reason, String detail) {
            return change("UPDATE crawl_urls SET state = 'skipped', reason = ?, detail = ?, updated_at = ? "
                        + "WHERE crawl_id = ? AND state = 'queued'", now -> new Object[]{reason.id(), detail, now, crawlId});
        }

        @Override
        public CrawlCounts counts() {
            Map<String, Long> byState = new HashMap<>();
            Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
            db.read(c -> CrawlSql.query(c, "SELECT state, reason, COUNT(*) AS n FROM crawl_urls WHERE crawl_id = ? GROUP BY state, reason", rs -> {
                String state = rs.getString("state");
                long n = rs.getLong("n");
                byState.merge(state, n, Long::sum);
                if (state.equals("skipped") && rs.getString("reason") != null) {
                    try {
                        skipped.merge(SkipReason.parse(rs.getString("reason")), n, Long::sum);
                    } catch (IllegalArgumentException ignored) { // a reason of a newer version
                    }
                }
                return null;
            }, crawlId));
            long found = byState.values().stream().mapToLong(Long::longValue).sum();
            return new CrawlCounts(found, byState.getOrDefault("queued", 0L), byState.getOrDefault("in_flight", 0L),
                    byState.getOrDefault("done", 0L), byState.getOrDefault("failed", 0L), skipped);
        }

        @Override
        public Optional<Instant> lastProgress() {
            List<Long> l = db.read(c -> CrawlSql.query(c, "SELECT progress_at FROM crawls WHERE id = ?", rs -> rs.getLong(1), crawlId));
            return l.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(l.getFirst()));
        }
    }
}
