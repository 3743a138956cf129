package io.pagelens.analysis.brand;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.brand.BrandProfile.Button;
import io.pagelens.analysis.brand.BrandProfile.Color;
import io.pagelens.analysis.brand.BrandProfile.Cta;
import io.pagelens.analysis.brand.BrandProfile.Font;
import io.pagelens.analysis.brand.BrandProfile.TextBlock;
import io.pagelens.analysis.brand.BrandProfile.TextStyle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link BrandCollector} snapshot and the screenshot's own pixels into a {@link BrandProfile}, by fixed
 * rules (documented in {@code docs/analysis.md}):
 * <ul>
 *   <li><b>background</b>: the body's (else the root's) background; <b>colorScheme</b> dark when it is dark;</li>
 *   <li><b>textPrimary</b>: the text colour covering most text area; <b>textSecondary</b>: the next one that is
 *       clearly different; <b>link</b>: the most common colour of links in content;</li>
 *   <li><b>ctas</b>: links and buttons that look like buttons, scored by action keywords, position (hero, first
 *       viewport), area, a chromatic fill and repetition; the best is primary, the next secondary;</li>
 *   <li><b>primary</b>: among chromatic colours (merged when closer than {@value #SAME_COLOUR} in CIELAB), the one
 *       with the highest score of painted background share, heading and text share, screenshot share and a CSS
 *       variable named primary/brand/main; <b>accent</b>: the primary CTA's fill when it is chromatic and not the
 *       primary, else the best remaining colour favouring button fills and variables named accent;
 *       <b>secondary</b>: the best colour left;</li>
 *   <li><b>fonts</b>: the first family of body text, headings (h1/h2) and the primary CTA, with
 *       {@code document.fonts} status and {@code @font-face} URLs;</li>
 *   <li><b>logo</b>: images, inline SVGs and CSS backgrounds scored by being in the header, linking home, being
 *       named logo/brand, alt text naming the site, the JSON-LD logo; the og:image is never the logo;</li>
 *   <li><b>headline</b>: the largest h1 of the first viewport (else the largest text there); <b>tagline</b>: the
 *       first paragraph under it.</li>
 * </ul>
 */
public final class BrandProfiler {
    static final double SAME_COLOUR = 8;
    private static final double DISTINCT = 15;
    private static final Pattern CTA_WORDS = Pattern.compile(
            "(?iu)\\b(start|try|get|sign ?up|subscribe|join|register|buy|order|shop|book|demo|free|trial|download|contact|begin|"
                    + "request|install|create|jetzt|kostenlos|starten|testen|essayer|commencer|gratuit|inscri\\w*|empezar|prueba|gratis|comprar|reserv\\w*)\\b");
    private static final Set<String> GENERIC_FONTS = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy",
            "system-ui", "ui-sans-serif", "ui-serif", "ui-monospace", "-apple-system", "blinkmacsystemfont", "arial",
            "helvetica", "helvetica neue", "georgia", "times new roman", "times", "verdana", "tahoma", "segoe ui",
            "roboto", "courier new", "dejavu sans", "dejavu serif", "liberation sans", "liberation serif", "menlo", "consolas");

    private BrandProfiler() {
    }

    public static BrandProfile profile(JsonNode s, PixelPalette pixels) {
        Weights bg = backgrounds(s);
        // the body's background, else the root's, else (a page painted by a full-size wrapper) the largest painted one
        RgbColor pageBg = firstNonNull(RgbColor.parse(s.path("pageBackground").asText(null)),
                RgbColor.parse(s.path("rootBackground").asText(null)), bg.top(List.of()), new RgbColor(255, 255, 255));
        Weights text = new Weights(), headingText = new Weights(), plainText = new Weights();
        for (JsonNode t : s.path("texts")) {
            RgbColor c = RgbColor.parse(t.path("color").asText());
            if (c == null) continue;
            text.add(c, t.path("area").asDouble(), t.path("where").asText());
            if (t.path("heading").asBoolean()) headingText.add(c, t.path("area").asDouble(), "headings");
            else if (!t.path("link").asBoolean() && !t.path("where").asText().matches("button|footer|nav|header")) {
                plainText.add(c, t.path("area").asDouble(), t.path("where").asText());
            }
        }
        List<Cta> ctas = ctas(s);
        Cta primaryCta = ctas.isEmpty() ? null : ctas.getFirst();
        Cta secondaryCta = ctas.stream().filter(c -> c.role().equals("secondary")).findFirst().orElse(null);

        double totalArea = bg.total() + text.total();
        Color background = color(pageBg, bg.share(pageBg), List.of("body background", screenshot(pixels, pageBg)));
        // body text: the body's own colour when running text uses it, else the colour of most running text
        RgbColor bodyColour = RgbColor.parse(s.path("bodyColor").asText(null));
        Weights running = plainText.total() > 0 ? plainText : text;
        RgbColor textMain = bodyColour != null && running.share(bodyColour) >= 0.1 ? bodyColour : running.top(List.of());
        List<RgbColor> notMain = textMain == null ? List.of() : List.of(textMain);
        java.util.function.Predicate<RgbColor> readable = c -> (textMain == null || c.distance(textMain) > DISTINCT)
                && c.distance(pageBg) > DISTINCT && c.contrast(pageBg) >= 2.5;
        RgbColor textSecond = firstNonNull(running.top(notMain, readable.and(c -> !c.chromatic())), running.top(notMain, readable));
        RgbColor linkColour = mostCommon(s.path("linkColors"));

        // chromatic candidates
        Map<RgbColor, Candidate> cands = new LinkedHashMap<>();
        bg.forEach((c, w, where) -> candidate(cands, c).bg += w / Math.max(1, bg.total()));
        bg.forEach((c, w, where) -> candidate(cands, c).where.add("background of " + where));
        text.forEach((c, w, where) -> candidate(cands, c).text += w / Math.max(1, text.total()));
        headingText.forEach((c, w, where) -> {
            Candidate k = candidate(cands, c);
            k.heading += w / Math.max(1, headingText.total());
            k.where.add("heading text");
        });
        for (JsonNode b : s.path("buttons")) {
            RgbColor c = RgbColor.parse(b.path("background").asText());
            if (c != null && looksLikeButton(b)) {
                Candidate k = candidate(cands, c);
                k.button += 1;
                k.where.add("button fill");
            }
        }
        s.path("vars").fields().forEachRemaining(e -> {
            RgbColor c = RgbColor.parse(e.getValue().asText());
            if (c == null) return;
            Candidate k = candidate(cands, c);
            String n = e.getKey().toLowerCase(Locale.ROOT);
            k.where.add("css variable " + e.getKey());
            if (n.matches(".*(primary|brand|main)(-colou?r)?$") || n.matches("--(colou?r-)?(primary|brand|main)")) k.namedPrimary = true;
            if (n.matches(".*(accent|cta|highlight)(-colou?r)?$") || n.matches("--(colou?r-)?(accent|cta|highlight)")) k.namedAccent = true;
            if (n.contains("secondary")) k.namedSecondary = true;
        });
        if (linkColour != null) candidate(cands, linkColour).where.add("link text");
        List<Candidate> chromatic = cands.values().stream().filter(k -> k.colour.chromatic()).toList();
        for (Candidate k : chromatic) k.pixels = pixels == null ? 0 : pixels.share(k.colour, SAME_COLOUR);

        Candidate primary = chromatic.stream().max(Comparator.comparingDouble(Candidate::primaryScore)).orElse(null);
        Candidate accent = null;
        if (primaryCta != null && primaryCta.background() != null) {
            RgbColor fill = RgbColor.parse(primaryCta.background());
            if (fill != null && fill.chromatic() && (primary == null || fill.distance(primary.colour) > DISTINCT)) {
                accent = candidate(cands, fill);
                accent.where.add("primary CTA fill");
            }
        }
        if (accent == null) {
            Candidate p = primary;
            accent = chromatic.stream().filter(k -> p == null || k.colour.distance(p.colour) > DISTINCT)
                    .max(Comparator.comparingDouble(Candidate::accentScore)).orElse(null);
        }
        Candidate a = accent, p = primary;
        Candidate secondary = chromatic.stream()
                .filter(k -> (p == null || k.colour.distance(p.colour) > DISTINCT) && (a == null || k.colour.distance(a.colour) > DISTINCT))
                .max(Comparator.comparingDouble(Candidate::secondaryScore)).orElse(null);

        BrandProfile.Colors colors = new BrandProfile.Colors(
                toColor(primary, pixels, totalArea, bg, text), toColor(secondary, pixels, totalArea, bg, text),
                toColor(accent, pixels, totalArea, bg, text), background,
                textMain == null ? null : color(textMain, running.share(textMain), java.util.Arrays.asList("running text, " + Math.round(100 * running.share(textMain)) + "% of its area", textMain.equals(bodyColour) ? "body colour" : null)),
                textSecond == null ? null : color(textSecond, running.share(textSecond), List.of("running text, " + Math.round(100 * running.share(textSecond)) + "% of its area")),
                linkColour == null ? null : color(linkColour, text.share(linkColour), List.of("links in content")));

        String scheme = pageBg.luminance() < 0.2 || (pixels != null && pixels.darkShare() > 0.6 && pageBg.luminance() < 0.5) ? "dark" : "light";
        return new BrandProfile(s.path("url").asText(null), scheme, colors, fonts(s, primaryCta), typography(s),
                new BrandProfile.Components(button(s, primaryCta), button(s, secondaryCta)), images(s),
                headline(s), tagline(s), ctas.stream().limit(5).toList());
    }

    // ---- colours ---------------------------------------------------------------------------------------

    /** A colour candidate and its evidence; scores are shares 0..1 plus bonuses. */
    private static final class Candidate {
        final RgbColor colour;
        final Set<String> where = new LinkedHashSet<>();
        double bg, text, heading, button, pixels;
        boolean namedPrimary, namedAccent, namedSecondary;

        Candidate(RgbColor colour) {
            this.colour = colour;
        }

        double primaryScore() {
            return bg + 0.5 * text + heading + 0.5 * pixels + 0.05 * Math.min(button, 4) + (namedPrimary ? 0.5 : 0) + (namedAccent ? -0.2 : 0);
        }

        double accentScore() {
            return 0.3 * bg + 0.2 * text + 0.25 * Math.min(button, 4) + (namedAccent ? 0.6 : 0) + 0.2 * pixels;
        }

        double secondaryScore() {
            return bg + 0.5 * text + 0.5 * heading + 0.3 * pixels + 0.1 * Math.min(button, 4) + (namedSecondary ? 0.5 : 0);
        }
    }

    private static Candidate candidate(Map<RgbColor, Candidate> cands, RgbColor c) {
        for (Candidate k : cands.values()) if (k.colour.distance(c) < SAME_COLOUR) return k;
        return cands.computeIfAbsent(c, Candidate::new);
    }

    private static Color toColor(Candidate k, PixelPalette pixels, double totalArea, Weights bg, Weights text) {
        if (k == null) return null;
        double area = bg.weight(k.colour) + text.weight(k.colour);
        List<String> ev = new ArrayList<>(k.where);
        String shot = screenshot(pixels, k.colour);
        if (shot != null) ev.add(shot);
        return color(k.colour, totalArea == 0 ? 0 : area / totalArea, ev);
    }

    private static String screenshot(PixelPalette pixels, RgbColor c) {
        if (pixels == null || pixels.pixels() == 0) return null;
        return String.format(Locale.ROOT, "screenshot %.1f%% of pixels", 100 * pixels.share(c, SAME_COLOUR));
    }

    private static Color color(RgbColor c, double share, List<String> evidence) {
        return new Color(c.hex(), Math.round(share * 1000) / 1000.0, evidence.stream().filter(e -> e != null).toList());
    }

    private static Weights backgrounds(JsonNode s) {
        Weights w = new Weights();
        s.path("backgrounds").fields().forEachRemaining(e -> {
            RgbColor c = RgbColor.parse(e.getKey());
            if (c == null) return;
            e.getValue().path("where").fields().forEachRemaining(p -> w.add(c, p.getValue().asDouble(), p.getKey()));
        });
        return w;
    }

    private static RgbColor mostCommon(JsonNode colours) {
        Weights w = new Weights();
        for (JsonNode c : colours) {
            RgbColor rgb = RgbColor.parse(c.asText());
            if (rgb != null) w.add(rgb, 1, "link");
        }
        return w.top(List.of());
    }

    /** Weights per colour (merged within {@link #SAME_COLOUR}), with where each was seen. */
    private static final class Weights {
        private final Map<RgbColor, double[]> weights = new LinkedHashMap<>();
        private final Map<RgbColor, Set<String>> where = new LinkedHashMap<>();

        @FunctionalInterface
        interface Visitor {
            void visit(RgbColor c, double weight, String where);
        }

        void add(RgbColor c, double weight, String at) {
            RgbColor key = weights.keySet().stream().filter(k -> k.distance(c) < SAME_COLOUR).findFirst().orElse(c);
            weights.computeIfAbsent(key, k -> new double[1])[0] += weight;
            where.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(at);
        }

        double total() {
            return weights.values().stream().mapToDouble(v -> v[0]).sum();
        }

        double weight(RgbColor c) {
            return weights.entrySet().stream().filter(e -> e.getKey().distance(c) < SAME_COLOUR).mapToDouble(e -> e.getValue()[0]).sum();
        }

        double share(RgbColor c) {
            double t = total();
            return t == 0 ? 0 : weight(c) / t;
        }

        RgbColor top(List<RgbColor> except) {
            return top(except, c -> true);
        }

        RgbColor top(List<RgbColor> except, java.util.function.Predicate<RgbColor> ok) {
            return weights.entrySet().stream().filter(e -> except.stream().noneMatch(x -> x.distance(e.getKey()) < SAME_COLOUR))
                    .filter(e -> ok.test(e.getKey())).max(Comparator.comparingDouble(e -> e.getValue()[0])).map(Map.Entry::getKey).orElse(null);
        }

        void forEach(Visitor v) {
            weights.forEach((c, w) -> v.visit(c, w[0], String.join(", ", where.get(c))));
        }
    }

    // ---- calls to action -------------------------------------------------------------------------------

    static boolean looksLikeButton(JsonNode b) {
        RgbColor fill = RgbColor.parse(b.path("background").asText());
        RgbColor parent = RgbColor.parse(b.path("parentBackground").asText(null));
        boolean filled = fill != null && (parent == null || fill.distance(parent) > 10);
        JsonNode pad = b.path("padding");
        boolean padded = pad.path(1).asDouble() >= 8 && pad.path(0).asDouble() >= 4;
        boolean bordered = b.path("borderWidth").asDouble() >= 1 && padded;
        boolean named = b.path("classes").asText().matches("(?i).*\\b(btn|button|cta)\\b.*") || b.path("classes").asText().matches("(?i).*(btn|button|cta).*");
        return (filled && padded) || bordered || (named && padded) || b.path("tag").asText().equals("button");
    }

    private static List<Cta> ctas(JsonNode s) {
        int vh = s.path("viewport").path("height").asInt(800);
        Map<String, Cta> best = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode b : s.path("buttons")) {
            if (!looksLikeButton(b)) continue;
            String text = b.path("text").asText();
            String where = b.path("where").asText();
            JsonNode r = b.path("rect");
            double score = 0;
            if (CTA_WORDS.matcher(text).find()) score += 3;
            if (b.path("inHero").asBoolean()) score += 2;
            if (r.path("y").asInt() < vh) score += 1;
            RgbColor fill = RgbColor.parse(b.path("background").asText());
            if (fill != null && fill.chromatic()) score += 1.5;
            if (fill == null) score -= 1;
            score += Math.min(1, r.path("w").asDouble() * r.path("h").asDouble() / (180.0 * 48));
            if (where.equals("footer")) score -= 3;
            if (where.equals("header") || where.equals("nav")) score -= 0.5;
            String key = text.toLowerCase(Locale.ROOT) + " " + b.path("href").asText("");
            seen.merge(key, 1, Integer::sum);
            Cta c = new Cta(text, b.path("href").asText(null), fill == null ? null : fill.hex(), hex(b.path("color").asText()), "other",
                    r.path("x").asInt(), r.path("y").asInt(), r.path("w").asInt(), r.path("h").asInt(), score,
                    b.path("selector").asText(null), hex(b.path("parentBackground").asText(null)));
            Cta prev = best.get(key);
            if (prev == null || prev.score() < score) best.put(key, c);
        }
        List<Cta> ranked = new ArrayList<>();
        best.forEach((k, c) -> ranked.add(new Cta(c.text(), c.href(), c.background(), c.color(), c.role(), c.x(), c.y(), c.width(),
                c.height(), Math.round((c.score() + 0.5 * (seen.get(k) - 1)) * 100) / 100.0, c.selector(), c.behind())));
        ranked.sort(Comparator.comparingDouble(Cta::score).reversed().thenComparingInt(Cta::y));
        List<Cta> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Cta c = ranked.get(i);
            String role = i == 0 ? "primary" : i == 1 && !c.text().equalsIgnoreCase(ranked.getFirst().text()) ? "secondary" : "other";
            out.add(new Cta(c.text(), c.href(), c.background(), c.color(), role, c.x(), c.y(), c.width(), c.height(), c.score(),
                    c.selector(), c.behind()));
        }
        return out;
    }

    private static Button button(JsonNode s, Cta cta) {
        if (cta == null) return null;
        for (JsonNode b : s.path("buttons")) {
            JsonNode r = b.path("rect");
            if (b.path("text").asText().equals(cta.text()) && r.path("x").asInt() == cta.x() && r.path("y").asInt() == cta.y()) {
                JsonNode p = b.path("padding");
                String padding = px(p.path(0).asDouble()) + " " + px(p.path(1).asDouble()) + " " + px(p.path(2).asDouble()) + " " + px(p.path(3).asDouble());
                RgbColor border = b.path("borderWidth").asDouble() > 0 ? RgbColor.parse(b.path("borderColor").asText()) : null;
                return new Button(cta.text(), cta.background(), cta.color(), border == null ? null : border.hex(), b.path("radius").asText(), padding);
            }
        }
        return null;
    }

    private static String px(double v) {
        return (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + "px";
    }

    private static String hex(String css) {
        RgbColor c = RgbColor.parse(css);
        return c == null ? null : c.hex();
    }

    // ---- fonts and typography --------------------------------------------------------------------------

    /** The family carrying most running text (not headings, links or buttons); else the body's own. */
    static String bodyFamily(JsonNode s) {
        Map<String, Double> area = new LinkedHashMap<>();
        for (JsonNode t : s.path("texts")) {
            if (t.path("heading").asBoolean() || t.path("link").asBoolean() || t.path("where").asText().matches("button|nav|footer|header")) continue;
            if (!t.path("family").asText().isEmpty()) area.merge(t.path("family").asText(), t.path("area").asDouble(), Double::sum);
        }
        return area.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(family(s.path("typography").path("body").path("fontFamily").asText(null)));
    }

    private static List<Font> fonts(JsonNode s, Cta primaryCta) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        Map<String, String> stacks = new LinkedHashMap<>();
        for (JsonNode t : s.path("texts")) stacks.putIfAbsent(t.path("family").asText(), t.path("stack").asText());
        String body = bodyFamily(s);
        JsonNode h = s.path("typography").path("h1").isObject() ? s.path("typography").path("h1") : s.path("typography").path("h2");
        String headings = family(h.path("fontFamily").asText(null));
        if (body != null) {
            roles.computeIfAbsent(body, k -> new ArrayList<>()).add("body");
            stacks.putIfAbsent(body, s.path("typography").path("body").path("fontFamily").asText());
        }
        if (headings != null) {
            roles.computeIfAbsent(headings, k -> new ArrayList<>()).add("headings");
            stacks.putIfAbsent(headings, h.path("fontFamily").asText());
        }
        if (primaryCta != null) {
            for (JsonNode b : s.path("buttons")) {
                if (b.path("text").asText().equals(primaryCta.text()) && !b.path("fontFamily").asText().isEmpty()) {
                    roles.computeIfAbsent(b.path("fontFamily").asText(), k -> new ArrayList<>()).add("buttons");
                    break;
                }
            }
        }
        List<Font> out = new ArrayList<>();
        roles.forEach((family, r) -> {
            List<String> statuses = new ArrayList<>();
            for (JsonNode f : s.path("fonts")) if (f.path("family").asText().equalsIgnoreCase(family)) statuses.add(f.path("status").asText());
            List<String> urls = new ArrayList<>();
            for (JsonNode f : s.path("faces")) {
                if (f.path("family").asText().equalsIgnoreCase(family)) f.path("urls").forEach(u -> { if (!urls.contains(u.asText())) urls.add(u.asText()); });
            }
            Boolean loaded;
            String status;
            if (statuses.contains("loaded")) { loaded = true; status = "loaded"; }
            else if (statuses.contains("error")) { loaded = false; status = "failed"; }
            else if (!statuses.isEmpty() || !urls.isEmpty()) { loaded = false; status = "not loaded"; }
            else if (GENERIC_FONTS.contains(family.toLowerCase(Locale.ROOT)) || s.path("fontAvailable").path(family).asBoolean(true)) {
                loaded = null;
                status = "system";
            } else { // named by the CSS, neither loaded nor installed: the browser draws a fallback
                loaded = false;
                status = "unavailable";
            }
            String fallback = Boolean.FALSE.equals(loaded) ? fallbackOf(stacks.get(family)) : null;
            out.add(new Font(family, List.copyOf(r), loaded, status, urls, fallback));
        });
        return out;
    }

    private static String fallbackOf(String stack) {
        if (stack == null) return null;
        String[] parts = stack.split(",");
        return parts.length > 1 ? String.join(",", java.util.Arrays.copyOfRange(parts, 1, parts.length)).strip() : null;
    }

    static String family(String stack) {
        if (stack == null || stack.isBlank()) return null;
        return stack.split(",")[0].strip().replaceAll("^[\"']|[\"']$", "");
    }

    private static BrandProfile.Typography typography(JsonNode s) {
        JsonNode t = s.path("typography");
        Map<String, String> families = new LinkedHashMap<>(), sizes = new LinkedHashMap<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        String bodyFamily = bodyFamily(s);
        String headFamily = family((t.path("h1").isObject() ? t.path("h1") : t.path("h2")).path("fontFamily").asText(null));
        if (bodyFamily != null) families.put("primary", bodyFamily);
        if (headFamily != null) families.put("heading", headFamily);
        for (String k : List.of("h1", "h2", "body")) {
            if (!t.path(k).isObject()) continue;
            sizes.put(k, px(t.path(k).path("fontSize").asDouble()));
            weights.put(k, t.path(k).path("fontWeight").asInt());
        }
        return new BrandProfile.Typography(families, sizes, weights, style(t.path("h1")), style(t.path("h2")), style(t.path("body")));
    }

    private static TextStyle style(JsonNode n) {
        if (!n.isObject()) return null;
        return new TextStyle(n.path("fontFamily").asText(), n.path("fontSize").asDouble(), n.path("fontWeight").asInt(),
                n.path("lineHeight").asText(), hex(n.path("color").asText()));
    }

    // ---- images, headline, tagline ---------------------------------------------------------------------

    private static BrandProfile.Images images(JsonNode s) {
        String site = siteName(s);
        BrandProfile.Logo best = null;
        double bestScore = 0;
        for (JsonNode l : s.path("logos")) {
            if (l.path("isOgImage").asBoolean()) continue; // the og:image is a share card, never the logo
            List<String> why = new ArrayList<>();
            double score = 0;
            JsonNode r = l.path("rect");
            if (l.path("inHeader").asBoolean()) { score += 3; why.add("in header"); }
            if (l.path("linksHome").asBoolean()) { score += 3; why.add("links home"); }
            if (l.path("mentionsLogo").asBoolean()) { score += 3; why.add("named logo"); }
            String alt = l.path("alt").asText("");
            if (site != null && !alt.isBlank() && (alt.toLowerCase(Locale.ROOT).contains(site) || site.contains(alt.toLowerCase(Locale.ROOT)))) {
                score += 2;
                why.add("alt names the site");
            }
            String url = l.path("url").asText(null);
            if (url != null && url.equals(s.path("jsonLdLogo").asText(null))) { score += 1; why.add("JSON-LD logo"); }
            if (l.path("inFooter").asBoolean()) score -= 4;
            int w = r.path("w").asInt(), h = r.path("h").asInt();
            if (w > 600 || h > 200) score -= 3; // a hero picture, not a logo
            if (r.path("y").asInt() < 200 && r.path("x").asInt() < 400) score += 1;
            if (score > bestScore) {
                bestScore = score;
                best = new BrandProfile.Logo(url, l.path("kind").asText(), w, h, alt.isBlank() ? null : alt, why,
                        l.path("svg").isTextual() ? l.path("svg").asText() : null);
            }
        }
        if (bestScore < 3) best = null; // nothing that behaves like a logo
        List<String> favicons = new ArrayList<>();
        for (JsonNode f : s.path("favicons")) if (f.path("href").isTextual()) favicons.add(f.path("href").asText());
        favicons.sort(Comparator.comparingInt(BrandProfiler::faviconRank));
        String favicon = favicons.isEmpty() ? null : favicons.getFirst();
        return new BrandProfile.Images(best, favicon, favicons, s.path("ogImage").asText(null));
    }

    /** SVG first (scales), then PNG, then the rest. */
    private static int faviconRank(String href) {
        String h = href.toLowerCase(Locale.ROOT);
        return h.contains(".svg") ? 0 : h.contains(".png") ? 1 : 2;
    }

    private static String siteName(JsonNode s) {
        String name = s.path("siteName").asText(null);
        if (name == null) {
            String title = s.path("title").asText("");
            String[] parts = title.split("\\s[|\\-–—:]\\s");
            name = parts.length > 1 ? parts[parts.length - 1].length() < parts[0].length() ? parts[parts.length - 1] : parts[0] : null;
        }
        return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    private static TextBlock headline(JsonNode s) {
        int vh = s.path("viewport").path("height").asInt(800);
        JsonNode h1 = s.path("typography").path("h1");
        if (h1.isObject() && h1.path("rect").path("y").asInt() < vh && !h1.path("text").asText().isBlank()) return block(h1);
        JsonNode best = null;
        for (JsonNode b : s.path("blocks")) {
            int y = b.path("rect").path("y").asInt();
            int len = b.path("text").asText().length();
            if (y >= vh || len < 10 || len > 150 || b.path("inLink").asBoolean() || b.path("where").asText().matches("header|nav|footer")) continue;
            if (best == null || b.path("fontSize").asDouble() > best.path("fontSize").asDouble()) best = b;
        }
        return best == null ? null : block(best);
    }

    private static TextBlock tagline(JsonNode s) {
        TextBlock head = headline(s);
        if (head == null) return null;
        int bottom = head.y() + head.height();
        JsonNode best = null;
        for (JsonNode b : s.path("blocks")) {
            JsonNode r = b.path("rect");
            int y = r.path("y").asInt();
            int len = b.path("text").asText().length();
            boolean below = y >= bottom - 4 && y <= bottom + 220;
            boolean aligned = Math.abs(r.path("x").asInt() - head.x()) < 240 || Math.abs((r.path("x").asInt() + r.path("w").asInt() / 2) - (head.x() + head.width() / 2)) < 120;
            if (!below || !aligned || len < 25 || len > 320 || b.path("upper").asBoolean() || b.path("inLink").asBoolean()) continue;
            if (b.path("fontSize").asDouble() >= head.fontSize() || b.path("fontSize").asDouble() < 13) continue;
            if (b.path("text").asText().equals(head.text())) continue;
            if (best == null || y < best.path("rect").path("y").asInt()) best = b;
        }
        return best == null ? null : block(best);
    }

    private static TextBlock block(JsonNode b) {
        JsonNode r = b.path("rect");
        return new TextBlock(b.path("text").asText(), hex(b.path("color").asText()), hex(b.path("background").asText(null)),
                b.path("fontSize").asDouble(), b.path("fontWeight").asInt(400), r.path("x").asInt(), r.path("y").asInt(),
                r.path("w").asInt(), r.path("h").asInt(), b.path("selector").asText(null));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
