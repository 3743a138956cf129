package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A monitor as the API takes it ({@code POST /v1/monitors}) and as it is stored. What it watches: one {@code url}, a list
 * of {@code urls}, or a project's known pages ({@code projectId}). When: {@code interval} ("30s", "5m") or {@code cron}
 * in {@code timezone}. How each page is captured: {@code capture} (the options of {@code POST /v1/captures} but url,
 * async, webhook and priority). What to compare: the {@code region} (a selector or clip), minus the {@code ignore}
 * selectors (hidden before the screenshot and left out of the Markdown). When it counts as changed:
 * {@code minChangedPercent} of the pixels, or {@code minChangedWords} words added or removed.
 *
 * @param minChangedPercent visual threshold in percent of compared pixels; default <b>0</b>: any meaningful change
 * @param minChangedWords   text threshold in words added plus removed; default <b>1</b>
 * @param webhook           called (signed as job webhooks are) when a page changes or is removed
 * @param enabled           false pauses the schedule; default true
 * @param crawl             project monitors only: re-discover the project's pages from its {@code siteUrl} at each run
 *                          (the options of {@code POST /v1/map}: sitemaps plus links, robots.txt honoured); pages found
 *                          anew are {@code new}, known pages no longer found are {@code removed}. Null: the known pages.
 */
