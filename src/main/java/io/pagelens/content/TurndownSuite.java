package io.pagelens.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scores {@link MarkdownConverter} on turndown's test cases ({@code corpus/suites/turndown-cases.json}):
 * each input is parsed by jsoup as a body fragment, converted with turndown's defaults plus the case's
 * options, and must equal the expected Markdown after trailing whitespace is trimmed from every line.
 */
public final class TurndownSuite {
    /** One case that did not match. */
    public record Failure(String name, String expected, String actual) {
    }

    public record Score(int cases, int passed, List<Failure> failures) {
        public double percent() {
            return cases == 0 ? 0 : 100.0 * passed / cases;
        }
    }

    private TurndownSuite() {
    }

    public static Score run(Path casesJson) throws IOException {
        JsonNode cases = Jackson.MAPPER.readTree(casesJson.toFile());
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            MarkdownOptions options = MarkdownOptions.TURNDOWN;
            Iterator<Map.Entry<String, JsonNode>> fields = c.path("options").properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                options = options.with(f.getKey(), f.getValue().asText());
            }
            String actual = new MarkdownConverter(options).convert(Jsoup.parseBodyFragment(c.path("input").asText()).body());
            String expected = c.path("expected").asText();
            if (trimLines(actual).equals(trimLines(expected))) {
                passed++;
            } else {
                failures.add(new Failure(c.path("name").asText(), expected, actual));
            }
        }
        return new Score(cases.size(), passed, failures);
    }

    static String trimLines(String s) {
        return s.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
