package io.pagelens.capture;

import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** URLs as users write them reach real Chromium as the WHATWG parser serialized them, and come back readable. */
class UrlIntakeIT {
    static CorpusServer server;
    static CaptureEngine engine;

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
        server.route("/test/echo-query", ex -> CorpusServer.send(ex, 200, "text/html; charset=utf-8",
                "<html><body><p id=q>" + ex.getRequestURI().getRawQuery() + "</p></body></html>"));
        // the page rewrites its own URL with characters java.net.URI refuses
        server.route("/test/rewrite", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><script>history.replaceState(null, '', '/test/after?x={a|b}^')</script>x</body></html>"));
        engine = Engines.engine(null);
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void ipv4NumberHost_pipeAndUnicodeQuery_reachTheServerEncoded() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        String input = "HTTP://2130706433:" + server.port() + "/test/./x/../echo-query?q=a|b&u=ü";
        CaptureResult r = engine.capture(CaptureRequest.builder(input).formats(Set.of(Format.HTML)).build(), sink);
        assertThat(sink.text(Format.HTML)).contains("<p id=\"q\">q=a%7Cb&amp;u=%C3%BC</p>");
        assertThat(r.report().finalUrl()).hasToString(server.url("test/echo-query?q=a%7Cb&u=%C3%BC"));
    }

    @Test
    void browserHref_thatJavaNetUriRefuses_isTheFinalUrl() throws Exception {
        CaptureResult r = engine.capture(CaptureRequest.builder(server.url("test/rewrite")).formats(Set.of(Format.HTML)).build(),
                new Engines.MemorySink());
        assertThat(r.report().finalUrl().getRawPath()).isEqualTo("/test/after");
        assertThat(r.report().finalUrl().getQuery()).isEqualTo("x={a|b}^");
    }
}
