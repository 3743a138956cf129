package io.pagelens.analysis.brand;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A site's brand, computed deterministically from one page (no LLM). Field names follow Firecrawl's
 * {@code branding} format where it has them ({@code colorScheme}, {@code colors}, {@code fonts}, {@code typography},
 * {@code components}, {@code images}); pagelens adds evidence to each colour and {@code headline}, {@code tagline},
 * {@code ctas}. Absent findings are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrandProfile(String url, String colorScheme, Colors colors, List<Font> fonts, Typography typography,
                           Components components, Images images, TextBlock headline, TextBlock tagline, List<Cta> ctas) {
    public BrandProfile {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
        ctas = ctas == null ? List.of() : List.copyOf(ctas);
    }

    /**
     * A colour with where it was found.
     *
     * @param areaShare share (0..1) of the painted area of the first viewports in this colour, backgrounds and text
     * @param evidence  e.g. "css variable --color-primary", "background of header, section", "screenshot 23.1%"
     */
    public record Color(String hex, double areaShare, List<String> evidence) {
        public Color {
            evidence = List.copyOf(evidence);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Colors(Color primary, Color secondary, Color accent, Color background, Color textPrimary,
                         Color textSecondary, Color link) {
    }

    /**
     * A font family and what it is used for.
     *
     * @param roles  body, headings, buttons
     * @param loaded true when the web font loaded, false when it failed or never loaded (the page shows a fallback),
     *               null for system fonts
     * @param status loaded, failed (its file did not load), not loaded, unavailable (no @font-face and not installed:
     *               a fallback shows), system
     * @param source the {@code @font-face} file URLs, empty for system fonts
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Font(String family, List<String> roles, Boolean loaded, String status, List<String> source, String fallback) {
    }

    /** Firecrawl's typography: families and sizes by role, plus pagelens's style of h1, h2 and body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Typography(Map<String, String> fontFamilies, Map<String, String> fontSizes, Map<String, Integer> fontWeights,
                             TextStyle h1, TextStyle h2, TextStyle body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextStyle(String fontFamily, double fontSize, int fontWeight, String lineHeight, String color) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Components(Button buttonPrimary, Button buttonSecondary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String text, String background, String textColor, String borderColor, String borderRadius, String padding) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Images(Logo logo, String favicon, List<String> favicons, String ogImage) {
    }

    /**
     * @param url     the image file; null for an inline SVG (then {@code svg} holds its markup)
     * @param foundBy why it was taken: "in header", "links home", "named logo", "alt names the site", "JSON-LD logo"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Logo(String url, String kind, int width, int height, String alt, List<String> foundBy, String svg) {
    }

    /**
     * A text on the page and where it is (CSS px from the top-left of the page).
     *
     * @param background the colour behind it (its own or an ancestor's fill)
     * @param selector   a CSS selector that finds the element again
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextBlock(String text, String color, String background, double fontSize, int fontWeight, int x, int y,
                            int width, int height, String selector) {
    }

    /**
     * A call to action.
     *
     * @param role  primary, secondary or other
     * @param score    the ranking score: keywords, position (hero, first viewport), area, a button look, repetitions
     * @param selector a CSS selector that finds the element again
     * @param behind   the colour around the button (its parent's fill)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cta(String text, String href, String background, String color, String role, int x, int y, int width,
                      int height, double score, String selector, String behind) {
    }
}