public record MonitorSpec(String name, String url, List<String> urls, String projectId, String interval, String cron,
                          String timezone, String webhook, CaptureSpec capture, List<String> ignore, Region region,
                          Double minChangedPercent, Integer minChangedWords, Boolean enabled, ObjectNode crawl) {
    public static final int MAX_URLS = 100;
    public static final int MAX_IGNORE = 50;

    /** The part of each page compared: a CSS selector, or a clip in CSS pixels. */
    public record Region(String selector, CaptureSpec.ClipOption clip) {
    }

    public double changedPercentThreshold() {
        return minChangedPercent == null ? 0 : minChangedPercent;
    }

    public int changedWordsThreshold() {
        return minChangedWords == null ? 1 : minChangedWords;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public List<String> ignoreSelectors() {
        return ignore == null ? List.of() : ignore;
    }

    /** Whether the pages come from a project's known pages (read at each run) rather than a fixed list. */
    public boolean watchesProject() {
        return url == null && urls == null && projectId != null;
    }

    /** Whether each run first re-discovers the project's pages ({@code crawl} given). */
    public boolean rediscovers() {
        return watchesProject() && crawl != null;
    }

    /** The fixed URLs watched, in order and without repeats; empty for a project monitor. */
    public List<String> fixedUrls() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (url != null) out.add(url);
        if (urls != null) out.addAll(urls);
        return List.copyOf(out);
    }

    /** The schedule of a stored definition (validated when it was stored; the minimum may have changed since). */
    public Schedule schedule() {
        return Schedule.of(interval, cron, timezone, java.time.Duration.ZERO);
    }

    /** Checks everything the API would refuse and returns the schedule; errors name the field ({@code capture.x} for capture options). */
    public Schedule validate(MonitorSettings settings) {
        return validate(settings, io.pagelens.crawl.CrawlSettings.DEFAULTS);
    }

    /** As {@link #validate(MonitorSettings)}, the {@code crawl} options against this process's crawl ceilings. */
    public Schedule validate(MonitorSettings settings, io.pagelens.crawl.CrawlSettings crawlSettings) {
        if (crawl != null) {
            if (!watchesProject()) throw new InvalidRequestException("crawl", "re-discovers a project's pages; give projectId without url or urls");
            MonitorCrawl.options(crawl, crawlSettings);
        }
        if (name != null && name.length() > 200) throw new InvalidRequestException("name", "must be at most 200 characters");
        if (url != null && urls != null) throw new InvalidRequestException("urls", "give url or urls, not both");
        if (url == null && urls == null && projectId == null) throw new InvalidRequestException("url", "give url, urls or projectId");
        if (urls != null && (urls.isEmpty() || urls.size() > MAX_URLS)) {
            throw new InvalidRequestException("urls", "must hold 1 to " + MAX_URLS + " URLs");
        }
        if (ignore != null) {
            if (ignore.size() > MAX_IGNORE) throw new InvalidRequestException("ignore", "at most " + MAX_IGNORE + " selectors");
            for (String s : ignore) if (s == null || s.isBlank()) throw new InvalidRequestException("ignore", "selectors must not be blank");
        }
        if (region != null) {
            if ((region.selector() == null) == (region.clip() == null)) throw new InvalidRequestException("region", "give selector or clip");
            if (region.selector() != null && region.selector().isBlank()) throw new InvalidRequestException("region.selector", "must not be blank");
        }
        if (minChangedPercent != null && (minChangedPercent < 0 || minChangedPercent > 100)) {
            throw new InvalidRequestException("minChangedPercent", "must be between 0 and 100");
        }
        if (minChangedWords != null && minChangedWords < 0) throw new InvalidRequestException("minChangedWords", "must not be negative");
        if (capture != null) {
            if (capture.url() != null) throw new InvalidRequestException("capture.url", "the monitor's url, urls or projectId say what is captured");
            if (capture.async() != null || capture.webhook() != null || capture.priority() != null || capture.maxAge() != null) {
                throw new InvalidRequestException("capture", "async, webhook, priority and maxAge are the monitor's to set");
            }
        }
        Schedule schedule = Schedule.of(interval, cron, timezone, settings.minInterval());
        List<String> check = fixedUrls().isEmpty() ? List.of("http://127.0.0.1/") : fixedUrls();
        for (String u : check) {
            try {
                CaptureOrder.from(captureSpec(u).withUrl(u)).build();
            } catch (InvalidRequestException e) {
                String f = e.field();
                String field = f.equals("url") ? (url != null ? "url" : "urls") : f.equals("webhook") ? "webhook" : "capture." + f;
                String msg = e.getMessage().startsWith(f + ": ") ? e.getMessage().substring(f.length() + 2) : e.getMessage();
                throw new InvalidRequestException(field, msg, e.error());
            }
        }
        return schedule;
    }

    /**
     * The capture spec of one page of a run: the monitor's options, plus what change detection needs (screenshot
     * and Markdown, HTTP errors kept so 404/410 read as removed, the region, the ignored selectors masked and
     * excluded from the Markdown, stable rendering where the engine has it) and the webhook for validation only.
     */
    public CaptureSpec captureSpec(String pageUrl) {
        return captureSpec(pageUrl, null);
    }

    /** As {@link #captureSpec(String)}, stored as {@code pageType} (a project's page keeps the type its captures have). */
    public CaptureSpec captureSpec(String pageUrl, String pageType) {
        ObjectNode o = capture == null ? Jackson.MAPPER.createObjectNode() : Jackson.MAPPER.valueToTree(capture);
        o.put("url", pageUrl);
        if (projectId != null && !o.has("projectId")) o.put("projectId", projectId);
        if (pageType != null) o.put("pageType", pageType);
        ArrayNode formats = o.withArray("formats");
        List<String> have = new ArrayList<>();
        formats.forEach(n -> have.add(n.asText()));
        if (!have.contains("screenshot")) formats.add("screenshot");
        if (!have.contains("markdown")) formats.add("markdown");
        o.put("allowHttpErrors", true);
        if (region != null) {
            if (region.selector() != null) o.put("selector", region.selector());
            else o.set("clip", Jackson.MAPPER.valueToTree(region.clip()));
        }
        if (!ignoreSelectors().isEmpty()) {
            ArrayNode ex = o.withArray("excludeTags");
            ignoreSelectors().forEach(ex::add);
            ArrayNode mask = o.putObject("mask").putArray("selectors");
            ignoreSelectors().forEach(mask::add);
        }
        MonitorCaptureDefaults.apply(o);
        if (webhook != null) o.put("webhook", webhook);
        try {
            return Jackson.STRICT.forType(CaptureSpec.class).readValue(o);
        } catch (IOException e) {
            throw new InvalidRequestException("capture", e.getMessage());
        }
    }

    /** This spec with the fields of {@code patch} that are present replacing its own (PATCH semantics, one level). */
    public MonitorSpec merge(ObjectNode patch) {
        ObjectNode base = Jackson.MAPPER.valueToTree(this);
        patch.properties().forEach(e -> base.set(e.getKey(), e.getValue()));
        try {
            return Jackson.STRICT.forType(MonitorSpec.class).readValue(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String json() {
        try {
            return Jackson.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MonitorSpec parse(String json) {
        try {
            return Jackson.LENIENT.forType(MonitorSpec.class).readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
