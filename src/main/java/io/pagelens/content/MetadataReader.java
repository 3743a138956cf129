package io.pagelens.content;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.pagelens.json.Jackson;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a page says about itself from {@code <head>} and JSON-LD, with Mozilla Readability's
 * precedence rules (JSON-LD article, then Dublin Core, Open Graph, Twitter, Parse.ly, plain meta names),
 * so results line up with Readability's expected metadata. Read-only: does not change the document.
 */
final class MetadataReader {
    /** JSON-LD as pages write it: the first value of a script counts, whatever junk follows it. */
    private static final ObjectReader JSON = Jackson.PARTS;
    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|published_time|title|site_name)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-.:]\\s*)?"
                    + "(author|creator|pub-date|description|title|site_name)\\s*$", Pattern.CASE_INSENSITIVE);
    /** Readability's list; its anchors bind only to the first and last names, kept as Readability has it. */
    private static final Pattern ARTICLE_TYPES = Pattern.compile("^Article|AdvertiserContentArticle|NewsArticle|"
            + "AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|"
            + "ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|"
            + "BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$");
    private static final Pattern SCHEMA_ORG = Pattern.compile("^https?://schema\\.org/?$");
    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»] ");
    private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
    private static final int MAX_JSON_LD_BLOCKS = 20;
    private static final int MAX_JSON_LD_CHARS = 200_000;

    /** Metadata found in the head and JSON-LD, before the article is known. */
    record Head(String title, String description, String byline, String excerpt, String siteName,
                String publishedTime, String lang, String canonical, Map<String, String> openGraph,
                List<String> jsonLd) {
    }

    private MetadataReader() {
    }

    static Head read(Document doc) {
        List<String> jsonLdBlocks = new ArrayList<>();
        JsonLd jsonLd = jsonLd(doc, jsonLdBlocks);
        Map<String, String> values = new HashMap<>();
        Map<String, String> social = new LinkedHashMap<>();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content");
            String property = meta.attr("property");
            String name = meta.attr("name");
            String key = !property.isEmpty() ? property.strip() : name.strip();
            String lower = key.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("og:") || lower.startsWith("twitter:") || lower.startsWith("article:"))
                    && !content.isBlank()) {
                social.putIfAbsent(key, content.strip());
            }
            if (content.isEmpty()) continue;
            boolean matched = false;
            if (!property.isEmpty()) {
                Matcher m = PROPERTY.matcher(property);
                if (m.find()) {
                    matched = true;
                    values.put(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s", ""), content.strip());
                }
            }
            if (!matched && !name.isEmpty() && NAME.matcher(name).matches()) {
                values.put(name.toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('.', ':'), content.strip());
            }
        }
        String title = first(jsonLd.title, values.get("dc:title"), values.get("dcterm:title"), values.get("og:title"),
                values.get("weibo:article:title"), values.get("weibo:webpage:title"), values.get("title"),
                values.get("twitter:title"), values.get("parsely-title"));
        if (title == null) title = articleTitle(doc);
        String articleAuthor = values.get("article:author");
        if (articleAuthor != null && articleAuthor.matches("(?i)^https?://\\S+$")) articleAuthor = null;
        String byline = first(jsonLd.byline, values.get("dc:creator"), values.get("dcterm:creator"),
                values.get("author"), values.get("parsely-author"), articleAuthor);
        String excerpt = first(jsonLd.excerpt, values.get("dc:description"), values.get("dcterm:description"),
                values.get("og:description"), values.get("weibo:article:description"),
                values.get("weibo:webpage:description"), values.get("description"), values.get("twitter:description"));
        String description = first(values.get("description"), values.get("og:description"),
                values.get("twitter:description"), values.get("dc:description"), jsonLd.excerpt);
        String siteName = first(jsonLd.siteName, values.get("og:site_name"));
        String published = first(jsonLd.datePublished, values.get("article:published_time"),
                values.get("parsely-pub-date"));
        Element html = doc.selectFirst("html");
        String lang = html == null || html.attr("lang").isBlank() ? null : html.attr("lang").strip();
        Element canonicalLink = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        String canonical = canonicalLink == null ? null : absolute(canonicalLink, "href");
        return new Head(unescape(title), unescape(description), unescape(byline), unescape(excerpt),
                unescape(siteName), unescape(published), lang, canonical, social, jsonLdBlocks);
    }

    private static String absolute(Element e, String attr) {
        String abs = e.absUrl(attr);
        return abs.isEmpty() ? e.attr(attr).strip() : abs;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v instanceof String s ? !s.isEmpty() : v != null) return v;
        }
        return null;
    }

    private static String unescape(String s) {
        return s == null ? null : Parser.unescapeEntities(s, true);
    }

    private record JsonLd(String title, String byline, String excerpt, String siteName, String datePublished) {
        static final JsonLd NONE = new JsonLd(null, null, null, null, null);
    }

    /** Collects every JSON-LD block (raw) and reads the first schema.org article, as Readability does. */
    private static JsonLd jsonLd(Document doc, List<String> blocks) {
        JsonLd found = null;
        for (Element script : doc.select("script[type]")) {
            if (!script.attr("type").strip().equalsIgnoreCase("application/ld+json")) continue;
            String raw = script.data().replaceAll("^\\s*<!\\[CDATA\\[|]]>\\s*$", "").strip();
            if (raw.isEmpty() || raw.length() > MAX_JSON_LD_CHARS) continue;
            if (blocks.size() < MAX_JSON_LD_BLOCKS) blocks.add(raw);
            if (found != null) continue;
            try {
                found = article(JSON.readTree(raw), doc);
            } catch (JacksonException e) {
                // a broken block is the page's problem: keep it raw, read no metadata from it
            }
        }
        return found == null ? JsonLd.NONE : found;
    }

    private static JsonLd article(JsonNode parsed, Document doc) {
        if (parsed.isArray()) {
            JsonNode hit = null;
            for (JsonNode it : parsed) {
                if (ARTICLE_TYPES.matcher(it.path("@type").asText("")).find()) {
                    hit = it;
                    break;
                }
            }
            if (hit == null) return null;
            parsed = hit;
        }
        JsonNode context = parsed.path("@context");
        boolean schema = context.isTextual() ? SCHEMA_ORG.matcher(context.asText()).find()
                : context.isObject() && context.path("@vocab").isTextual()
                && SCHEMA_ORG.matcher(context.path("@vocab").asText()).find();
        if (!schema) return null;
        if (!parsed.has("@type") && parsed.path("@graph").isArray()) {
            JsonNode hit = null;
            for (JsonNode it : parsed.path("@graph")) {
                if (ARTICLE_TYPES.matcher(it.path("@type").asText("")).find()) {
                    hit = it;
                    break;
                }
            }
            if (hit == null) return null;
            parsed = hit;
        }
        if (!parsed.path("@type").isTextual() || !ARTICLE_TYPES.matcher(parsed.path("@type").asText()).find()) {
            return null;
        }
        String title = null;
        JsonNode name = parsed.path("name");
        JsonNode headline = parsed.path("headline");
        if (name.isTextual() && headline.isTextual() && !name.asText().equals(headline.asText())) {
            // some sites put their own name in "name" and the article's in "headline": pick the one like <title>
            String docTitle = articleTitle(doc);
            boolean nameMatches = similarity(name.asText(), docTitle) > 0.75;
            boolean headlineMatches = similarity(headline.asText(), docTitle) > 0.75;
            title = headlineMatches && !nameMatches ? headline.asText() : name.asText();
        } else if (name.isTextual()) {
            title = name.asText().strip();
        } else if (headline.isTextual()) {
            title = headline.asText().strip();
        }
        String byline = null;
        JsonNode author = parsed.path("author");
        if (author.path("name").isTextual()) {
            byline = author.path("name").asText().strip();
        } else if (author.isArray() && author.path(0).path("name").isTextual()) {
            List<String> names = new ArrayList<>();
            for (JsonNode a : author) {
                if (a.path("name").isTextual()) names.add(a.path("name").asText().strip());
            }
            byline = String.join(", ", names);
        }
        String excerpt = parsed.path("description").isTextual() ? parsed.path("description").asText().strip() : null;
        String site = parsed.path("publisher").path("name").isTextual()
                ? parsed.path("publisher").path("name").asText().strip() : null;
        String date = parsed.path("datePublished").isTextual() ? parsed.path("datePublished").asText().strip() : null;
        return new JsonLd(title, byline, excerpt, site, date);
    }

    /** Readability's textSimilarity: share of b's tokens (by length) also in a. */
    static double similarity(String a, String b) {
        List<String> tokensA = tokens(a);
        List<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) return 0;
        List<String> uniqB = tokensB.stream().filter(t -> !tokensA.contains(t)).toList();
        double distance = (double) String.join(" ", uniqB).length() / String.join(" ", tokensB).length();
        return 1 - distance;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}_]+")) {
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Readability's _getArticleTitle: the document title without site-name parts. */
    static String articleTitle(Document doc) {
        Element titleEl = doc.selectFirst("title");
        String orig = titleEl == null ? "" : Text.jsTrim(titleEl.text());
        String cur = orig;
        boolean hierarchical = false;
        Matcher sep = SEPARATOR.matcher(cur);
        if (sep.find()) {
            hierarchical = HIERARCHICAL.matcher(cur).find();
            int last = sep.start();
            while (sep.find()) last = sep.start();
            cur = orig.substring(0, last);
            if (wordCount(cur) < 3) cur = orig.replaceFirst("^[^|\\-–—\\\\/>»]*[|\\-–—\\\\/>»]", "");
        } else if (cur.contains(": ")) {
            String trimmed = cur.strip();
            boolean match = false;
            for (Element h : doc.select("h1, h2")) {
                if (Text.jsTrim(h.wholeText()).equals(trimmed)) {
                    match = true;
                    break;
                }
            }
            if (!match) {
                cur = orig.substring(orig.lastIndexOf(':') + 1);
                if (wordCount(cur) < 3) {
                    cur = orig.substring(orig.indexOf(':') + 1);
                } else if (wordCount(orig.substring(0, orig.indexOf(':'))) > 5) {
                    cur = orig;
                }
            }
        } else if (cur.length() > 150 || cur.length() < 15) {
            var h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) cur = Text.fold(h1s.getFirst().wholeText());
        }
        cur = Text.jsTrim(cur).replaceAll("\\s{2,}", " ");
        int curWords = wordCount(cur);
        if (curWords <= 4 && (!hierarchical || curWords != wordCount(orig.replaceAll("[|\\-–—\\\\/>»]+", "")) - 1)) {
            cur = orig;
        }
        return cur.isEmpty() ? null : cur;
    }

    /** JavaScript's {@code str.split(/\s+/).length}: leading/trailing blanks count as empty words. */
    private static int wordCount(String s) {
        return s.split("\\s+", -1).length;
    }
}
