package io.pagelens.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verb, a path pattern such as {@code /v1/jobs/{id}/events}, and its handler. {@code {name}} matches one
 * path segment. {@code open} routes skip authentication (health checks, docs).
 */
public record Route(String method, String pattern, Handler handler, boolean open) {
    public Route {
        if (!pattern.startsWith("/")) throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
    }

    List<String> segments() {
        return split(pattern);
    }

    /** Path parameters when {@code path} matches, empty otherwise. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        List<String> mine = segments();
        if (mine.size() != pathSegments.size()) return Optional.empty();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String m = mine.get(i);
            String p = pathSegments.get(i);
            if (m.startsWith("{") && m.endsWith("}")) {
                if (p.isEmpty()) return Optional.empty();
                params.put(m.substring(1, m.length() - 1), p);
            } else if (!m.equals(p)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }
}
