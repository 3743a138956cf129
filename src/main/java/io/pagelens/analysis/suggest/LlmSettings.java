package io.pagelens.analysis.suggest;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions endpoint for copy suggestions: {@code PAGELENS_LLM_URL} (the API base such as
 * {@code https://api.openai.com/v1}, or the full {@code .../chat/completions} URL), {@code PAGELENS_LLM_KEY} (sent as a
 * bearer token; optional for local servers), {@code PAGELENS_LLM_MODEL} (required with a URL) and
 * {@code PAGELENS_LLM_TIMEOUT} (default 10 s). The key never appears in {@link #toString()}, logs or errors.
 */
public record LlmSettings(URI endpoint, String key, String model, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LlmSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    }

    /** Empty when {@code PAGELENS_LLM_URL} is unset: the rules alone are used. */
    public static Optional<LlmSettings> fromEnv(Env env) {
        Optional<String> url = env.string("PAGELENS_LLM_URL");
        if (url.isEmpty()) return Optional.empty();
        URI uri;
        try {
            uri = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PAGELENS_LLM_URL", url.get(), "must be an http(s) URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("PAGELENS_LLM_URL", url.get(), "must be an http(s) URL");
        }
        String model = env.string("PAGELENS_LLM_MODEL")
                .orElseThrow(() -> new ConfigException("PAGELENS_LLM_MODEL", "", "must name the model when PAGELENS_LLM_URL is set"));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        URI endpoint = path.endsWith("/chat/completions") ? uri : uri.resolve((path.isEmpty() ? "" : path) + "/chat/completions");
        return Optional.of(new LlmSettings(endpoint, env.string("PAGELENS_LLM_KEY").orElse(null), model,
                env.duration("PAGELENS_LLM_TIMEOUT", DEFAULT_TIMEOUT)));
    }

    @Override
    public String toString() {
        return "LlmSettings[endpoint=" + endpoint + ", key=" + (key == null ? "none" : "****") + ", model=" + model + ", timeout=" + timeout + "]";
    }
}
