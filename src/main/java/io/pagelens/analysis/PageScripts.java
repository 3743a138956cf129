package io.pagelens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Command;
import io.pagelens.cdp.Commands;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The analysis package's in-page scripts: JavaScript kept as resources beside the classes that use them, loaded
 * once, and the two ways they enter a page: as an init script before navigation, or evaluated after load.
 */
public final class PageScripts {
    private PageScripts() {
    }

    /** A UTF-8 resource next to {@code owner}'s class file; missing resources are a build error, so unchecked. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " missing beside " + owner.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A resource holding one JavaScript function expression, its leading {@code //} comment lines removed so that it
     * can be wrapped as {@code (function)(args)}.
     */
    public static String function(Class<?> owner, String name) {
        String s = resource(owner, name).strip();
        while (s.startsWith("//")) s = s.substring(s.indexOf('\n') + 1).strip();
        return s;
    }

    /** A JavaScript string literal of any value (selectors, JSON): no injection through quotes. */
    public static String literal(String s) {
        return JsonNodeFactory.instance.textNode(s).toString();
    }

    /** A JSON value written into a script as a JavaScript expression. */
    public static String json(Object value) {
        try {
            return Jackson.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable to JSON: " + value, e);
        }
    }

    /**
     * Page.addScriptToEvaluateOnNewDocument: {@code source} runs in every frame before the page's own scripts, for
     * every later navigation of the tab. Returns the script's identifier.
     */
    public static Command<String> initScript(String source) {
        return new Command<>("Page.addScriptToEvaluateOnNewDocument",
                JsonNodeFactory.instance.objectNode().put("source", source), r -> r.path("identifier").asText());
    }

    /**
     * Evaluates {@code expression} in the page (awaiting a returned promise) and returns its JSON value.
     *
     * @param what names the script in the error when it throws
     */
    public static JsonNode evaluate(CdpSession session, String expression, Duration timeout, String what)
            throws CdpException, InterruptedException, PageScriptException {
        Commands.Evaluation e = session.send(Commands.evaluate(expression), timeout);
        if (e.failed()) throw new PageScriptException("the " + what + " script failed in the page: " + e.exception());
        return e.value();
    }
}
