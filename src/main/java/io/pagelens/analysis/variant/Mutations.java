package io.pagelens.analysis.variant;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.InvalidRequestException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a variant's mutation list, the JSON array
 * {@code [{"selector": "h1", "action": "setText", "value": "New headline"}, ...]}. Errors are
 * {@link InvalidRequestException}s naming the field, e.g. {@code mutations[3].action}. Limits:
 * <ul>
 *   <li>at most {@value #MAX_MUTATIONS} mutations;</li>
 *   <li>a selector of at most {@value #MAX_SELECTOR_CHARS} characters;</li>
 *   <li>a value of at most {@value #MAX_VALUE_CHARS} characters, and {@value #MAX_TOTAL_CHARS} for all values together;</li>
 *   <li>attribute names as in HTML, never an event handler ({@code on*}); class names without spaces.</li>
 * </ul>
 */
public final class Mutations {
    public static final int MAX_MUTATIONS = 100;
    public static final int MAX_SELECTOR_CHARS = 1_000;
    public static final int MAX_VALUE_CHARS = 100_000;
    public static final int MAX_TOTAL_CHARS = 500_000;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]{0,99}");
    private static final Set<String> FIELDS = Set.of("selector", "action", "value");

    private Mutations() {
    }

    /** Validates {@code array} (the value of {@code field}, e.g. "mutations"). */
    public static List<Mutation> parse(JsonNode array, String field) {
        if (array == null || array.isNull() || array.isMissingNode()) throw new InvalidRequestException(field, "is required (a list of mutations)");
        if (!array.isArray()) throw new InvalidRequestException(field, "must be a list of mutations");
        if (array.size() > MAX_MUTATIONS) throw new InvalidRequestException(field, "at most " + MAX_MUTATIONS + " mutations, got " + array.size());
        List<Mutation> out = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "]";
            Mutation m = one(array.get(i), at);
            total += (m.value() == null ? 0 : m.value().length()) + (m.selector() == null ? 0 : m.selector().length());
            if (total > MAX_TOTAL_CHARS) throw new InvalidRequestException(at, "the mutations are over " + MAX_TOTAL_CHARS + " characters together");
            out.add(m);
        }
        return List.copyOf(out);
    }

    private static Mutation one(JsonNode n, String at) {
        if (!n.isObject()) throw new InvalidRequestException(at, "must be an object {selector, action, value}");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new InvalidRequestException(at + "." + f, "unknown field (a mutation has selector, action, value)");
        }
        JsonNode actionNode = n.get("action");
        if (actionNode == null || !actionNode.isTextual()) throw new InvalidRequestException(at + ".action", "is required, one of " + MutationAction.ids());
        MutationAction action = MutationAction.byId(actionNode.asText())
                .orElseThrow(() -> new InvalidRequestException(at + ".action", "'" + actionNode.asText() + "' is not one of " + MutationAction.ids()));
        String selector = selector(n.get("selector"), action, at + ".selector");
        JsonNode v = n.get("value");
        String value = null;
        String attribute = null;
        switch (action.valueKind()) {
            case NONE -> {
                if (v != null && !v.isNull()) throw new InvalidRequestException(at + ".value", action.id() + " takes no value");
            }
            case TEXT, HTML, CSS -> value = text(v, at + ".value", action, true);
            case CLASSES -> {
                value = text(v, at + ".value", action, false).strip();
                if (value.isEmpty()) throw new InvalidRequestException(at + ".value", "names no class");
            }
            case STYLE -> value = style(v, at + ".value");
            case ATTRIBUTE -> {
                if (v == null || !v.isObject()) throw new InvalidRequestException(at + ".value", "setAttribute takes {\"name\", \"value\"}");
                for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!f.equals("name") && !f.equals("value")) throw new InvalidRequestException(at + ".value." + f, "unknown field (setAttribute takes name and value)");
                }
                JsonNode name = v.get("name");
                if (name == null || !name.isTextual() || !ATTRIBUTE_NAME.matcher(name.asText()).matches()) {
                    throw new InvalidRequestException(at + ".value.name", "must be an attribute name such as href, alt or data-x");
                }
                if (name.asText().toLowerCase().startsWith("on")) {
                    throw new InvalidRequestException(at + ".value.name", "event handler attributes (" + name.asText() + ") are not allowed: mutations change how a page looks, not what it runs");
                }
                attribute = name.asText();
                value = text(v.get("value"), at + ".value.value", action, true);
                if (isJavascriptUrl(value)) throw new InvalidRequestException(at + ".value.value", "javascript: URLs are not allowed");
            }
        }
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            throw new InvalidRequestException(at + ".value", "at most " + MAX_VALUE_CHARS + " characters, got " + value.length());
        }
        return new Mutation(selector, action.id(), value, attribute);
    }

    private static String selector(JsonNode s, MutationAction action, String at) {
        if (!action.takesSelector()) {
            if (s != null && !s.isNull()) throw new InvalidRequestException(at, "injectCss takes no selector (its CSS says where it applies)");
            return null;
        }
        if (s == null || !s.isTextual() || s.asText().isBlank()) throw new InvalidRequestException(at, "is required for " + action.id());
        String sel = s.asText().strip();
        if (sel.length() > MAX_SELECTOR_CHARS) throw new InvalidRequestException(at, "at most " + MAX_SELECTOR_CHARS + " characters, got " + sel.length());
        return sel;
    }

    private static String text(JsonNode v, String at, MutationAction action, boolean emptyAllowed) {
        if (v == null || v.isNull() || !v.isTextual()) throw new InvalidRequestException(at, action.id() + " takes a string value");
        if (!emptyAllowed && v.asText().isEmpty()) throw new InvalidRequestException(at, "must not be empty");
        return v.asText();
    }

    /** setStyle's value as declarations: a string as given, or an object {property: value} joined. */
    private static String style(JsonNode v, String at) {
        if (v != null && v.isTextual()) {
            if (v.asText().isBlank()) throw new InvalidRequestException(at, "declares no style");
            return v.asText();
        }
        if (v == null || !v.isObject() || v.isEmpty()) throw new InvalidRequestException(at, "setStyle takes declarations (\"color: #fff\") or an object {\"color\": \"#fff\"}");
        StringBuilder sb = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() && !e.getValue().isNumber()) throw new InvalidRequestException(at + "." + e.getKey(), "must be a string");
            if (!e.getKey().matches("-{0,2}[A-Za-z][-A-Za-z0-9]*")) throw new InvalidRequestException(at + "." + e.getKey(), "is not a CSS property name");
            if (!sb.isEmpty()) sb.append("; ");
            sb.append(e.getKey()).append(": ").append(e.getValue().asText());
        }
        return sb.toString();
    }

    private static boolean isJavascriptUrl(String v) {
        return v.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase().startsWith("javascript:");
    }
}
