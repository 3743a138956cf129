package io.pagelens.crawl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Frontier} in memory with the store's semantics: for maps (nothing of them is kept) and the crawl core's
 * unit tests. Synchronized: the crawl's workers share it.
 */
final class InMemoryFrontier implements Frontier {
    static final class Row {
        final long seq;
        final NewUrl url;
        UrlState state;
        String reason;
        String detail;
        int depth;
        int attempts;
        String worker;
        long leaseUntil;
        String contentHash;
        Completion done;
        Long duplicateOf;
        FetchFacts facts;
        String budgetKey;

        Row(long seq, NewUrl url) {
            this.seq = seq;
            this.url = url;
            this.state = url.queued() ? UrlState.QUEUED : UrlState.SKIPPED;
            this.reason = url.queued() ? null : url.skip().id();
            this.detail = url.detail();
            this.depth = url.depth();
            this.budgetKey = url.queued() ? url.budgetKey() : null;
        }
    }

    private final Clock clock;
    final Map<String, Row> rows = new LinkedHashMap<>();
    final Map<String, long[]> origins = new HashMap<>(); // origin -> {delayMs, nextFetchAt}
    private long seq;
    private long progress;

    InMemoryFrontier(Clock clock) {
        this.clock = clock;
        this.progress = clock.millis();
    }

    Row row(String url) {
        return rows.get(url);
    }

    @Override
    public synchronized String crawlId() {
        return "crawl_test";
    }

    private void touch() {
        progress = clock.millis();
    }

    @Override
    public synchronized Map<String, KnownUrl> lookup(Collection<String> urls) {
        Map<String, KnownUrl> out = new HashMap<>();
        for (String u : urls) {
            Row r = rows.get(u);
            if (r != null) out.put(u, new KnownUrl(u, r.seq, r.state, r.reason));
        }
        return out;
    }

    @Override
    public synchronized Map<String, Integer> budgetUse(Collection<String> keys) {
        Map<String, Integer> out = new HashMap<>();
        for (Row r : rows.values()) {
            if (r.budgetKey != null && keys.contains(r.budgetKey)) out.merge(r.budgetKey, 1, Integer::sum);
        }
        return out;
    }

    @Override
    public synchronized List<String> add(List<NewUrl> urls) {
        List<String> inserted = new ArrayList<>();
        for (NewUrl u : urls) {
            if (rows.containsKey(u.url())) continue;
            rows.put(u.url(), new Row(++seq, u));
            inserted.add(u.url());
        }
        if (!urls.isEmpty()) touch();
        return inserted;
    }

    @Override
    public synchronized boolean revive(NewUrl u) {
        Row r = rows.get(u.url());
        if (r == null || r.state != UrlState.SKIPPED || !("nofollow".equals(r.reason) || "depth".equals(r.reason))) return false;
        r.state = UrlState.QUEUED;
        r.reason = null;
        r.depth = u.depth();
        r.budgetKey = u.budgetKey();
        touch();
        return true;
    }

    @Override
    public synchronized void ensureOrigin(String origin, Duration delay, RobotsRules.Source robots) {
        origins.putIfAbsent(origin, new long[]{delay.toMillis(), clock.millis()});
    }

    @Override
    public synchronized Optional<Claim> claim(String worker, Duration lease, long maxActive) {
        long now = clock.millis();
        if (rows.values().stream().filter(r -> r.state == UrlState.DONE || r.state == UrlState.IN_FLIGHT).count() >= maxActive) return Optional.empty();
        Optional<Row> pick = rows.values().stream()
                .filter(r -> r.state == UrlState.QUEUED && origins.containsKey(r.url.origin()) && origins.get(r.url.origin())[1] <= now)
                .min(Comparator.comparingLong((Row r) -> origins.get(r.url.origin())[1]).thenComparingInt(r -> r.depth).thenComparingLong(r -> r.seq));
        if (pick.isEmpty()) return Optional.empty();
        Row r = pick.get();
        long[] o = origins.get(r.url.origin());
        o[1] = now + o[0];
        r.state = UrlState.IN_FLIGHT;
        r.attempts++;
        r.worker = worker;
        r.leaseUntil = now + lease.toMillis();
        touch();
        return Optional.of(new Claim(crawlId(), r.seq, r.url.url(), r.depth, r.url.source(), r.url.linkText(), r.attempts, worker,
                Instant.ofEpochMilli(r.leaseUntil)));
    }

    @Override
    public synchronized Optional<Instant> nextClaimableAt() {
        return rows.values().stream().filter(r -> r.state == UrlState.QUEUED && origins.containsKey(r.url.origin()))
                .map(r -> origins.get(r.url.origin())[1]).min(Long::compare).map(Instant::ofEpochMilli);
    }

    private Row owned(Claim c) {
        Row r = byseq(c.seq());
        return r != null && r.state == UrlState.IN_FLIGHT && c.worker().equals(r.worker) && r.attempts == c.attempt() ? r : null;
    }

