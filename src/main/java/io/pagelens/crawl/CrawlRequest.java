package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.Urls;

import java.net.URI;

/**
 * A crawl as asked for: the seed, the project its pages go to, and the options. The API body is Firecrawl's shape,
 * {@code {"url": ..., "project": ..., "limit": ..., ...}}.
 */
public record CrawlRequest(URI seed, String project, CrawlOptions options) {
    public static final int MAX_PROJECT_CHARS = 200;

    public CrawlRequest {
        if (seed == null) throw new InvalidRequestException("url", "is required");
        if (project != null && (project.isBlank() || project.length() > MAX_PROJECT_CHARS)) {
            throw new InvalidRequestException("project", "must be 1 to " + MAX_PROJECT_CHARS + " characters");
        }
        if (options == null) throw new InvalidRequestException("options", "are required");
    }

    /** Parses an API body; {@code url} must be an absolute http(s) URL. */
    public static CrawlRequest parse(JsonNode body, CrawlSettings settings) {
        if (body == null || !body.isObject()) throw new InvalidRequestException("body", "must be a JSON object");
        ObjectNode rest = ((ObjectNode) body).deepCopy();
        JsonNode url = rest.remove("url");
        JsonNode project = rest.remove("project");
        if (url == null || !url.isTextual()) throw new InvalidRequestException("url", "is required");
        if (project != null && !project.isNull() && !project.isTextual()) throw new InvalidRequestException("project", "must be a string");
        URI seed = Urls.parseHttpUrl(url.textValue());
        seed = UrlNormalizer.DEFAULT.normalize(seed.toString()).map(URI::create)
                .orElseThrow(() -> new InvalidRequestException("url", "cannot be normalised: '" + url.textValue() + "'"));
        return new CrawlRequest(seed, project == null || project.isNull() ? null : project.textValue(), CrawlOptions.parse(rest, settings));
    }
}
