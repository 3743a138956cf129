package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A project's own rule: pages whose path matches {@code pathPattern} (a regex found in the path, as includePaths) have
 * type {@code type}, whatever the classifier says. Example: {@code {"pathPattern": "^/shop/", "type": "category"}}.
 */
public record TypeOverride(String pathPattern, PageType type) {
    public TypeOverride {
        if (pathPattern == null || pathPattern.isBlank()) throw new InvalidRequestException("pathPattern", "is required");
        if (type == null) throw new InvalidRequestException("type", "is required (one of home, pricing, product, ...)");
        try {
            Pattern.compile(pathPattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidRequestException("pathPattern", "is not a valid regular expression: " + e.getDescription());
        }
    }

    /** From strings as a user gives them; the type must be one of the taxonomy. */
    public static TypeOverride of(String pathPattern, String type) {
        PageType t = PageType.find(type).orElseThrow(() -> new InvalidRequestException("type",
                "must be one of home, pricing, product, category, blog_index, article, docs, about, contact, legal, careers, other; was '" + type + "'"));
        return new TypeOverride(pathPattern, t);
    }
}
