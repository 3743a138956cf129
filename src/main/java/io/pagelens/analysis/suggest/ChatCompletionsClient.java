package io.pagelens.analysis.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import io.pagelens.memory.BoundedCache;
import io.pagelens.memory.Caches;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Headline and CTA copy alternatives from an OpenAI-compatible {@code POST /chat/completions}. Answers are cached in
 * the global bounded cache ({@link Caches}, namespace {@value #CACHE}, 24 h) by model, kind, count and text, so asking
 * again costs nothing; every call has the settings' timeout. The answer may be a JSON array of strings (asked for)
 * or one alternative per line (tolerated).
 */
public final class ChatCompletionsClient {
    static final String CACHE = "llm-copy";
    public static final int MAX_ALTERNATIVES = 5;
    public static final int MAX_CHARS = 120;
    private static final Duration CACHE_TTL = Duration.ofHours(24);

    private final LlmSettings settings;
    private final HttpClient http;
    private final BoundedCache<String, List<String>> cache;

    public ChatCompletionsClient(LlmSettings settings, Caches caches) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.cache = caches.create(CACHE, (String k, List<String> v) -> 2 * (k.length() + v.stream().mapToInt(String::length).sum()) + 64, CACHE_TTL);
    }

    /**
     * @param kind    {@code headline} or {@code cta}
     * @param text    the current copy
     * @param context a line about the brand (site name, tagline), may be empty
     */
    public List<String> alternatives(String kind, String text, String context, int count) throws LlmException, InterruptedException {
        int n = Math.max(1, Math.min(MAX_ALTERNATIVES, count));
        String key = settings.model() + "\u0000" + kind + "\u0000" + n + "\u0000" + text + "\u0000" + context;
        List<String> hit = cache.getIfPresent(key);
        if (hit != null) return hit;
        List<String> fresh = ask(kind, text, context, n);
        cache.put(key, fresh);
        return fresh;
    }

    private List<String> ask(String kind, String text, String context, int n) throws LlmException, InterruptedException {
        String what = kind.equals("cta") ? "call-to-action button labels (at most 4 words each)" : "headlines (at most 12 words each)";
        ObjectNode body = Jackson.MAPPER.createObjectNode().put("model", settings.model()).put("temperature", 0.7);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content",
                "You write website copy for A/B tests. Answer with a JSON array of strings and nothing else.");
        messages.addObject().put("role", "user").put("content", "Write " + n + " alternative " + what
                + " for this website, in the same language as the original. " + (context.isBlank() ? "" : "About the site: " + context + ". ")
                + "Original: \"" + text + "\"");
        HttpRequest.Builder req = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (settings.key() != null) req.header("Authorization", "Bearer " + settings.key());
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmException("the language model at " + settings.endpoint().getHost() + " did not answer within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new LlmException("the language model at " + settings.endpoint().getHost() + " could not be reached: " + e.getMessage(), e);
        }
        if (res.statusCode() / 100 != 2) {
            throw new LlmException("the language model at " + settings.endpoint().getHost() + " answered HTTP " + res.statusCode());
        }
        String content;
        try {
            content = Jackson.LENIENT.readTree(res.body()).path("choices").path(0).path("message").path("content").asText(null);
        } catch (IOException e) {
            throw new LlmException("the language model's answer is not chat-completions JSON");
        }
        if (content == null) throw new LlmException("the language model's answer has no choices[0].message.content");
        List<String> alts = parse(content, text);
        if (alts.isEmpty()) throw new LlmException("the language model gave no usable alternative");
        return alts.stream().limit(n).toList();
    }

    /** A JSON array of strings, else one per line (bullets, numbers and quotes removed); the original left out. */
    static List<String> parse(String content, String original) {
        String c = content.strip().replaceAll("(?s)^```(?:json)?\\s*(.*?)\\s*```$", "$1");
        List<String> raw = new ArrayList<>();
        try {
            JsonNode arr = Jackson.LENIENT.readTree(c);
            if (arr.isArray()) arr.forEach(x -> raw.add(x.asText()));
        } catch (IOException e) {
            // not JSON: lines
        }
        if (raw.isEmpty()) for (String line : c.split("\\R")) raw.add(line);
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            String s = r.strip().replaceAll("^(?:[-*•]|\\d+[.)])\\s*", "").replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip();
            if (s.isEmpty() || s.length() > MAX_CHARS || s.equalsIgnoreCase(original.strip())) continue;
            if (out.stream().noneMatch(o -> o.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT)))) out.add(s);
        }
        return out;
    }
}
