package io.pagelens.testing;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A zoo of misbehaving pages, served under {@code /zoo/NAME} of a {@link CorpusServer} on 127.0.0.1. Each is what a
 * hostile or broken site does to a browser; a capture of each must end with a result or a clear error within its timeout.
 * {@code main} serves the zoo on its own (bench/zoo).
 */
public final class HostileZoo {
    /** Page name to what it does, in the order the zoo is walked. */
    public static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("endless-subresource", "an image whose bytes never stop coming");
        PAGES.put("slow-first-byte", "the server waits 30 s before the first byte");
        PAGES.put("redirect-loop", "302 to itself");
        PAGES.put("meta-refresh-loop", "meta refresh to itself every 0 s");
        PAGES.put("dialogs", "alert, confirm and prompt on load, a beforeunload handler");
        PAGES.put("window-open-flood", "window.open 500 times");
        PAGES.put("busy-loop", "while (true) {} on load");
        PAGES.put("memory-bomb", "allocates until the renderer dies");
        PAGES.put("giant-canvas", "a 16384 x 16384 canvas, filled");
        PAGES.put("dom-400k", "400,000 elements");
        PAGES.put("infinite-scroll", "appends a screen of content whenever it is scrolled");
        PAGES.put("tall-60k", "a 60,000 px tall page");
        PAGES.put("download", "Content-Disposition: attachment");
        PAGES.put("pdf", "an application/pdf response");
        PAGES.put("binary", "random bytes as application/octet-stream");
        PAGES.put("bad-encoding", "invalid UTF-8 declared as UTF-8, and an unknown charset");
        PAGES.put("not-found", "404");
        PAGES.put("server-error", "500");
        PAGES.put("private-addresses", "subresources, fetch, XHR, WebSocket and an iframe aimed at 127.0.0.2 in several spellings");
    }

    private HostileZoo() {
    }

    /** Adds the zoo's routes; the private-address page aims at {@code trapPort} on 127.0.0.2. */
    public static CorpusServer install(CorpusServer s, int trapPort) {
        s.route("/zoo/endless-subresource", ex -> html(ex, "<h1>endless</h1><img src=/zoo/drip>"));
        s.route("/zoo/drip", HostileZoo::drip);
        s.route("/zoo/slow-first-byte", ex -> {
            CorpusServer.pause(30_000);
            html(ex, "<h1>late</h1>");
        });
        s.route("/zoo/redirect-loop", ex -> {
            ex.getResponseHeaders().set("Location", "/zoo/redirect-loop");
            CorpusServer.send(ex, 302, "text/plain", "");
        });
        s.route("/zoo/meta-refresh-loop", ex -> html(ex, "<meta http-equiv=refresh content='0;url=/zoo/meta-refresh-loop'><h1>again</h1>"));
        s.route("/zoo/dialogs", ex -> html(ex, "<h1>dialogs</h1><script>alert('a'); confirm('c'); prompt('p', 'x');"
                + "addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'stay'; });"
                + "setTimeout(() => alert('late'), 50);</script>"));
        s.route("/zoo/window-open-flood", ex -> html(ex, "<h1>popups</h1><script>for (let i = 0; i < 500; i++) window.open('/zoo/window-open-flood?' + i);</script>"));
        s.route("/zoo/busy-loop", ex -> html(ex, "<h1>busy</h1><script>while (true) {}</script>"));
        s.route("/zoo/memory-bomb", ex -> html(ex, "<h1>bomb</h1><script>const a = []; while (true) a.push(new Array(1e6).fill(Math.random()));</script>"));
        s.route("/zoo/giant-canvas", ex -> html(ex, "<canvas id=c width=16384 height=16384></canvas><script>const g = c.getContext('2d');"
                + "g.fillStyle = '#c33'; g.fillRect(0, 0, 16384, 16384); const d = document.createElement('canvas'); d.width = 16384;"
                + "d.height = 16384; d.getContext('2d').fillRect(0, 0, 9, 9); document.title = c.width + 'x' + c.height + ' ' + d.width + 'x' + d.height;"
                + "</script>"));
        s.route("/zoo/dom-400k", ex -> html(ex, "<h1>big DOM</h1><div id=d></div><script>const f = document.createDocumentFragment();"
                + "for (let i = 0; i < 400000; i++) { const e = document.createElement('span'); e.textContent = i % 10; f.appendChild(e); }"
                + "d.appendChild(f);</script>"));
        s.route("/zoo/infinite-scroll", ex -> html(ex, "<style>div{height:900px;border:1px solid}</style><div>0</div><script>let n = 0;"
                + "addEventListener('scroll', () => { if (innerHeight + scrollY > document.body.scrollHeight - 1000) for (let i = 0; i < 3; i++) {"
                + "const d = document.createElement('div'); d.textContent = ++n; document.body.appendChild(d); } });</script>"));
        s.route("/zoo/tall-60k", ex -> html(ex, "<div style='height:60000px;background:linear-gradient(#fff,#36c)'>tall</div>"));
        s.route("/zoo/download", ex -> {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=x.bin");
            CorpusServer.send(ex, 200, "application/octet-stream", "not a page");
        });
        s.route("/zoo/pdf", ex -> CorpusServer.send(ex, 200, "application/pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"));
        s.route("/zoo/binary", ex -> {
            byte[] b = new byte[64 * 1024];
            new Random(7).nextBytes(b);
            bytes(ex, 200, "application/octet-stream", b);
        });
        s.route("/zoo/bad-encoding", ex -> {
            byte[] head = "<html><head><meta charset=x-no-such-charset></head><body><h1>caf".getBytes(StandardCharsets.US_ASCII);
            byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xE2, (byte) 0x82};
            byte[] tail = "</h1><p>broken bytes above</p></body></html>".getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(bad, 0, all, head.length, bad.length);
            System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
            bytes(ex, 200, "text/html; charset=utf-8", all);
        });
        s.route("/zoo/not-found", ex -> CorpusServer.send(ex, 404, "text/html", "<h1>gone</h1>"));
        s.route("/zoo/server-error", ex -> CorpusServer.send(ex, 500, "text/html", "<h1>broken</h1>"));
        s.route("/zoo/private-addresses", ex -> html(ex, privateAddresses(trapPort)));
        return s;
    }

    /** The page that tries the private-address forms on the trap's port: every one must be refused. */
    static String privateAddresses(int port) {
        String[] hosts = {"127.0.0.2", "2130706434", "0x7f000002", "0177.0.0.2", "127.2", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]"};
        StringBuilder b = new StringBuilder("<h1>private</h1>");
        for (String h : hosts) {
            String u = "http://" + h + ":" + port;
            b.append("<img src='").append(u).append("/img.png'>");
        }
        b.append("<iframe src='http://127.0.0.2:").append(port).append("/frame'></iframe><script>");
        for (String h : hosts) {
            b.append("fetch('http://").append(h).append(':').append(port).append("/fetch').catch(() => {});");
        }
        b.append("try { new WebSocket('ws://127.0.0.2:").append(port).append("/ws'); } catch (e) {}");
        b.append("const x = new XMLHttpRequest(); x.open('GET', 'http://0x7f.0.0.2:").append(port).append("/xhr'); x.send();");
        b.append("navigator.sendBeacon('http://127.0.0.2:").append(port).append("/beacon', 'x');</script>");
        return b.toString();
    }

    private static void drip(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "image/png");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 600; i++) { // at most 60 s, then the server lets go
                out.write(new byte[16]);
                out.flush();
                CorpusServer.pause(100);
            }
        } catch (IOException e) {
            // the browser gave up: fine
        }
    }

    private static void html(HttpExchange ex, String body) throws IOException {
        CorpusServer.send(ex, 200, "text/html; charset=utf-8", "<!doctype html><html><body>" + body + "</body></html>");
    }

    private static void bytes(HttpExchange ex, int status, String type, byte[] b) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** Serves the zoo on 127.0.0.1 until killed; prints the port. Args: [trapPort]. */
    public static void main(String[] args) throws Exception {
        int trap = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        CorpusServer s = install(new CorpusServer(), trap);
        System.out.println(s.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
