package io.pagelens.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a site's sitemaps with crawler-commons: XML urlsets and indexes, plain-text lists, RSS and Atom feeds,
 * each possibly gzip-compressed (detected by content, not by name or header). Indexes are walked breadth-first
 * within {@link SitemapLimits}; each file is fetched through the {@link CrawlFetcher} after {@code check} allowed
 * it (and every redirect hop likewise). Page URLs go to a consumer as they are parsed, one file at a time.
 * Problems (a 404, a file too big, bad XML) are reported, never thrown: a sitemap is a hint.
 */
public final class SitemapReader {
    private static final Logger log = LoggerFactory.getLogger(SitemapReader.class);
    private static final FetchLimits FETCH = new FetchLimits(SitemapLimits.DEFAULT_MAX_BYTES, Duration.ofSeconds(30));

    /** A page URL a sitemap lists. */
    public record Entry(String url, String sitemap) {
    }

    /** What reading did. */
    public record Report(int filesRead, int urls, List<String> problems, boolean truncated) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    /** One parsed file: its page URLs and, for an index, the sitemaps it names. */
    public record Parsed(AbstractSiteMap.SitemapType type, List<String> urls, List<String> sitemaps) {
    }

    private final CrawlFetcher fetcher;
    private final SitemapLimits limits;
    private final RedirectFollower.HopCheck check;

