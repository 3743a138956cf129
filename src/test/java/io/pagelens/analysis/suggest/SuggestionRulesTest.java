package io.pagelens.analysis.suggest;

import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.brand.RgbColor;
import io.pagelens.analysis.variant.Mutation;
import io.pagelens.analysis.variant.Mutations;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionRulesTest {
    static BrandProfile profile(String ctaFill, String ctaText, String taglineColour) {
        BrandProfile.Color accent = new BrandProfile.Color("#E8743B", 0.01, List.of("css variable --color-accent"));
        BrandProfile.Colors colors = new BrandProfile.Colors(new BrandProfile.Color("#14365D", 0.3, List.of()), null, accent,
                new BrandProfile.Color("#FAFAF7", 0.6, List.of()), null, null, null);
        BrandProfile.TextBlock headline = new BrandProfile.TextBlock("Turn raw data into decisions", "#FFFFFF", "#14365D", 48, 700, 100, 200, 500, 120, "section > h1");
        BrandProfile.TextBlock tagline = new BrandProfile.TextBlock("Northwind connects to your warehouse, defines every metric once and keeps dashboards in sync. Viewers are free.",
                taglineColour, "#14365D", 19, 400, 100, 340, 500, 80, "section > p.tagline");
        List<BrandProfile.Cta> ctas = List.of(
                new BrandProfile.Cta("Start free trial", "/signup", ctaFill, ctaText, "primary", 100, 500, 170, 47, 9, "section > a:nth-of-type(1)", "#14365D"),
                new BrandProfile.Cta("Book a demo", "/demo", "#14365D", "#FFFFFF", "secondary", 280, 500, 150, 47, 8, "section > a:nth-of-type(2)", "#14365D"));
        return new BrandProfile("http://127.0.0.1/", "light", colors, List.of(), null, null, null, headline, tagline, ctas);
    }

    @Test
    void rules_areDeterministic_andProduceValidMutations() throws Exception {
        BrandProfile p = profile("#14365D", "#FFFFFF", "#D6E2EF");
        List<Suggestion> a = SuggestionRules.suggest(p), b = SuggestionRules.suggest(p);
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(Suggestion::rule).containsExactly("cta-accent", "larger-headline", "shorter-hero");
        for (Suggestion s : a) { // every suggestion passes the variant validation
            String json = Jackson.MAPPER.writeValueAsString(s.mutations());
            assertThat(Mutations.parse(Jackson.MAPPER.readTree(json), "mutations")).hasSameSizeAs(s.mutations());
        }
        Mutation cta = a.getFirst().mutations().getFirst();
        assertThat(cta.selector()).isEqualTo("section > a:nth-of-type(1)");
        assertThat(cta.value()).startsWith("background-color: #E8743B; color: #");
        assertThat(a.get(1).mutations().getFirst().value()).isEqualTo("font-size: 60px; line-height: 1.15");
        assertThat(a.get(2).mutations().getFirst().value()).isEqualTo("Northwind connects to your warehouse, defines every metric once and keeps dashboards in sync.");
    }

    @Test
    void ctaAlreadyInAccent_movesTheRuleToTheSecondaryCta() {
        List<Suggestion> s = SuggestionRules.suggest(profile("#E8743B", "#FFFFFF", "#D6E2EF"));
        assertThat(s.getFirst().rule()).isEqualTo("cta-accent");
        assertThat(s.getFirst().name()).startsWith("secondary");
        assertThat(s.getFirst().mutations().getFirst().selector()).isEqualTo("section > a:nth-of-type(2)");
    }

    @Test
    void failingContrast_isFixedJustEnoughToPassAa() {
        // mid-grey tagline on navy and a light-orange CTA with white text both fail AA
        List<Suggestion> s = SuggestionRules.suggest(profile("#F6B48F", "#FFFFFF", "#5B6675"));
        Suggestion fix = s.stream().filter(x -> x.rule().equals("contrast-fix")).findFirst().orElseThrow();
        assertThat(fix.mutations()).extracting(Mutation::selector).containsExactly("section > p.tagline", "section > a:nth-of-type(1)");
        RgbColor navy = RgbColor.parse("#14365D"), orange = RgbColor.parse("#F6B48F");
        RgbColor tagline = RgbColor.parse(fix.mutations().get(0).value().substring("color: ".length()));
        RgbColor ctaText = RgbColor.parse(fix.mutations().get(1).value().substring("color: ".length()));
        assertThat(tagline.contrast(navy)).isGreaterThanOrEqualTo(4.5);
        assertThat(ctaText.contrast(orange)).isGreaterThanOrEqualTo(4.5);
        assertThat(fix.rationale()).contains("under 4.50:1");
    }

    @Test
    void shorten_prefersTheFirstSentence_thenAClause_thenTwelveWords() {
        assertThat(SuggestionRules.shorten("One two three four five. Six seven.")).isEqualTo("One two three four five.");
        assertThat(SuggestionRules.shorten("Alpha beta gamma delta, epsilon zeta eta theta iota kappa lambda mu nu xi"))
                .isEqualTo("Alpha beta gamma delta.");
        assertThat(SuggestionRules.shorten("a b c d e f g h i j k l m n o p")).isEqualTo("a b c d e f g h i j k l…");
    }
}
