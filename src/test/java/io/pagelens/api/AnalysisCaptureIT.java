package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.pipeline.VariantLookup;
import io.pagelens.store.StoredCapture;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analysis page steps through the one capture service, in real Chromium on the corpus blog: a variant's mutations
 * reach the stored output and the report (matched counts, a missing selector as matched 0), failOnMissingSelector
 * fails the capture naming the mutation, a missing variant is refused naming variantId, the stable render reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisCaptureIT {
    ApiHarness h;
    CorpusServer site;
    io.pagelens.pipeline.CaptureService service;
    final VariantLookup variants = (project, id) -> id.equals("cleaner") ? Optional.of(new VariantLookup.Variant("cleaner", json("""
            [{"selector": "header.masthead h1", "action": "setText", "value": "Cleaner Blog"},
             {"selector": ".gone", "action": "hide"}]"""))) : Optional.empty();

    static JsonNode json(String s) {
        try {
            return Jackson.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void start() throws Exception {
        h = new ApiHarness();
        site = new CorpusServer();
        service = h.pipeline(Clock.systemUTC()).service();
    }

    @AfterAll
    void stop() {
        if (site != null) site.close();
        if (h != null) h.close();
    }

    CaptureSpec spec(String body) throws Exception {
        return Jackson.STRICT.forType(CaptureSpec.class).readValue(body.replace("URL", site.url("blog/index.html")));
    }

    String html(StoredCapture c) throws Exception {
        try (InputStream in = h.storage.open(c.artifact(Format.HTML).orElseThrow()).orElseThrow().stream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void variant_isAppliedStoredUnderItsName_andReportedPerMutation() throws Exception {
        CaptureOrder order = CaptureOrder.from(spec("""
                {"url": "URL", "projectId": "blog", "variantId": "cleaner", "formats": ["html", "screenshot"]}"""))
                .variants(variants).build();
        assertThat(order.request().analysis().stableRender()).as("on by default for a variant").isTrue();
        CaptureOutcome done = service.run(order);
        StoredCapture c = done.stored();
        assertThat(c.variant()).isEqualTo("cleaner");
        assertThat(html(c)).contains("Cleaner Blog");
        JsonNode steps = Jackson.MAPPER.valueToTree(c.report().steps());
        assertThat(steps.path("mutations")).hasSize(2);
        assertThat(steps.path("mutations").get(0).path("matched").asInt()).isEqualTo(1);
        assertThat(steps.path("mutations").get(1).path("selector").asText()).isEqualTo(".gone");
        assertThat(steps.path("mutations").get(1).path("matched").asInt()).as("not silently ignored").isZero();
        JsonNode box = steps.path("mutations").get(0).path("boxes").path(0);
        assertThat(box.path("width").asDouble()).as("the stored report has the match's page box: " + box).isGreaterThan(0);
        assertThat(steps.path("mutations").get(1).path("boxes")).isEmpty();
        assertThat(steps.has("stableRender")).isTrue();
        assertThat(c.optionsJson()).contains("\"stableRender\":true").contains("mutationsSha256");

        // the control: no analysis step, no analysis in the options (hashes of older captures stay the same)
        StoredCapture control = service.run(CaptureOrder.from(spec("""
                {"url": "URL", "projectId": "blog", "formats": ["html", "screenshot"]}""")).build()).stored();
        assertThat(control.variant()).isEmpty();
        assertThat(html(control)).doesNotContain("Cleaner Blog");
        assertThat(control.report().steps()).isEmpty();
        assertThat(control.optionsJson()).doesNotContain("analysis");
        assertThat(control.id()).isNotEqualTo(c.id());
    }

    @Test
    void failOnMissingSelector_failsNamingTheMutation_andStoresNothing() throws Exception {
        CaptureOrder order = CaptureOrder.from(spec("""
                {"url": "URL", "projectId": "strict", "variantId": "cleaner", "formats": ["html"],
                 "analysis": {"failOnMissingSelector": true}}""")).variants(variants).build();
        assertThatThrownBy(() -> service.run(order)).isInstanceOf(CaptureException.class)
                .satisfies(e -> assertThat(((CaptureException) e).error()).isEqualTo(CaptureError.SELECTOR_NOT_FOUND))
                .hasMessageContaining("mutations[1].selector: '.gone' matched no element");
        assertThat(h.storage.project("strict").map(p -> h.storage.captures(p.id(), true, new io.pagelens.store.ListQuery(10, null)).items())
                .orElse(List.of())).isEmpty();
    }

    @Test
    void unknownVariant_isRefusedNamingVariantId() throws Exception {
        CaptureOrder.Builder b = CaptureOrder.from(spec("""
                {"url": "URL", "projectId": "blog", "variantId": "nope"}""")).variants(variants);
        assertThatThrownBy(b::build).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("variantId"))
                .hasMessageContaining("no variant 'nope'");
        assertThatThrownBy(() -> CaptureOrder.from(spec("""
                {"url": "URL", "analysis": {"failOnMissingSelector": true}}""")).build())
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("analysis.failOnMissingSelector"));
    }

    @Test
    void stableRender_onRequest_reportsWhatItFroze() throws Exception {
        StoredCapture c = service.run(CaptureOrder.from(spec("""
                {"url": "URL", "projectId": "stable", "analysis": {"stableRender": true}}""")).build()).stored();
        JsonNode report = Jackson.MAPPER.valueToTree(c.report().steps()).path("stableRender");
        assertThat(report.has("animationsFinished")).isTrue();
        assertThat(report.has("fontsLoaded")).isTrue();
    }
}
