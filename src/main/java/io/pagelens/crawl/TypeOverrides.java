package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's type overrides, tried in order: the first whose pattern matches a page's path sets its type (confidence
 * 1, signal {@code override ...}); pages no rule matches keep the classifier's answer.
 */
public final class TypeOverrides {
    public static final TypeOverrides NONE = new TypeOverrides(List.of());
    static final int MAX_RULES = 200;

    private final List<TypeOverride> rules;
    private final PathPatterns patterns;

    public TypeOverrides(List<TypeOverride> rules) {
        if (rules.size() > MAX_RULES) throw new InvalidRequestException("typeOverrides", "must have at most " + MAX_RULES + " rules");
        this.rules = List.copyOf(rules);
        this.patterns = PathPatterns.compile("typeOverrides", this.rules.stream().map(TypeOverride::pathPattern).toList());
    }

    public List<TypeOverride> rules() {
        return rules;
    }

    /** The override of this URL's path, if a rule matches. */
    public java.util.Optional<TypeOverride> find(URI url) {
        if (rules.isEmpty()) return java.util.Optional.empty();
        int i;
        try {
            i = patterns.firstMatch(url.getRawPath());
        } catch (PathPatterns.TooSlowException e) {
            return java.util.Optional.empty();
        }
        return i < 0 ? java.util.Optional.empty() : java.util.Optional.of(rules.get(i));
    }

    /** The classification with the project's override applied. */
    public PageClassification apply(URI url, PageClassification c) {
        return find(url).map(o -> {
            List<String> signals = new ArrayList<>();
            signals.add("override " + o.pathPattern() + " -> " + o.type().id());
            signals.add("classifier said " + c.type().id() + " (" + c.confidence() + ")");
            return new PageClassification(o.type(), 1.0, signals);
        }).orElse(c);
    }

    /** Classifies and applies the overrides: what a crawl records. A page a rule covers is not classified at all. */
    public PageClassification classify(PageTypeClassifier classifier, PageEvidence e) {
        return find(e.url()).map(o -> new PageClassification(o.type(), 1.0, List.of("override " + o.pathPattern() + " -> " + o.type().id())))
                .orElseGet(() -> classifier.classify(e));
    }
}
