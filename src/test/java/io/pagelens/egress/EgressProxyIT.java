package io.pagelens.egress;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.observe.MeterNames;
import io.pagelens.testing.LoopbackTrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxy over real loopback sockets, without Chromium: an origin on 127.0.0.1:P and traps on 127.0.0.2:P and
 * 127.0.0.3:P (same port), which must see nothing.
 */
class EgressProxyIT {
    private HttpServer origin;
    private LoopbackTrap trap;
    private EgressGuard guard;
    private EgressSession session;
    private ScriptedResolver resolver;
    private SimpleMeterRegistry registry;
    private final List<String> originLog = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void start() throws IOException {
        origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        origin.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        origin.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            originLog.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + in.length + " " + ex.getRequestHeaders().getFirst("Host"));
            byte[] body = switch (ex.getRequestURI().getPath()) {
                case "/echo" -> in;
                case "/big" -> "x".repeat(300_000).getBytes(StandardCharsets.UTF_8);
                default -> ("hello " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            };
            ex.sendResponseHeaders(200, ex.getRequestURI().getPath().equals("/chunked") ? 0 : body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        origin.start();
        port = origin.getAddress().getPort();
        trap = new LoopbackTrap(port, "127.0.0.2", "127.0.0.3");
        resolver = new ScriptedResolver().answer("rebind.test", "127.0.0.1", "127.0.0.3").answer("local.test", "127.0.0.1");
        registry = new SimpleMeterRegistry();
        guard = EgressGuard.start(EgressSettings.allowing("127.0.0.1,localhost"), resolver, registry);
        session = guard.openSession("test");
    }

    @AfterEach
    void stop() {
        guard.close();
        origin.stop(0);
        assertThat(trap.hits()).as("nothing reached 127.0.0.2 or 127.0.0.3").isEmpty();
        trap.close();
    }

    /** One raw exchange on a fresh connection to the proxy; returns everything the proxy sent. */
    private String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private String get(String url) throws IOException {
        return raw("GET " + url + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @Test
    void allowedHost_isRelayed() throws IOException {
        String r = get("http://127.0.0.1:" + port + "/hello?q=1#frag");
        assertThat(r).startsWith("HTTP/1.1 200").endsWith("hello /hello?q=1");
        assertThat(originLog).containsExactly("GET /hello?q=1 0 x");
        assertThat(session.events()).isEmpty();
    }

    @Test
    void loopbackAlias_isBlockedWith403NamingTheRule() throws IOException {
        String r = get("http://127.0.0.2:" + port + "/secret");
        assertThat(r).startsWith("HTTP/1.1 403").contains("X-Pagelens-Egress: blocked")
                .contains("blocked: 127.0.0.2 is loopback (127.0.0.0/8)");
        assertThat(session.blocked()).containsExactly(new BlockedRequest("http://127.0.0.2:" + port + "/secret",
                "blocked: 127.0.0.2 is loopback (127.0.0.0/8)"));
        assertThat(registry.counter(MeterNames.EGRESS_REQUESTS, "kind", "http", "outcome", "blocked").count()).isEqualTo(1);
    }

    @Test
    void numberSpellings_thatSkippedCanonicalization_areRefused() throws IOException {
        for (String host : List.of("2130706434", "0x7f000002", "0177.0.0.2", "127.2", "0x7f.1")) {
            assertThat(get("http://" + host + ":" + port + "/")).as(host).startsWith("HTTP/1.1 403").contains("non-canonical IPv4");
            assertThat(raw("CONNECT " + host + ":" + port + " HTTP/1.1\r\n\r\n")).as(host).startsWith("HTTP/1.1 403");
        }
        assertThat(get("http://[::ffff:127.0.0.2]:" + port + "/")).startsWith("HTTP/1.1 403").contains("IPv4-mapped");
        assertThat(get("http://[::ffff:7f00:3]:" + port + "/")).startsWith("HTTP/1.1 403").contains("127.0.0.3");
        assertThat(originLog).isEmpty();
    }

    @Test
    void rebinding_secondAnswerIsCheckedAndNeverConnected() throws IOException {
        assertThat(get("http://rebind.test:" + port + "/first")).startsWith("HTTP/1.1 200");
        String second = get("http://rebind.test:" + port + "/second");
        assertThat(second).startsWith("HTTP/1.1 403").contains("rebind.test resolves to 127.0.0.3, which is loopback (127.0.0.0/8)");
        assertThat(raw("CONNECT rebind.test:" + port + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(originLog).containsExactly("GET /first 0 x");
        assertThat(resolver.asked()).containsExactly("rebind.test", "rebind.test", "rebind.test");
    }

    @Test
    void unresolvable_is502Unresolved() throws IOException {
        String r = get("http://nowhere.test:" + port + "/");
        assertThat(r).startsWith("HTTP/1.1 502").contains("X-Pagelens-Egress: unresolved");
        assertThat(session.events()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(EgressEvent.Outcome.UNRESOLVED));
    }

    @Test
    void unreachable_is502Unreachable() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        assertThat(get("http://127.0.0.1:" + closedPort + "/")).startsWith("HTTP/1.1 502").contains("unreachable")
                .contains("ERR_CONNECTION_REFUSED");
    }

    @Test
    void connectTunnel_carriesBytesBothWays_onlyToAllowedHosts() throws IOException {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            // the tunnelled request goes in the same write as the CONNECT: bytes buffered early must not be lost
            out.write(("CONNECT local.test:" + port + " HTTP/1.1\r\nHost: local.test\r\n\r\n"
                    + "GET /inside HTTP/1.1\r\nHost: local.test\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String r = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(r).startsWith("HTTP/1.1 200 Connection established").contains("hello /inside");
        }
        assertThat(raw("CONNECT 127.0.0.2:" + port + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(raw("CONNECT 127.0.0.1 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void keepAlive_chunkedBodies_andBigResponses_relayIntact() throws IOException {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String base = "http://127.0.0.1:" + port;
            out.write(("POST " + base + "/echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).endsWith("hello world");
            out.write(("GET " + base + "/big HTTP/1.1\r\nHost: h\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).endsWith("x".repeat(300_000));
            out.write(("GET " + base + "/chunked HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(rest).containsIgnoringCase("Transfer-Encoding: chunked").contains("hello /chunked").contains("\r\n0\r\n\r\n");
        }
        assertThat(originLog).hasSize(3);
    }

    @Test
    void keepAlive_acrossTwoHosts_eachRequestReachesItsOwnOrigin() throws IOException {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("GET http://127.0.0.1:" + port + "/one HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).endsWith("hello /one");
            // Chromium reuses one proxy connection for requests to other hosts
            out.write(("GET http://local.test:" + port + "/two HTTP/1.1\r\nHost: local.test:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).endsWith("hello /two");
            out.write(("GET http://127.0.0.1:" + port + "/three HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).endsWith("hello /three");
        }
        assertThat(originLog).hasSize(3);
    }

    @Test
    void refusedPlainRequests_keepTheConnection_soTheNextRequestNeedsNoNewOne() throws IOException {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("GET http://127.0.0.2:" + port + "/tracker HTTP/1.1\r\nHost: 127.0.0.2:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("connection: close");
            out.write(("GET http://nowhere.invalid/ad HTTP/1.1\r\nHost: nowhere.invalid\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 502").contains("X-Pagelens-Egress: unresolved");
            out.write(("GET http://127.0.0.1:" + port + "/page HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").endsWith("hello /page");
            // a refused HEAD gets a body it must not read as the next response: that connection closes
            out.write(("HEAD http://127.0.0.2:" + port + "/x HTTP/1.1\r\nHost: 127.0.0.2:" + port + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 403").containsIgnoringCase("connection: close");
        }
        assertThat(originLog).containsExactly("GET /page 0 127.0.0.1:" + port);
    }

    /** Reads one Content-Length response. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) head.write(in.read());
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int len = Integer.parseInt(h.replaceAll("(?s).*[Cc]ontent-[Ll]ength: *(\\d+).*", "$1"));
        return h + new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
    }

    @Test
    void malformedAndSmugglingRequests_areRefusedBeforeAnyConnection() throws IOException {
        assertThat(raw("GET /origin-form HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET https://127.0.0.1:" + port + "/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("GET http://user:pw@127.0.0.1:" + port + "/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(raw("POST http://127.0.0.1:" + port + "/echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")).isEmpty();
        assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(originLog).isEmpty();
    }

    @Test
    void theProxyItself_isNotADestination() throws IOException {
        String r = get("http://127.0.0.1:" + session.port() + "/");
        assertThat(r).startsWith("HTTP/1.1 403").contains("egress proxy itself");
    }

    @Test
    void closingTheSession_endsItsTunnels() throws Exception {
        try (Socket s = new Socket("127.0.0.1", session.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] established = s.getInputStream().readNBytes("HTTP/1.1 200 Connection established\r\n\r\n".length());
            assertThat(new String(established, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
            int sessionPort = session.port();
            session.close();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThatThrownBy(() -> new Socket("127.0.0.1", sessionPort).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void guardedHttpClient_relaysAndReportsRefusalsAsEgressBlocked() throws Exception {
        EgressHttp http = guard.http("client-test", HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/via-client"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello /via-client");
        // refused before sending: a literal needs no DNS
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + port + "/hook")).build(),
                HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(EgressBlockedException.class).hasMessage("blocked: 127.0.0.2 is loopback (127.0.0.0/8)");
        // refused by the proxy after its one lookup: plain http (a 403 from the proxy) and https (a refused CONNECT)
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://rebind.test:" + port + "/a")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("first answer: 127.0.0.1").isEqualTo(200);
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("https://rebind.test:" + port + "/b")).build(),
                HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(EgressBlockedException.class).hasMessageContaining("resolves to 127.0.0.3");
    }
}
