package io.pagelens.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboard sign-in over plain HTTP against a keyed server (embedded default): the one-time link, the session cookie's
 * attributes, CSRF on writes, API keys unchanged, sign-in with a key, sign-out, and only hashes in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardSignInTest {
    DashboardServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        server = new DashboardServer(false);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void oneTimeLink_opensASessionOnce_withAStrictHttpOnlyCookie() throws Exception {
        String link = server.loginLink();
        HttpResponse<String> r = get(link, null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("pl_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> again = get(link, null);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("already used or has expired").doesNotContain("pl_session");
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();

        String session = value(cookie);
        assertThat(get(server.origin() + "/v1/projects", session).statusCode()).isEqualTo(200);
        HttpResponse<String> app = get(server.origin() + "/", session);
        assertThat(app.body()).contains("app.js").contains("Sign out (dashboard)");
        assertThat(app.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(app.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        // no cookie: the sign-in page, not the app
        assertThat(get(server.origin() + "/", null).body()).contains("one-time login link").doesNotContain("app.js");
    }

    @Test
    void writesWithTheCookie_needTheCsrfToken() throws Exception {
        String session = signIn();
        String csrf = csrf(get(server.origin() + "/", session).body());
        HttpResponse<String> none = post("/v1/projects", "{\"name\":\"csrf-none\"}", session, null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("\"code\":\"csrf\"");
        assertThat(post("/v1/projects", "{\"name\":\"csrf-wrong\"}", session, csrf.replace(csrf.charAt(0), csrf.charAt(0) == 'a' ? 'b' : 'a')).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post("/v1/projects", "{\"name\":\"csrf-ok\",\"siteUrl\":\"http://127.0.0.1:9/\"}", session, csrf);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).contains("\"siteUrl\":\"http://127.0.0.1:9/\"");
        // another session's token does not fit this session
        assertThat(post("/v1/projects", "{\"name\":\"csrf-other\"}", signIn(), csrf).statusCode()).isEqualTo(403);
    }

    @Test
    void apiKeysStillWork_andCanSignIn() throws Exception {
        String key = server.server.firstKey().orElseThrow();
        HttpRequest bearer = HttpRequest.newBuilder(URI.create(server.origin() + "/v1/projects")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"by-key\"}")).build();
        assertThat(http.send(bearer, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        assertThat(get(server.origin() + "/v1/projects", null).statusCode()).isEqualTo(401);

        HttpResponse<String> login = form("/login", "key=" + key, null, null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(get(server.origin() + "/v1/projects", value(login.headers().firstValue("Set-Cookie").orElseThrow())).statusCode()).isEqualTo(200);
        assertThat(form("/login", "key=pl_wrong", null, null).statusCode()).isEqualTo(401);
        // a sign-in form posted from another site is refused
        assertThat(form("/login", "key=" + key, null, "http://evil.example").statusCode()).isEqualTo(403);
    }

    @Test
    void aTenantsKey_signsIntoThatTenantOnly() throws Exception {
        String acmeKey = new io.pagelens.api.auth.ApiKeyStore(server.storage.database(), java.time.Clock.systemUTC())
                .create("acme-user", 600, "acme", false).token();
        String acme = value(form("/login", "key=" + acmeKey, null, null).headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(get(server.origin() + "/", acme).body()).contains("Sign out (acme-user · tenant acme)");
        HttpResponse<String> made = post("/v1/projects", "{\"name\":\"acme-only\"}", acme, csrf(get(server.origin() + "/", acme).body()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(get(server.origin() + "/v1/projects?limit=500", acme).body()).contains("acme-only").doesNotContain("csrf-ok");
        // a tenant-default key that is not admin does not see acme's project; the terminal link's key (an admin) does
        String defaultKey = new io.pagelens.api.auth.ApiKeyStore(server.storage.database(), java.time.Clock.systemUTC())
                .create("plain-user", 600).token();
        String plain = value(form("/login", "key=" + defaultKey, null, null).headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(get(server.origin() + "/v1/projects?limit=500", plain).body()).doesNotContain("acme-only");
        assertThat(get(server.origin() + "/v1/projects?limit=500", signIn()).body()).contains("acme-only");
    }

    @Test
    void signOut_endsTheSession() throws Exception {
        String session = signIn();
        String csrf = csrf(get(server.origin() + "/", session).body());
        assertThat(form("/logout", "csrf=nope", session, null).statusCode()).isEqualTo(403);
        HttpResponse<String> out = form("/logout", "csrf=" + csrf, session, null);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(get(server.origin() + "/v1/projects", session).statusCode()).isEqualTo(401);
    }

    @Test
    void theDatabaseHoldsOnlyHashes() throws Exception {
        String link = server.loginLink();
        String linkToken = link.substring(link.indexOf("token=") + 6);
        String session = value(get(link, null).headers().firstValue("Set-Cookie").orElseThrow());
        List<String> stored = server.storage.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT token_hash FROM dashboard_sessions")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
        assertThat(stored).isNotEmpty().doesNotContain(session, linkToken).contains(io.pagelens.api.auth.ApiKeyStore.hash(session));
    }

    private String signIn() throws Exception {
        return value(get(server.loginLink(), null).headers().firstValue("Set-Cookie").orElseThrow());
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf-token\" content=\"([0-9a-f]+)\"").matcher(html);
        assertThat(m.find()).as("csrf meta in " + html).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String url, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) b.header("Cookie", SessionGuard.COOKIE + "=" + session);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String session, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.origin() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) b.header("Cookie", SessionGuard.COOKIE + "=" + session);
        if (csrf != null) b.header(SessionGuard.CSRF_HEADER, csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body, String session, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.origin() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) b.header("Cookie", SessionGuard.COOKIE + "=" + session);
        if (origin != null) b.header("Origin", origin);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
