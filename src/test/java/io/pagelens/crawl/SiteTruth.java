package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A test site's ground truth: labels.json and crawl.json (see shared/corpus/sites/README.md). */
public record SiteTruth(Map<String, String> labels, Map<String, List<String>> alternatives, JsonNode crawl) {
    public static SiteTruth of(Path site) throws IOException {
        JsonNode l = Jackson.MAPPER.readTree(site.resolve("labels.json").toFile());
        Map<String, String> labels = new LinkedHashMap<>();
        l.path("pages").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> alt = new LinkedHashMap<>();
        l.path("alternatives").properties().forEach(e -> {
            List<String> a = new ArrayList<>();
            e.getValue().forEach(v -> a.add(v.asText()));
            alt.put(e.getKey(), a);
        });
        Path crawl = site.resolve("crawl.json");
        return new SiteTruth(labels, alt, Files.exists(crawl) ? Jackson.MAPPER.readTree(crawl.toFile()) : Jackson.MAPPER.createObjectNode());
    }

    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        crawl.path(key).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Whether {@code type} is the label of {@code path} or one of its alternatives. */
    public boolean accepts(String path, String type) {
        return type.equals(labels.get(path)) || alternatives.getOrDefault(path, List.of()).contains(type);
    }

    /** A mustNotFetch entry starting with '/' as a robots.txt-style pattern on path+query: prefix, '*' and final '$'. */
    public static Pattern robotsPattern(String rule) {
        StringBuilder re = new StringBuilder("^");
        boolean anchored = rule.endsWith("$");
        String body = anchored ? rule.substring(0, rule.length() - 1) : rule;
        String[] parts = body.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) re.append(".*");
            re.append(Pattern.quote(parts[i]));
        }
        if (anchored) re.append("$");
        return Pattern.compile(re.toString());
    }
}
