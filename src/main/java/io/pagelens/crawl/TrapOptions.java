package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The crawl-trap budget (option {@code traps}): how many URLs of one path pattern are enqueued before the rest are
 * skipped as {@code trap}. By default every path is its own pattern and may have at most {@code maxQueryVariants}
 * URLs that differ only by their query (a calendar's {@code ?month=}, faceted {@code ?color=&size=&sort=}
 * combinations, endless {@code ?page=N}); the bare path counts as one of them. {@code budgets} add patterns of
 * their own: a regex on the path and the number of URLs (any path, any query) it may have, for traps that live
 * in the path ({@code /calendar/2031/07/}). The first matching budget wins over the per-path default.
 *
 * <p>JSON: {@code {"maxQueryVariants": 10, "budgets": [{"pathPattern": "^/events/", "max": 20}]}}.
 */
public record TrapOptions(int maxQueryVariants, List<Budget> budgets) {
    public static final int DEFAULT_MAX_QUERY_VARIANTS = 10;
    public static final TrapOptions DEFAULTS = new TrapOptions(DEFAULT_MAX_QUERY_VARIANTS, List.of());
    static final int MAX_BUDGETS = 50;

    /** A path regex and how many URLs it may have. */
    public record Budget(String pathPattern, int max) {
    }

    public TrapOptions {
        if (maxQueryVariants < 1) throw new InvalidRequestException("traps.maxQueryVariants", "must be at least 1, was " + maxQueryVariants);
        budgets = List.copyOf(budgets);
        if (budgets.size() > MAX_BUDGETS) throw new InvalidRequestException("traps.budgets", "must have at most " + MAX_BUDGETS + " entries");
        for (int i = 0; i < budgets.size(); i++) {
            if (budgets.get(i).max() < 0) throw new InvalidRequestException("traps.budgets[" + i + "].max", "must not be negative");
        }
        PathPatterns.compile("traps.budgets.pathPattern", budgets.stream().map(Budget::pathPattern).toList());
    }

    /** The compiled budget patterns, in order. */
    PathPatterns patterns() {
        return PathPatterns.compile("traps.budgets.pathPattern", budgets.stream().map(Budget::pathPattern).toList());
    }

    static TrapOptions parse(JsonNode node, int defaultMaxQueryVariants) {
        if (node == null || node.isNull()) return new TrapOptions(defaultMaxQueryVariants, List.of());
        if (!node.isObject()) throw new InvalidRequestException("traps", "must be an object with maxQueryVariants and budgets");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("maxQueryVariants") && !f.equals("budgets")) throw new InvalidRequestException("traps." + f, "unknown field");
        }
        int max = defaultMaxQueryVariants;
        JsonNode m = node.get("maxQueryVariants");
        if (m != null && !m.isNull()) {
            if (!m.canConvertToInt() || !m.isIntegralNumber()) throw new InvalidRequestException("traps.maxQueryVariants", "must be a whole number");
            max = m.intValue();
        }
        List<Budget> budgets = new ArrayList<>();
        JsonNode b = node.get("budgets");
        if (b != null && !b.isNull()) {
            if (!b.isArray()) throw new InvalidRequestException("traps.budgets", "must be a list of {pathPattern, max}");
            for (int i = 0; i < b.size(); i++) {
                JsonNode e = b.get(i);
                String f = "traps.budgets[" + i + "]";
                if (!e.isObject() || !e.path("pathPattern").isTextual()) throw new InvalidRequestException(f + ".pathPattern", "is required");
                if (!e.path("max").isIntegralNumber() || !e.path("max").canConvertToInt()) throw new InvalidRequestException(f + ".max", "must be a whole number");
                String pattern = e.get("pathPattern").asText();
                try {
                    PathPatterns.compile(f + ".pathPattern", List.of(pattern));
                } catch (InvalidRequestException ex) {
                    throw new InvalidRequestException(f + ".pathPattern", ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2));
                }
                budgets.add(new Budget(pattern, e.get("max").intValue()));
            }
        }
        return new TrapOptions(max, budgets);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("maxQueryVariants", maxQueryVariants);
        var arr = n.putArray("budgets");
        for (Budget b : budgets) arr.addObject().put("pathPattern", b.pathPattern()).put("max", b.max());
        return n;
    }
}
