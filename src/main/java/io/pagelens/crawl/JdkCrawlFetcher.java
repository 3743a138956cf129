package io.pagelens.crawl;

import io.pagelens.egress.EgressGuard;
import io.pagelens.egress.EgressHttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link CrawlFetcher} on the JDK's HttpClient, every connection through the {@link EgressGuard} (private, loopback,
 * link-local and reserved addresses refused unless allow-listed, as for the browser): HTTP/1.1, no redirect following,
 * no cookies, one identifying User-Agent. A refused host comes out as {@link io.pagelens.egress.EgressBlockedException}
 * (an IOException naming the rule). Bodies stream (never buffered whole) and stop at the limit. Thread-safe; share one
 * per process.
 */
public final class JdkCrawlFetcher implements CrawlFetcher {
    public static final String DEFAULT_USER_AGENT = "Mozilla/5.0 (compatible; pagelens/0.1; +https://github.com/pagelens)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final EgressHttp http;
    private final String userAgent;

    public JdkCrawlFetcher(EgressGuard egress, String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.http = egress.http("crawler", HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT));
    }

    @Override
    public FetchResponse get(URI url, FetchLimits limits) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(limits.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new FetchResponse(url, r.statusCode(), r.headers().map(), r.body(), limits.maxBytes());
        } catch (HttpTimeoutException e) {
            throw new IOException("timed out after " + limits.timeout().toMillis() + " ms: " + url, e);
        }
    }
}
