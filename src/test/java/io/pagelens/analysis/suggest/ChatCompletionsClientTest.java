package io.pagelens.analysis.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.memory.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat-completions client against a local server speaking the OpenAI format, and the suggester around it. */
class ChatCompletionsClientTest {
    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> content = new AtomicReference<>("[\"Decide with data you trust\", \"Numbers everyone agrees on\", \"Metrics without arguments\"]");
    private volatile long delayMs;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            try (ex) {
                requests.add(Jackson.MAPPER.readTree(ex.getRequestBody()));
                auth.add(ex.getRequestHeaders().getFirst("Authorization"));
                if (delayMs > 0) Thread.sleep(delayMs);
                String body = Jackson.MAPPER.writeValueAsString(Map.of("id", "c1", "object", "chat.completion",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content.get())))));
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(status.get(), b.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlmSettings settings(Duration timeout) {
        return LlmSettings.fromEnv(new Env(Map.of("PAGELENS_LLM_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "PAGELENS_LLM_KEY", "sk-test-123", "PAGELENS_LLM_MODEL", "small-model", "PAGELENS_LLM_TIMEOUT", timeout.toMillis() + "ms"))).orElseThrow();
    }

    private static Caches caches() {
        return new Caches(1 << 20, Ticker.systemTicker(), new SimpleMeterRegistry());
    }

    @Test
    void alternatives_areAskedInTheChatFormat_andCached() throws Exception {
        ChatCompletionsClient client = new ChatCompletionsClient(settings(Duration.ofSeconds(5)), caches());
        List<String> alts = client.alternatives("headline", "Turn raw data into decisions", "analytics", 3);
        assertThat(alts).containsExactly("Decide with data you trust", "Numbers everyone agrees on", "Metrics without arguments");
        assertThat(client.alternatives("headline", "Turn raw data into decisions", "analytics", 3)).isEqualTo(alts);
        assertThat(requests).as("the second call is served from the cache").hasSize(1);
        JsonNode req = requests.getFirst();
        assertThat(req.path("model").asText()).isEqualTo("small-model");
        assertThat(req.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(req.path("messages").get(1).path("content").asText()).contains("\"Turn raw data into decisions\"");
        assertThat(auth).containsExactly("Bearer sk-test-123");
    }

    @Test
    void slowModel_timesOut_andTheRulesStillWork() throws Exception {
        delayMs = 2_000;
        VariantSuggester s = new VariantSuggester(new ChatCompletionsClient(settings(Duration.ofMillis(300)), caches()));
        long t0 = System.nanoTime();
        Suggestions out = s.suggest(SuggestionRulesTest.profile("#14365D", "#FFFFFF", "#D6E2EF"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("two calls, each cut at the timeout").isLessThan(Duration.ofMillis(1_900));
        assertThat(out.llmUsed()).isFalse();
        assertThat(out.llmError()).contains("did not answer within 300 ms").doesNotContain("sk-test-123");
        assertThat(out.suggestions()).extracting(Suggestion::source).containsOnly("rules").isNotEmpty();
    }

    @Test
    void suggester_addsCopyVariants_whenTheModelAnswers() throws Exception {
        content.set("1. Decide with data you trust\n2. \"Numbers everyone agrees on\"\n- Turn raw data into decisions");
        Suggestions out = new VariantSuggester(new ChatCompletionsClient(settings(Duration.ofSeconds(5)), caches()))
                .suggest(SuggestionRulesTest.profile("#14365D", "#FFFFFF", "#D6E2EF"));
        assertThat(out.llmUsed()).isTrue();
        assertThat(out.suggestions()).filteredOn(x -> x.rule().equals("llm-headline")).extracting(x -> x.mutations().getFirst().value())
                .containsExactly("Decide with data you trust", "Numbers everyone agrees on");
        assertThat(out.suggestions()).filteredOn(x -> x.rule().equals("llm-cta")).hasSize(3); // the headline line is a new label for the CTA
    }

    @Test
    void httpError_isReported_withoutTheKey() {
        status.set(401);
        ChatCompletionsClient client = new ChatCompletionsClient(settings(Duration.ofSeconds(5)), caches());
        assertThatThrownBy(() -> client.alternatives("cta", "Start", "", 3)).isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 401").satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-test"));
    }

    @Test
    void settings_needAModel_andAnHttpUrl_andHideTheKey() {
        assertThat(LlmSettings.fromEnv(new Env(Map.of()))).isEmpty();
        assertThatThrownBy(() -> LlmSettings.fromEnv(new Env(Map.of("PAGELENS_LLM_URL", "http://127.0.0.1:1/v1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_LLM_MODEL");
        assertThatThrownBy(() -> LlmSettings.fromEnv(new Env(Map.of("PAGELENS_LLM_URL", "ftp://x", "PAGELENS_LLM_MODEL", "m"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_LLM_URL");
        LlmSettings s = settings(Duration.ofSeconds(1));
        assertThat(s.endpoint().getPath()).isEqualTo("/v1/chat/completions");
        assertThat(s.toString()).doesNotContain("sk-test-123").contains("****");
    }

    @Test
    void parse_toleratesFencesBulletsAndDuplicates() {
        assertThat(ChatCompletionsClient.parse("```json\n[\"A\", \"a\", \"B\"]\n```", "orig")).containsExactly("A", "B");
        assertThat(ChatCompletionsClient.parse("- One\n* Two\n3) Three\n\norig", "orig")).containsExactly("One", "Two", "Three");
    }
}
