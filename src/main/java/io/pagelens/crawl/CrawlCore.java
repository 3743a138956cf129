package io.pagelens.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The crawl's decisions, without any I/O of its own but the frontier and robots rules: what to enqueue and what to
 * skip (and why), what a fetched page is (a page to keep, a duplicate, a redirect, not HTML, a failure), when the
 * crawl is over. An engine is a loop around it:
 * <pre>{@code
 * if (!core.seeded()) { read core.sitemapRoots() with a SitemapReader into core.offerSitemapUrls(...); core.seed(); }
 * while (core.next(worker) instanceof NextStep.Fetch f) {          // (Wait: sleep; Finish: core.finish(reason))
 *     PageFetch page = fetch or capture f.claim().url();
 *     if (core.judge(f.claim(), page) instanceof PageVerdict.Store s) { save the capture; core.complete(s, completion); }
 * }
 * }</pre>
 * Rules, in the order they are applied to a discovered URL: non-web scheme ({@code scheme}), already known (nothing
 * new), out of scope ({@code scope}), disallowed by robots.txt ({@code robots}), a non-HTML file by its extension
 * ({@code non_html}), only nofollow links to it ({@code nofollow}), deeper than maxDepth ({@code depth}), over its trap
 * budget ({@code trap}; sitemap and canonical URLs are exempt, the site vouches for them), else queued. A URL skipped
 * as nofollow or too deep is queued again when a followable or shallower link reaches it. Thread-safe: several
 * workers may share one core; offers are serialised, so the trap budget is exact within one process (one process
 * drives a crawl at a time, under the crawl's lease).
 */
public final class CrawlCore {
    private static final Logger log = LoggerFactory.getLogger(CrawlCore.class);
    /** How often a worker with nothing to do looks again while pages are in flight. */
    static final Duration POLL = Duration.ofMillis(200);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    static final int MAX_RAW_URL = 2_000;
    /** Extensions that are never HTML pages: recorded as non_html without a request. */
    static final Set<String> NON_HTML_EXTENSIONS = Set.of("pdf", "zip", "gz", "tgz", "rar", "7z", "tar", "exe", "dmg", "msi",
            "apk", "iso", "bin", "jpg", "jpeg", "png", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "avif", "mp3", "wav",
            "ogg", "m4a", "flac", "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
            "odt", "ods", "odp", "rtf", "csv", "css", "js", "mjs", "json", "woff", "woff2", "ttf", "otf", "eot", "xml", "rss",
            "atom", "txt", "epub", "ics", "vcf");

    /** What an offer of URLs did. */
    public record Offer(int queued, int known, Map<SkipReason, Integer> skipped) {
        public int skipped(SkipReason r) {
            return skipped.getOrDefault(r, 0);
        }
    }

    private final CrawlPlan plan;
    private final Frontier frontier;
    private final RobotsPolicy robots;
    private final CrawlSettings settings;
    private final Clock clock;
    private final Instant deadline;
    private final Set<String> origins = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.locks.ReentrantLock offerLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile long nextLeaseSweep;

    /**
     * @param deadline when maxDuration runs out (the crawl record's {@code deadlineAt}, so a resumed crawl keeps it)
     */
    public CrawlCore(CrawlPlan plan, Frontier frontier, RobotsPolicy robots, CrawlSettings settings, Clock clock, Instant deadline) {
        this.plan = plan;
        this.frontier = frontier;
        this.robots = plan.options().respectRobots() ? robots : RobotsPolicy.IGNORE;
        this.settings = settings;
        this.clock = clock;
        this.deadline = deadline;
    }

    public CrawlPlan plan() {
        return plan;
    }

    public Frontier frontier() {
        return frontier;
    }

    /**
     * Whether a redirect hop to {@code url} need not be requested: the URL is already done, in flight or ended in the
     * frontier (the claimed URL is then skipped as a redirect to it, without a second request).
     */
    public boolean alreadyTaken(URI url) {
        Optional<String> n = plan.normalizer().normalize(url.toString());
        if (n.isEmpty()) return false;
        KnownUrl k = frontier.lookup(List.of(n.get())).get(n.get());
        return k != null && k.state() != UrlState.QUEUED;
    }

    /** Whether robots.txt (when the crawl respects it) lets the crawl fetch {@code url}. */
    public boolean robotsAllow(URI url) {
        return robots.rulesFor(url).allows(plan.normalizer().normalize(url.toString()).orElse(url.toString()));
    }

    // --- seeding ----------------------------------------------------------------------------------------

    /** Whether the seed is in the frontier (the crawl was started before: do not read sitemaps again). */
    public boolean seeded() {
        return frontier.lookup(List.of(plan.seed().toString())).containsKey(plan.seed().toString());
    }

    /** The sitemaps to read before seeding: robots.txt's, then {@code /sitemap.xml}; none with {@code sitemap: skip}. */
    public List<URI> sitemapRoots() {
        if (plan.options().sitemap() == SitemapMode.SKIP) return List.of();
        return SitemapReader.roots(plan.seed(), robots.rulesFor(plan.seed()).sitemaps());
    }

    /** Sitemap URLs: depth 1, exempt from the trap budget; scope, robots and the other rules apply. */
    public Offer offerSitemapUrls(List<SitemapReader.Entry> entries) {
        List<Candidate> c = new ArrayList<>(entries.size());
        for (SitemapReader.Entry e : entries) c.add(new Candidate(e.url(), "", false, LinkPlace.OTHER, UrlSource.SITEMAP, 1, null));
        return offer(c);
    }

    /** Records the seed (depth 0). Call after the sitemaps were offered, so a restart knows they were. */
    public Offer seed() {
        return offer(List.of(new Candidate(plan.seed().toString(), "", false, LinkPlace.OTHER, UrlSource.SEED, 0, null)));
    }

    // --- discovery --------------------------------------------------------------------------------------

    /** The links of a fetched page; nothing with {@code sitemap: only}. */
    public Offer offerLinks(Claim from, List<FoundLink> links) {
        if (plan.options().sitemap() == SitemapMode.ONLY || links.isEmpty()) return new Offer(0, 0, Map.of());
        List<Candidate> c = new ArrayList<>(links.size());
        for (FoundLink l : links) c.add(new Candidate(l.url(), l.text(), l.nofollow(), l.place(), UrlSource.LINK, from.depth() + 1, from.seq()));
        return offer(c);
    }

    private record Candidate(String raw, String text, boolean nofollow, LinkPlace place, UrlSource source, int depth, Long parentSeq) {
    }

    private Offer offer(List<Candidate> candidates) {
        // one offer at a time: the trap budget is read and spent in one step, so workers never overshoot it together
        offerLock.lock();
        try {
            return offerLocked(candidates);
        } finally {
            offerLock.unlock();
        }
    }

    private Offer offerLocked(List<Candidate> candidates) {
        Map<String, Candidate> byUrl = new LinkedHashMap<>();
        List<NewUrl> out = new ArrayList<>();
        for (Candidate c : candidates) {
            String raw = c.raw().strip();
            if (!raw.regionMatches(true, 0, "http://", 0, 7) && !raw.regionMatches(true, 0, "https://", 0, 8)) {
                if (SCHEME.matcher(raw).find()) {
                    String url = raw.length() > MAX_RAW_URL ? raw.substring(0, MAX_RAW_URL) : raw;
                    byUrl.putIfAbsent(url, c);
                }
                continue;
            }
            Optional<String> n = plan.normalizer().normalize(raw);
            if (n.isEmpty()) continue; // unparseable: not a URL anyone could fetch
            byUrl.merge(n.get(), c, CrawlCore::preferred);
        }
        Map<String, KnownUrl> known = frontier.lookup(byUrl.keySet());
        Map<String, Integer> budgetUse = new HashMap<>();
        Map<String, TrapBudget.Key> keys = new HashMap<>();
        for (String url : byUrl.keySet()) {
            KnownUrl k = known.get(url);
            if ((k == null || revivable(k)) && isHttp(url)) keys.put(url, plan.budget().keyFor(URI.create(url)));
        }
        budgetUse.putAll(frontier.budgetUse(keys.values().stream().map(TrapBudget.Key::key).distinct().toList()));
        int knownCount = 0;
        List<NewUrl> revive = new ArrayList<>();
        for (Map.Entry<String, Candidate> e : byUrl.entrySet()) {
            String url = e.getKey();
            Candidate c = e.getValue();
            KnownUrl k = known.get(url);
            if (k != null && !revivable(k)) {
                knownCount++;
                continue;
            }
            NewUrl decided = decide(url, c, keys.get(url), budgetUse);
            if (k == null) {
                out.add(decided);
            } else if (decided.queued()) {
                revive.add(decided);
            } else {
                knownCount++;
            }
        }
        for (NewUrl u : out) {
            if (u.queued()) ensureOrigin(u.origin());
        }
        for (NewUrl u : revive) ensureOrigin(u.origin());
        List<String> inserted = frontier.add(out);
        Set<String> ins = Set.copyOf(inserted);
        int queued = 0;
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        for (NewUrl u : out) {
            if (!ins.contains(u.url())) {
                knownCount++; // another worker recorded it first
            } else if (u.queued()) {
                queued++;
            } else {
                skipped.merge(u.skip(), 1, Integer::sum);
            }
        }
        for (NewUrl u : revive) {
            if (frontier.revive(u)) queued++;
            else knownCount++;
        }
        return new Offer(queued, knownCount, skipped);
    }

    /** Of two links to one URL in one offer: a followable one, then the shallower one. */
    private static Candidate preferred(Candidate a, Candidate b) {
        if (a.nofollow() != b.nofollow()) return a.nofollow() ? b : a;
        return b.depth() < a.depth() ? b : a;
    }

    private static boolean revivable(KnownUrl k) {
        return k.state() == UrlState.SKIPPED && ("nofollow".equals(k.reason()) || "depth".equals(k.reason()));
    }

    private static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    private NewUrl decide(String url, Candidate c, TrapBudget.Key key, Map<String, Integer> budgetUse) {
        if (!isHttp(url)) {
            String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
            return skip(url, "", c, SkipReason.SCHEME, scheme + ": link");
        }
        URI uri = URI.create(url);
        String origin = RobotsCache.origin(uri);
        Optional<String> scope = plan.scope().refusal(uri);
        if (scope.isPresent()) return skip(url, origin, c, SkipReason.SCOPE, scope.get());
        RobotsRules rules = robots.rulesFor(uri);
        if (!rules.allows(url)) {
            return skip(url, origin, c, SkipReason.ROBOTS, rules.source() == RobotsRules.Source.PARSED
                    ? "disallowed by robots.txt for " + plan.options().robotsUserAgent()
                    : rules.problem().orElse("robots.txt unreadable"));
        }
        String ext = extension(uri);
        if (ext != null && NON_HTML_EXTENSIONS.contains(ext)) return skip(url, origin, c, SkipReason.NON_HTML, "." + ext + " file");
        if (c.nofollow()) return skip(url, origin, c, SkipReason.NOFOLLOW, "only linked with rel=nofollow");
        if (c.depth() > plan.options().maxDepth()) {
            return skip(url, origin, c, SkipReason.DEPTH, "depth " + c.depth() + " > maxDepth " + plan.options().maxDepth());
        }
        int used = budgetUse.getOrDefault(key.key(), 0);
        boolean exempt = c.source() == UrlSource.SITEMAP || c.source() == UrlSource.CANONICAL || c.source() == UrlSource.SEED;
        if (!exempt && used >= key.max()) {
            return skip(url, origin, c, SkipReason.TRAP, "over the trap budget of " + key.max() + " URLs for " + key.covers());
        }
        budgetUse.put(key.key(), used + 1);
        return new NewUrl(url, origin, key.key(), c.depth(), c.source(), c.parentSeq(), emptyToNull(c.text()), null, null);
    }

    private static NewUrl skip(String url, String origin, Candidate c, SkipReason reason, String detail) {
        return new NewUrl(url, origin, null, c.depth(), c.source(), c.parentSeq(), emptyToNull(c.text()), reason, detail);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String extension(URI uri) {
        String path = uri.getRawPath();
        if (path == null) return null;
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && dot < path.length() - 1 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : null;
    }

    /** Registers an origin's politeness delay: the longer of the {@code delay} option and its robots.txt Crawl-delay. */
    private void ensureOrigin(String origin) {
        if (origins.contains(origin)) return;
        RobotsRules rules = robots.rulesFor(URI.create(origin + "/"));
        Duration delay = plan.options().delay();
        Optional<Duration> crawlDelay = rules.crawlDelay();
        if (crawlDelay.isPresent() && crawlDelay.get().compareTo(delay) > 0) delay = crawlDelay.get();
        frontier.ensureOrigin(origin, delay, rules.source());
        origins.add(origin);
    }

    // --- the loop ---------------------------------------------------------------------------------------

    /** The next thing a worker should do. Also returns expired leases to the queue, now and then. */
    public NextStep next(String worker) {
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            return new NextStep.Finish(CrawlReason.MAX_DURATION_REACHED, "maxDuration of " + plan.options().maxDuration().toSeconds() + " s reached");
        }
        if (now.toEpochMilli() >= nextLeaseSweep) {
            nextLeaseSweep = now.toEpochMilli() + Math.max(1_000, settings.lease().toMillis() / 4);
            int released = frontier.releaseExpiredLeases(settings.maxAttempts());
            if (released > 0) log.atInfo().addKeyValue("crawl", frontier.crawlId()).addKeyValue("urls", released).log("expired leases released");
        }
        int limit = plan.options().limit();
        // the common case first: the claim checks the limit itself, so a full count is only needed when it finds nothing
        Optional<Claim> claim = frontier.claim(worker, settings.lease(), limit);
        if (claim.isPresent()) return new NextStep.Fetch(claim.get());
        CrawlCounts k = frontier.counts();
        if (k.done() >= limit) return new NextStep.Finish(CrawlReason.LIMIT_REACHED, limit + " pages stored");
        if (k.queued() == 0 && k.inFlight() == 0) {
            if (k.done() == 0) return new NextStep.Finish(CrawlReason.SEED_FAILED, seedProblem());
            return new NextStep.Finish(CrawlReason.FINISHED, null);
        }
        Instant next = k.queued() > 0 && k.done() + k.inFlight() < limit ? frontier.nextClaimableAt().orElse(now) : now;
        boolean politeWait = next.isAfter(now);
        Optional<Instant> progress = frontier.lastProgress();
        if (!politeWait && progress.isPresent() && progress.get().plus(settings.stallTimeout()).isBefore(now)) {
            return new NextStep.Finish(CrawlReason.STALLED, "no URL changed state for " + settings.stallTimeout().toSeconds() + " s ("
                    + k.queued() + " queued, " + k.inFlight() + " in flight)");
        }
        Instant until = politeWait ? next : now.plus(POLL);
        return new NextStep.Wait(until.isAfter(deadline) ? deadline : until);
    }

    private String seedProblem() {
        KnownUrl seed = frontier.lookup(List.of(plan.seed().toString())).get(plan.seed().toString());
        if (seed == null) return "the seed " + plan.seed() + " was never recorded";
        return "no page could be stored: the seed " + plan.seed() + " is " + seed.state().id() + (seed.reason() == null ? "" : " (" + seed.reason() + ")");
    }

    /**
     * Judges what fetching a claimed URL gave and records every outcome but a page to keep, which comes back as
     * {@link PageVerdict.Store}: save it, then {@link #complete}. The page's links are offered here (for stored pages,
     * duplicates and the seed fetched for links only).
     */
    public PageVerdict judge(Claim claim, PageFetch f) {
        String claimed = claim.url();
        String finalUrl = f.finalUrl() == null ? claimed : plan.normalizer().normalize(f.finalUrl()).orElse(claimed);
        boolean redirected = !finalUrl.equals(claimed);
        FetchFacts facts = new FetchFacts(f.httpStatus() == 0 ? null : f.httpStatus(), emptyToNull(f.contentType()), redirected ? finalUrl : null);
        URI page = URI.create(finalUrl);
        // a redirect out of scope or into a disallowed path: whether or not it was followed, it is not this crawl's page
        if (redirected) {
            Optional<String> scope = plan.scope().refusal(page);
            if (scope.isPresent()) return skip(claim, SkipReason.SCOPE, "redirects to " + finalUrl + ": " + scope.get(), null, facts);
            if (!robots.rulesFor(page).allows(finalUrl)) {
                return skip(claim, SkipReason.ROBOTS, "redirects to " + finalUrl + ", disallowed by robots.txt", null, facts);
            }
            // the target is (being) crawled under its own URL: this one is only a way to it
            KnownUrl target = frontier.lookup(List.of(finalUrl)).get(finalUrl);
            if (target != null && target.state() != UrlState.QUEUED) {
                return skip(claim, SkipReason.REDIRECT, "redirects to " + finalUrl, target.seq(), facts);
            }
        }
        if (f.error() != null || f.httpStatus() == 0) {
            if (f.error() != null && f.error().startsWith(PageFetch.EGRESS_BLOCKED)) return fail(claim, "egress_blocked", f.error(), facts, false);
            boolean redirectProblem = f.redirects() > 0 && f.error() != null && f.error().startsWith("redirect");
            String code = redirectProblem ? "redirects" : "network";
            return fail(claim, code, f.error() == null ? "no response" : f.error(), facts, !redirectProblem);
        }
        int s = f.httpStatus();
        if (s < 200 || s >= 300) {
            boolean retry = s == 408 || s == 429 || s >= 500;
            return fail(claim, "http_" + s, "HTTP " + s, facts, retry);
        }
        if (!isHtml(f.contentType())) return skip(claim, SkipReason.NON_HTML, f.contentType().isEmpty() ? "no Content-Type" : f.contentType(), null, facts);

        Optional<KnownUrl> canonicalOf = canonicalTarget(claim, finalUrl, f.canonical());
        if (canonicalOf.isPresent()) {
            offerLinks(claim, f.links());
            return skip(claim, SkipReason.DUPLICATE, "rel=canonical is " + canonicalOf.get().url(), canonicalOf.get().seq(), facts);
        }
        if (f.contentHash() != null) {
            Optional<KnownUrl> same = frontier.doneWithContentHash(f.contentHash());
            if (same.isPresent() && same.get().seq() != claim.seq()) {
                return skip(claim, SkipReason.DUPLICATE, "same content as " + same.get().url(), same.get().seq(), facts);
            }
        }
        offerLinks(claim, f.links());
        if (!plan.scope().isStorable(page)) {
            return skip(claim, SkipReason.SCOPE, "fetched for its links only (includePaths/excludePaths leave it out)", null, facts);
        }
        return new PageVerdict.Store(claim, finalUrl, redirected, f);
    }

    /**
     * The frontier URL this page names as canonical, when that is another page the crawl keeps: in scope, allowed,
     * and queued, in flight or done (a canonical not yet known is queued now, to be fetched itself). Empty when the page
     * is its own canonical or the canonical is unusable (another host, disallowed, skipped or failed): then the page
     * stands for itself.
     */
    private Optional<KnownUrl> canonicalTarget(Claim claim, String pageUrl, String canonical) {
        if (canonical == null) return Optional.empty();
        Optional<String> n = plan.normalizer().normalize(canonical);
        if (n.isEmpty() || n.get().equals(pageUrl) || n.get().equals(claim.url())) return Optional.empty();
        URI c = URI.create(n.get());
        if (!plan.scope().hostInScope(c) || !robots.rulesFor(c).allows(n.get())) return Optional.empty();
        KnownUrl k = frontier.lookup(List.of(n.get())).get(n.get());
        if (k == null) {
            offer(List.of(new Candidate(n.get(), claim.linkText(), false, LinkPlace.OTHER, UrlSource.CANONICAL, claim.depth(), claim.seq())));
            k = frontier.lookup(List.of(n.get())).get(n.get());
        }
        if (k == null || k.state() == UrlState.SKIPPED || k.state() == UrlState.FAILED) return Optional.empty();
        return Optional.of(k);
    }

    static boolean isHtml(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("text/html") || t.equals("application/xhtml+xml");
    }

    private PageVerdict skip(Claim claim, SkipReason reason, String detail, Long duplicateOf, FetchFacts facts) {
        return frontier.skip(claim, reason, detail, duplicateOf, facts) ? new PageVerdict.Skipped(reason, detail) : new PageVerdict.Lost();
    }

    private PageVerdict fail(Claim claim, String code, String detail, FetchFacts facts, boolean retry) {
        boolean again = retry && claim.attempt() < settings.maxAttempts();
        return frontier.fail(claim, code, detail, facts, retry, settings.maxAttempts()) ? new PageVerdict.Failed(code, detail, again) : new PageVerdict.Lost();
    }

    /**
     * Records a kept page as done, after its capture was saved. A redirect target is recorded under its own URL and
     * the claimed URL as skipped {@code redirect}. {@link CompleteResult.Duplicate}: another page with the same content
     * was stored meanwhile, drop this capture; {@link CompleteResult.Lost}: the lease was lost, drop it too.
     */
    public CompleteResult complete(PageVerdict.Store v, Completion done) {
        Claim claim = v.claim();
        if (!v.adopted()) return frontier.complete(claim, done);
        URI target = URI.create(v.pageUrl());
        NewUrl t = new NewUrl(v.pageUrl(), RobotsCache.origin(target), plan.budget().keyFor(target).key(), claim.depth(),
                UrlSource.REDIRECT, claim.seq(), claim.linkText(), null, null);
        ensureOrigin(t.origin());
        CompleteResult r = frontier.completeUnclaimed(t, done);
        KnownUrl k = frontier.lookup(List.of(v.pageUrl())).get(v.pageUrl());
        FetchFacts facts = new FetchFacts(done.httpStatus(), done.contentType(), v.pageUrl());
        if (!frontier.skip(claim, SkipReason.REDIRECT, "redirects to " + v.pageUrl(), k == null ? null : k.seq(), facts)) return CompleteResult.LOST;
        return r;
    }

    /** Ends the frontier: what is still queued becomes skipped {@code unvisited}. Returns the final counts. */
    public CrawlCounts finish(CrawlReason reason) {
        int left = frontier.skipQueued(SkipReason.UNVISITED, "crawl ended: " + reason.id());
        CrawlCounts k = frontier.counts();
        log.atInfo().addKeyValue("crawl", frontier.crawlId()).addKeyValue("reason", reason.id()).addKeyValue("done", k.done())
                .addKeyValue("failed", k.failed()).addKeyValue("skipped", k.skippedTotal()).addKeyValue("unvisited", left).log("crawl frontier closed");
        return k;
    }

    /** Counts of the frontier now. */
    public CrawlCounts counts() {
        return frontier.counts();
    }
}