    private Row byseq(long s) {
        for (Row r : rows.values()) {
            if (r.seq == s) return r;
        }
        return null;
    }

    @Override
    public synchronized boolean renew(Claim claim, Duration lease) {
        Row r = owned(claim);
        if (r == null) return false;
        r.leaseUntil = clock.millis() + lease.toMillis();
        return true;
    }

    private Optional<KnownUrl> doneHash(String hash) {
        if (hash == null) return Optional.empty();
        return rows.values().stream().filter(r -> r.state == UrlState.DONE && hash.equals(r.contentHash)).findFirst()
                .map(r -> new KnownUrl(r.url.url(), r.seq, r.state, r.reason));
    }

    @Override
    public synchronized CompleteResult complete(Claim claim, Completion done) {
        Row r = owned(claim);
        if (r == null) return CompleteResult.LOST;
        touch();
        Optional<KnownUrl> dup = doneHash(done.contentHash());
        if (dup.isPresent()) {
            end(r, UrlState.SKIPPED, "duplicate", "same content as " + dup.get().url());
            r.duplicateOf = dup.get().seq();
            return new CompleteResult.Duplicate(dup.get());
        }
        end(r, UrlState.DONE, null, null);
        r.contentHash = done.contentHash();
        r.done = done;
        return CompleteResult.STORED;
    }

    @Override
    public synchronized CompleteResult completeUnclaimed(NewUrl url, Completion done) {
        add(List.of(url));
        Row r = rows.get(url.url());
        if (r.state != UrlState.QUEUED) return CompleteResult.LOST;
        Optional<KnownUrl> dup = doneHash(done.contentHash());
        if (dup.isPresent()) return new CompleteResult.Duplicate(dup.get());
        r.attempts++;
        end(r, UrlState.DONE, null, null);
        r.contentHash = done.contentHash();
        r.done = done;
        return CompleteResult.STORED;
    }

    private void end(Row r, UrlState state, String reason, String detail) {
        r.state = state;
        r.reason = reason;
        r.detail = detail;
        r.worker = null;
        r.leaseUntil = 0;
    }

    @Override
    public synchronized boolean skip(Claim claim, SkipReason reason, String detail, Long duplicateOf, FetchFacts facts) {
        Row r = owned(claim);
        if (r == null) return false;
        end(r, UrlState.SKIPPED, reason.id(), detail);
        r.duplicateOf = duplicateOf;
        r.facts = facts;
        touch();
        return true;
    }

    @Override
    public synchronized boolean fail(Claim claim, String code, String detail, FetchFacts facts, boolean retry, int maxAttempts) {
        Row r = owned(claim);
        if (r == null) return false;
        end(r, retry && claim.attempt() < maxAttempts ? UrlState.QUEUED : UrlState.FAILED, code, detail);
        r.facts = facts;
        touch();
        return true;
    }

    @Override
    public synchronized Optional<KnownUrl> doneWithContentHash(String contentHash) {
        return doneHash(contentHash);
    }

    @Override
    public synchronized int releaseExpiredLeases(int maxAttempts) {
        long now = clock.millis();
        int n = 0;
        for (Row r : rows.values()) {
            if (r.state == UrlState.IN_FLIGHT && r.leaseUntil < now) {
                end(r, r.attempts >= maxAttempts ? UrlState.FAILED : UrlState.QUEUED, "lease_expired", null);
                n++;
            }
        }
        if (n > 0) touch();
        return n;
    }

    @Override
    public synchronized int releaseLeasesOf(String worker, int maxAttempts) {
        int n = 0;
        for (Row r : rows.values()) {
            if (r.state == UrlState.IN_FLIGHT && (worker.equals(r.worker) || r.worker.startsWith(worker + "-"))) {
                end(r, r.attempts >= maxAttempts ? UrlState.FAILED : UrlState.QUEUED, "lease_expired", null);
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int skipQueued(SkipReason reason, String detail) {
        int n = 0;
        for (Row r : rows.values()) {
            if (r.state == UrlState.QUEUED) {
                end(r, UrlState.SKIPPED, reason.id(), detail);
                n++;
            }
        }
        touch();
        return n;
    }

    @Override
    public synchronized CrawlCounts counts() {
        long q = 0, f = 0, d = 0, fl = 0;
        Map<SkipReason, Long> s = new EnumMap<>(SkipReason.class);
        for (Row r : rows.values()) {
            switch (r.state) {
                case QUEUED -> q++;
                case IN_FLIGHT -> f++;
                case DONE -> d++;
                case FAILED -> fl++;
                case SKIPPED -> s.merge(SkipReason.parse(r.reason), 1L, Long::sum);
            }
        }
        return new CrawlCounts(rows.size(), q, f, d, fl, s);
    }

    @Override
    public synchronized Optional<Instant> lastProgress() {
        return Optional.of(Instant.ofEpochMilli(progress));
    }
}
