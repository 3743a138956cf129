package io.pagelens.cli;

import io.pagelens.capture.InvalidRequestException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API field names an order's validation speaks in, as the capture command's flags: {@code viewport} is
 * {@code --width/--height}, {@code projectId} is {@code --project}. One map, so the CLI and the API share the
 * validation and each user reads the names they typed.
 */
final class FlagNames {
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("url", "URL"), Map.entry("fullPage", "--full-page"), Map.entry("format", "--type"),
            Map.entry("quality", "--quality"), Map.entry("viewport", "--width/--height"), Map.entry("deviceScaleFactor", "--scale"),
            Map.entry("selector", "--selector"), Map.entry("clip", "--clip"), Map.entry("waitUntil", "--wait-until"),
            Map.entry("waitFor", "--wait-for"), Map.entry("delay", "--delay"), Map.entry("waitForFonts", "--no-fonts-wait"),
            Map.entry("autoScroll", "--auto-scroll"), Map.entry("timeout", "--timeout"), Map.entry("blockResources", "--block"),
            Map.entry("blockUrls", "--block-url"), Map.entry("darkMode", "--dark"), Map.entry("omitBackground", "--omit-background"),
            Map.entry("formats", "--format"), Map.entry("onlyMainContent", "--only-main-content"),
            Map.entry("includeTags", "--include-tags"), Map.entry("excludeTags", "--exclude-tags"), Map.entry("maxAge", "--max-age"),
            Map.entry("projectId", "--project"), Map.entry("pageType", "--page-type"), Map.entry("variantId", "--variant"),
            Map.entry("headers", "--header"), Map.entry("userAgent", "--user-agent"), Map.entry("cookies", "--cookie"),
            Map.entry("maxHeight", "--max-height"), Map.entry("allowHttpErrors", "--allow-http-errors"), Map.entry("pdf", "--pdf-paper"),
            Map.entry("markdown", "--markdown options"), Map.entry("analysis.stableRender", "--stable-render"),
            Map.entry("analysis.failOnMissingSelector", "--fail-on-missing-selector"));
    /** Field names as they appear inside messages ("needs projectId", "cannot be combined with clip"). */
    private static final Pattern WORD = Pattern.compile("(?<!CSS )\\b(projectId|pageType|variantId|maxAge|fullPage|omitBackground|clip|selector|timeout|maxHeight)\\b");

    private FlagNames() {
    }

    /** The flag of an API field path: {@code markdown.headingStyle} is {@code --heading-style}, {@code headers.X} is {@code --header}. */
    static String flag(String field) {
        if (field == null) return "";
        if (field.startsWith("markdown.")) return "--" + kebab(field.substring("markdown.".length()));
        if (FLAGS.containsKey(field)) return FLAGS.get(field);
        if (field.startsWith("clean.") || field.startsWith("emulate.")) return CleanFlags.flag(field);
        String head = field.split("[.\\[]", 2)[0];
        return FLAGS.getOrDefault(head, field);
    }

    /** "FLAG: problem", with field names inside the problem turned into flags too. */
    static String message(InvalidRequestException e) {
        String problem = e.getMessage().startsWith(e.field() + ": ") ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
        Matcher m = WORD.matcher(problem);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(FLAGS.get(m.group(1))));
        m.appendTail(out);
        return flag(e.field()) + ": " + out;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
