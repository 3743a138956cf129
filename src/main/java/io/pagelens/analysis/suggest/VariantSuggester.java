package io.pagelens.analysis.suggest;

import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.variant.Mutation;
import io.pagelens.analysis.variant.MutationAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Variant suggestions for a brand profile: {@link SuggestionRules} always, then, when a language model is configured,
 * headline and primary-CTA copy alternatives as {@code setText} variants. A failing model only costs its
 * suggestions; the reason is in {@link Suggestions#llmError()}.
 */
public final class VariantSuggester {
    private static final Logger log = LoggerFactory.getLogger(VariantSuggester.class);
    public static final int COPY_ALTERNATIVES = 3;

    private final ChatCompletionsClient llm; // null: rules only

    public VariantSuggester(ChatCompletionsClient llm) {
        this.llm = llm;
    }

    public static VariantSuggester rulesOnly() {
        return new VariantSuggester(null);
    }

    public Suggestions suggest(BrandProfile profile) throws InterruptedException {
        List<Suggestion> out = new ArrayList<>(SuggestionRules.suggest(profile));
        if (llm == null) return new Suggestions(out, false, null);
        String context = profile.tagline() == null ? "" : profile.tagline().text();
        List<String> errors = new ArrayList<>();
        boolean used = false;
        if (profile.headline() != null && profile.headline().selector() != null) {
            used |= copy(out, errors, "headline", profile.headline().text(), profile.headline().selector(), context,
                    "Headline copy ", "llm-headline", "headline rewritten: ");
        }
        BrandProfile.Cta cta = profile.ctas().isEmpty() ? null : profile.ctas().getFirst();
        if (cta != null && cta.selector() != null) {
            used |= copy(out, errors, "cta", cta.text(), cta.selector(), context, "CTA copy ", "llm-cta", "primary CTA label: ");
        }
        return new Suggestions(out, used, errors.isEmpty() ? null : String.join("; ", errors));
    }

    private boolean copy(List<Suggestion> out, List<String> errors, String kind, String text, String selector, String context,
                         String name, String rule, String why) throws InterruptedException {
        try {
            int i = 1;
            for (String alt : llm.alternatives(kind, text, context, COPY_ALTERNATIVES)) {
                out.add(new Suggestion(name + i++, rule, why + "\"" + alt + "\"",
                        List.of(Mutation.of(selector, MutationAction.SET_TEXT, alt)), "llm"));
            }
            return true;
        } catch (LlmException e) {
            log.atWarn().addKeyValue("kind", kind).addKeyValue("error", e.getMessage()).log("language model copy suggestions failed");
            errors.add(kind + ": " + e.getMessage());
            return false;
        }
    }
}
