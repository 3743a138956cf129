package io.pagelens.api;

import io.pagelens.config.Env;
import io.pagelens.pipeline.CaptureSpec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Bounds on what one API request may ask for, beyond the body's byte limit ({@code PAGELENS_MAX_BODY_BYTES}): each is
 * a setting, and a value over it is refused with 400 {@code limit_exceeded} naming the field and the setting, before
 * any work starts. Routes of other features check their own lists with {@link #mutations} and {@link #selector}.
 *
 * @param urlLength      characters of a capture's {@code url}, {@code webhook} and each {@code blockUrls} pattern
 *                       ({@code PAGELENS_MAX_URL_LENGTH}, default 8192); also of the API request's own path and query (414)
 * @param headers        capture {@code headers} entries ({@code PAGELENS_MAX_HEADERS}, default 50)
 * @param headerBytes    UTF-8 bytes of one header's name and value, or one cookie's ({@code PAGELENS_MAX_HEADER_BYTES}, default 8192)
 * @param cookies        capture {@code cookies} ({@code PAGELENS_MAX_COOKIES}, default 100)
 * @param selectorLength characters of a CSS selector: {@code selector}, {@code waitFor}, {@code includeTags}/{@code excludeTags}
 *                       entries, a mutation's selector ({@code PAGELENS_MAX_SELECTOR_LENGTH}, default 1024)
 * @param mutations      entries of a variant's mutation list ({@code PAGELENS_MAX_MUTATIONS}, default 200)
 */
public record InputLimits(int urlLength, int headers, int headerBytes, int cookies, int selectorLength, int mutations) {
    public static final InputLimits DEFAULTS = new InputLimits(8192, 50, 8192, 100, 1024, 200);

    public static InputLimits fromEnv(Env env) {
        return new InputLimits(
                env.integer("PAGELENS_MAX_URL_LENGTH", DEFAULTS.urlLength, 256, 1_000_000),
                env.integer("PAGELENS_MAX_HEADERS", DEFAULTS.headers, 0, 1000),
                env.integer("PAGELENS_MAX_HEADER_BYTES", DEFAULTS.headerBytes, 64, 1_000_000),
                env.integer("PAGELENS_MAX_COOKIES", DEFAULTS.cookies, 0, 10_000),
                env.integer("PAGELENS_MAX_SELECTOR_LENGTH", DEFAULTS.selectorLength, 16, 1_000_000),
                env.integer("PAGELENS_MAX_MUTATIONS", DEFAULTS.mutations, 1, 100_000));
    }

    public InputLimits {
        if (urlLength < 1 || headers < 0 || headerBytes < 1 || cookies < 0 || selectorLength < 1 || mutations < 1) {
            throw new IllegalArgumentException("input limits must be positive (headers and cookies may be 0)");
        }
    }

    /** Checks a capture body; throws 400 {@code limit_exceeded} naming the first field over its limit. */
    public void check(CaptureSpec s) {
        url("url", s.url());
        url("webhook", s.webhook());
        selector("selector", s.selector());
        selector("waitFor", s.waitFor());
        each("includeTags", s.includeTags(), v -> selector("includeTags", v));
        each("excludeTags", s.excludeTags(), v -> selector("excludeTags", v));
        each("blockUrls", s.blockUrls(), v -> url("blockUrls", v));
        Map<String, String> h = s.headers();
        if (h != null) {
            count("headers", h.size(), headers, "PAGELENS_MAX_HEADERS");
            // the message names the header, never its value (a secret)
            h.forEach((k, v) -> bytes("headers." + cut(k), utf8(k) + utf8(v)));
        }
        List<CaptureSpec.CookieOption> c = s.cookies();
        if (c != null) {
            count("cookies", c.size(), cookies, "PAGELENS_MAX_COOKIES");
            for (int i = 0; i < c.size(); i++) {
                CaptureSpec.CookieOption o = c.get(i);
                if (o != null) bytes("cookies[" + i + "]", utf8(o.name()) + utf8(o.value()) + utf8(o.domain()) + utf8(o.path()));
            }
        }
    }

    /** A CSS selector of any route. */
    public void selector(String field, String value) {
        if (value != null && value.length() > selectorLength) {
            throw over(field, value.length() + " characters", selectorLength, "PAGELENS_MAX_SELECTOR_LENGTH");
        }
    }

    /** A variant's (or any feature's) list of DOM mutations: its length, before the entries are looked at. */
    public void mutations(String field, int count) {
        count(field, count, mutations, "PAGELENS_MAX_MUTATIONS");
    }

    /** The API request's own path and query: 414 past {@code urlLength}. */
    void requestTarget(String rawTarget) {
        if (rawTarget != null && rawTarget.length() > urlLength) {
            throw new ApiException(414, "limit_exceeded", "the request's path and query are " + rawTarget.length()
                    + " characters, more than PAGELENS_MAX_URL_LENGTH (" + urlLength + ")");
        }
    }

    private void url(String field, String value) {
        if (value != null && value.length() > urlLength) throw over(field, value.length() + " characters", urlLength, "PAGELENS_MAX_URL_LENGTH");
    }

    private void bytes(String field, int n) {
        if (n > headerBytes) throw over(field, n + " bytes", headerBytes, "PAGELENS_MAX_HEADER_BYTES");
    }

    private static void count(String field, int n, int max, String setting) {
        if (n > max) throw over(field, n + " entries", max, setting);
    }

    private static <T> void each(String field, List<T> list, java.util.function.Consumer<T> check) {
        if (list != null) list.forEach(check);
    }

    private static ApiException over(String field, String size, int max, String setting) {
        return new ApiException(400, "limit_exceeded", field + " has " + size + ", more than " + setting + " (" + max + ")", field);
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String cut(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}