    public SitemapReader(CrawlFetcher fetcher, SitemapLimits limits, RedirectFollower.HopCheck check) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.check = check;
    }

    /** The sitemaps to try for a site: those robots.txt names, then {@code /sitemap.xml}, each once. */
    public static List<URI> roots(URI site, List<String> fromRobots) {
        Set<URI> out = new java.util.LinkedHashSet<>();
        for (String s : fromRobots) {
            try {
                out.add(URI.create(s.strip()));
            } catch (IllegalArgumentException ignored) { // a bad Sitemap: line is skipped
            }
        }
        out.add(site.resolve("/sitemap.xml"));
        return List.copyOf(out);
    }

    public Report read(List<URI> roots, Consumer<Entry> sink) throws InterruptedException {
        record Pending(URI url, int depth) {
        }
        Deque<Pending> queue = new ArrayDeque<>();
        Set<URI> seen = new HashSet<>();
        for (URI r : roots) {
            if (seen.add(r)) queue.add(new Pending(r, 1));
        }
        List<String> problems = new ArrayList<>();
        int files = 0;
        int urls = 0;
        boolean truncated = false;
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            if (files >= limits.maxFiles()) {
                problems.add("more than " + limits.maxFiles() + " sitemap files; " + (queue.size() + 1) + " not read");
                truncated = true;
                break;
            }
            Optional<String> refusal = check.refusal(p.url());
            if (refusal.isPresent()) {
                problems.add(p.url() + ": not fetched (" + refusal.get() + ")");
                continue;
            }
            files++;
            Parsed parsed;
            try {
                Optional<Parsed> got = fetchAndParse(p.url(), problems);
                if (got.isEmpty()) continue;
                parsed = got.get();
            } catch (IOException e) {
                problems.add(p.url() + ": " + e.getMessage());
                continue;
            }
            for (String child : parsed.sitemaps()) {
                URI c;
                try {
                    c = URI.create(child);
                } catch (IllegalArgumentException e) {
                    problems.add(p.url() + ": bad sitemap URL " + child);
                    continue;
                }
                if (p.depth() >= limits.maxDepth()) {
                    problems.add(p.url() + ": nested deeper than " + limits.maxDepth() + "; " + child + " not read");
                    truncated = true;
                } else if (seen.add(c)) {
                    queue.add(new Pending(c, p.depth() + 1));
                }
            }
            for (String u : parsed.urls()) {
                if (urls >= limits.maxUrls()) {
                    if (!truncated) problems.add("more than " + limits.maxUrls() + " URLs in sitemaps; the rest ignored");
                    truncated = true;
                    break;
                }
                urls++;
                sink.accept(new Entry(u, p.url().toString()));
            }
            if (urls >= limits.maxUrls() && truncated) break;
        }
        Report report = new Report(files, urls, problems, truncated);
        log.atInfo().addKeyValue("files", files).addKeyValue("urls", urls).addKeyValue("problems", problems.size())
                .addKeyValue("truncated", truncated).log("sitemaps read");
        return report;
    }

    private Optional<Parsed> fetchAndParse(URI url, List<String> problems) throws IOException, InterruptedException {
        FetchLimits fetchLimits = new FetchLimits(limits.maxBytes(), FETCH.timeout());
        RedirectFollower.Outcome o = RedirectFollower.follow(fetcher, url, fetchLimits, RobotsCache.MAX_REDIRECTS, check);
        if (!(o instanceof RedirectFollower.Arrived a)) {
            problems.add(url + ": " + describe(o));
            return Optional.empty();
        }
        try (FetchResponse r = a.response()) {
            if (r.status() != 200) {
                // a missing /sitemap.xml is normal, not worth a line each crawl
                if (!(r.status() == 404 && url.getPath().equals("/sitemap.xml"))) problems.add(url + ": HTTP " + r.status());
                return Optional.empty();
            }
            byte[] body = r.readBody();
            if (r.truncated()) {
                problems.add(url + ": larger than " + limits.maxBytes() + " bytes; skipped");
                return Optional.empty();
            }
            Optional<byte[]> content = gunzipIfNeeded(body, limits.maxBytes());
            if (content.isEmpty()) {
                problems.add(url + ": larger than " + limits.maxBytes() + " bytes uncompressed, or bad gzip; skipped");
                return Optional.empty();
            }
            try {
                return Optional.of(parse(r.url(), content.get()));
            } catch (UnknownFormatException | IOException | RuntimeException e) {
                problems.add(url + ": not a sitemap (" + e.getMessage() + ")");
                return Optional.empty();
            }
        }
    }

    private static String describe(RedirectFollower.Outcome o) {
        return switch (o) {
            case RedirectFollower.Arrived a -> "HTTP " + a.response().status();
            case RedirectFollower.Refused f -> "redirect to " + f.target() + " refused (" + f.reason() + ")";
            case RedirectFollower.TooManyRedirects t -> t.loop() ? "redirect loop" : "too many redirects";
            case RedirectFollower.BrokenRedirect b -> "redirect without Location";
        };
    }

    /**
     * Parses one sitemap file (already decompressed), sniffing XML (urlset, index, RSS, Atom) against plain text.
     * Lenient: URLs outside the sitemap's folder are kept (the crawl's scope filters them).
     */
    public static Parsed parse(URI location, byte[] content) throws UnknownFormatException, IOException {
        SiteMapParser parser = new SiteMapParser(false);
        String contentType = looksLikeXml(content) ? "text/xml" : "text/plain";
        AbstractSiteMap map = parser.parseSiteMap(contentType, content, parserUrl(location));
        List<String> urls = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) sitemaps.add(child.getUrl().toString());
        } else if (map instanceof SiteMap sm) {
            // isValid() only says whether the URL sits under the sitemap's folder (the strict rule), not whether it is usable
            for (SiteMapURL u : sm.getSiteMapUrls()) urls.add(u.getUrl().toString());
        }
        return new Parsed(map.getType(), urls, sitemaps);
    }

    /** The parser picks gzip by a ".gz" name; the content is already decompressed here, so the name loses it. */
    private static URL parserUrl(URI location) throws MalformedURLException {
        String s = location.toString();
        if (s.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) s = s.substring(0, s.length() - 3);
        return URI.create(s).toURL();
    }

    static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) i = 3;
        while (i < content.length && Character.isWhitespace(content[i])) i++;
        return i < content.length && content[i] == '<';
    }

    /** The content itself, or gunzipped when it starts with the gzip magic; empty when over {@code max} or corrupt. */
    static Optional<byte[]> gunzipIfNeeded(byte[] body, long max) {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) return Optional.of(body);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) return Optional.empty(); // a gzip bomb stops here, not after it expanded
                out.write(buf, 0, n);
            }
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
