package io.pagelens.analysis.suggest;

import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.brand.RgbColor;
import io.pagelens.analysis.variant.Mutation;
import io.pagelens.analysis.variant.MutationAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic variant suggestions from a brand profile; the same profile always gives the same list, in this
 * order (each rule is skipped when the profile lacks what it needs):
 * <ol>
 *   <li><b>cta-accent</b>: the primary CTA filled with the accent colour, its text black or white, whichever
 *       contrasts more; when the primary CTA already is accent, the secondary CTA instead;</li>
 *   <li><b>larger-headline</b>: the headline 25% larger (line height 1.15);</li>
 *   <li><b>shorter-hero</b>: the tagline cut to its first sentence (else its first clause, else 12 words) when it
 *       is longer than 12 words;</li>
 *   <li><b>contrast-fix</b>: for the headline, the tagline and each CTA whose text fails WCAG 2 AA against what is
 *       behind it (4.5:1, or 3:1 for large text: 24 px, or 18.66 px bold), the text colour moved toward black or
 *       white just far enough to pass.</li>
 * </ol>
 */
public final class SuggestionRules {
    static final double AA = 4.5;
    static final double AA_LARGE = 3.0;
    private static final int SHORT_WORDS = 12;

    private SuggestionRules() {
    }

    public static List<Suggestion> suggest(BrandProfile p) {
        List<Suggestion> out = new ArrayList<>();
        ctaAccent(p, out);
        largerHeadline(p, out);
        shorterHero(p, out);
        contrastFix(p, out);
        return List.copyOf(out);
    }

    private static void ctaAccent(BrandProfile p, List<Suggestion> out) {
        if (p.colors() == null || p.colors().accent() == null || p.ctas().isEmpty()) return;
        RgbColor accent = RgbColor.parse(p.colors().accent().hex());
        BrandProfile.Cta target = null;
        for (BrandProfile.Cta c : p.ctas()) {
            if (c.selector() == null || c.role().equals("other")) continue;
            RgbColor fill = RgbColor.parse(c.background());
            if (fill == null || fill.distance(accent) > 8) {
                target = c;
                break;
            }
        }
        if (target == null) return;
        RgbColor text = bestText(accent);
        out.add(new Suggestion(target.role() + " CTA in the accent colour", "cta-accent",
                "'" + target.text() + "' filled with the brand accent " + accent.hex() + " (text " + text.hex() + ", contrast "
                        + ratio(accent.contrast(text)) + ")",
                List.of(Mutation.of(target.selector(), MutationAction.SET_STYLE,
                        "background-color: " + accent.hex() + "; color: " + text.hex() + "; border-color: " + accent.hex())), "rules"));
    }

    private static void largerHeadline(BrandProfile p, List<Suggestion> out) {
        BrandProfile.TextBlock h = p.headline();
        if (h == null || h.selector() == null || h.fontSize() <= 0) return;
        long size = Math.round(h.fontSize() * 1.25);
        out.add(new Suggestion("Larger headline", "larger-headline",
                "headline from " + Math.round(h.fontSize()) + " px to " + size + " px",
                List.of(Mutation.of(h.selector(), MutationAction.SET_STYLE, "font-size: " + size + "px; line-height: 1.15")), "rules"));
    }

    private static void shorterHero(BrandProfile p, List<Suggestion> out) {
        BrandProfile.TextBlock t = p.tagline();
        if (t == null || t.selector() == null || words(t.text()) <= SHORT_WORDS) return;
        String shorter = shorten(t.text());
        if (shorter.equals(t.text())) return;
        out.add(new Suggestion("Shorter hero", "shorter-hero",
                "tagline from " + words(t.text()) + " to " + words(shorter) + " words",
                List.of(Mutation.of(t.selector(), MutationAction.SET_TEXT, shorter)), "rules"));
    }

    private static void contrastFix(BrandProfile p, List<Suggestion> out) {
        List<Mutation> fixes = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (BrandProfile.TextBlock b : new BrandProfile.TextBlock[]{p.headline(), p.tagline()}) {
            if (b == null || b.selector() == null) continue;
            boolean large = b.fontSize() >= 24 || (b.fontSize() >= 18.66 && b.fontWeight() >= 700);
            fix(b.selector(), b.text(), b.color(), b.background(), large, fixes, why);
        }
        for (BrandProfile.Cta c : p.ctas()) {
            if (c.selector() == null || c.role().equals("other")) continue;
            fix(c.selector(), c.text(), c.color(), c.background() != null ? c.background() : c.behind(), false, fixes, why);
        }
        if (fixes.isEmpty()) return;
        out.add(new Suggestion("Contrast fix", "contrast-fix", String.join("; ", why), fixes, "rules"));
    }

    private static void fix(String selector, String text, String colour, String behind, boolean large, List<Mutation> fixes, List<String> why) {
        RgbColor fg = RgbColor.parse(colour), bg = RgbColor.parse(behind);
        if (fg == null || bg == null) return;
        double need = large ? AA_LARGE : AA;
        double now = fg.contrast(bg);
        if (now >= need) return;
        RgbColor fixed = passing(fg, bg, need);
        fixes.add(Mutation.of(selector, MutationAction.SET_STYLE, "color: " + fixed.hex()));
        why.add("'" + abbreviate(text) + "' " + fg.hex() + " on " + bg.hex() + " is " + ratio(now) + ", under " + ratio(need)
                + "; " + fixed.hex() + " gives " + ratio(fixed.contrast(bg)));
    }

    /** The text colour moved toward black or white (the direction that can pass) in 5% steps until it passes. */
    static RgbColor passing(RgbColor fg, RgbColor bg, double need) {
        boolean darker = bg.luminance() > 0.18;
        for (int step = 1; step <= 20; step++) {
            RgbColor c = fg.shade((darker ? -1 : 1) * step * 0.05);
            if (c.contrast(bg) >= need) return c;
        }
        return darker ? new RgbColor(0, 0, 0) : new RgbColor(255, 255, 255);
    }

    private static RgbColor bestText(RgbColor fill) {
        RgbColor white = new RgbColor(255, 255, 255), black = new RgbColor(17, 17, 17);
        return fill.contrast(white) >= fill.contrast(black) ? white : black;
    }

    static String shorten(String s) {
        String t = s.strip();
        int end = sentenceEnd(t);
        if (end > 0 && end < t.length() - 1 && words(t.substring(0, end + 1)) >= 4) return t.substring(0, end + 1);
        for (String sep : new String[]{", ", " and ", " – ", " — "}) {
            int i = t.indexOf(sep);
            if (i > 0 && words(t.substring(0, i)) >= 4 && words(t.substring(0, i)) <= SHORT_WORDS) return t.substring(0, i) + ".";
        }
        String[] w = t.split("\\s+");
        if (w.length <= SHORT_WORDS) return t;
        return String.join(" ", java.util.Arrays.copyOf(w, SHORT_WORDS)).replaceAll("[,;:]$", "") + "…";
    }

    private static int sentenceEnd(String t) {
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(t.charAt(i + 1))) return i;
        }
        return -1;
    }

    static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f:1", r);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
