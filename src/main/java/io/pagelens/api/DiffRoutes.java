package io.pagelens.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffProgress;
import io.pagelens.jobs.JobService;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureDiffs;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.StoredDiff;
import io.pagelens.store.blob.BlobContent;

import java.io.IOException;

/**
 * {@code GET /v1/captures/{a}/diff?against={b}}: the visual diff of two stored captures' screenshots (and the
 * unified diff of their Markdown when both have it), computed once per pair and threshold, stored with its diff and
 * side-by-side images, which {@code /v1/diffs/{id}/diff.png} and {@code /v1/diffs/{id}/side-by-side.png} stream.
 */
public final class DiffRoutes implements RouteGroup {
    static final String DIFF_IMAGE = "diff.png";
    static final String SIDE_BY_SIDE = "side-by-side.png";

    private final Storage storage;
    private final CaptureDiffs diffs;

    public DiffRoutes(Storage storage) {
        this.storage = storage;
        this.diffs = storage == null ? null : new CaptureDiffs(storage);
    }

    @Override
    public void register(Router r, JobService jobs) {
        r.document(DiffRoutes.class, "openapi/diffs.json");
        r.get("/v1/captures/{id}/diff", this::compare);
        r.path("/v1/diffs", g -> g
                .get("/{id}", this::get)
                .get("/{id}/{image}", this::image));
    }

    private StoredCapture capture(Ctx ctx, String id) {
        return storage.capture(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("capture", id));
    }

    /** Both captures must be visible in the caller's tenant: another tenant's is not found, as a missing one. */
    private void compare(Ctx ctx) throws IOException {
        StoredCapture a = capture(ctx, ctx.param("id"));
        String againstId = ctx.query("against").orElseThrow(() -> ApiException.invalid("against", "against is required: the id of the capture to compare with"));
        StoredCapture b = storage.capture(ctx.tenant(), againstId).orElseThrow(() -> new ApiException(404, "not_found", "no capture " + againstId, "against"));
        DiffOptions options = DiffOptions.DEFAULTS;
        if (ctx.query("threshold").isPresent()) {
            String t = ctx.query("threshold").get();
            try {
                options = DiffOptions.builder().threshold(Double.parseDouble(t)).build();
            } catch (IllegalArgumentException e) { // NumberFormatException too
                throw ApiException.invalid("threshold", "threshold must be a number between 0 and 1, was '" + t + "'");
            }
        }
        ctx.json(200, view(diffs.diff(a, b, options, DiffProgress.NONE)));
    }

    /** A stored diff is visible when both its captures are (a diff of another tenant's captures is not found). */
    private StoredDiff diff(Ctx ctx) {
        String id = ctx.param("id");
        return storage.diff(id)
                .filter(d -> storage.capture(ctx.tenant(), d.captureA()).isPresent() && storage.capture(ctx.tenant(), d.captureB()).isPresent())
                .orElseThrow(() -> ApiException.notFound("diff", id));
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, view(diff(ctx)));
    }

    private void image(Ctx ctx) throws IOException {
        StoredDiff d = diff(ctx);
        String name = ctx.param("image");
        String sha = switch (name) {
            case DIFF_IMAGE -> d.diffBlob();
            case SIDE_BY_SIDE -> d.sideBlob();
            default -> throw new ApiException(404, "not_found", "no image '" + name + "' (expected " + DIFF_IMAGE + " or " + SIDE_BY_SIDE + ")");
        };
        BlobContent blob = storage.openBlob(sha, "image/png")
                .orElseThrow(() -> new ApiException(500, "blob_missing", "the image of diff " + d.id() + " is missing"));
        ctx.responseHeaders().set("ETag", "\"" + sha + "\"");
        ctx.responseHeaders().set("Cache-Control", "private, max-age=31536000, immutable"); // content-addressed
        ctx.stream(200, "image/png", blob.length(), blob.stream());
    }

    /** The result's fields (changedPixels, regions, heightDifference, textDiff, ...) with the ids and image links. */
    static ObjectNode view(StoredDiff d) throws IOException {
        ObjectNode out = Jackson.MAPPER.createObjectNode();
        String self = "/v1/diffs/" + d.id();
        out.put("id", d.id()).put("capture", d.captureA()).put("against", d.captureB()).put("createdAt", d.createdAt().toString());
        out.setAll((ObjectNode) Jackson.LENIENT.readTree(d.resultJson()));
        out.putObject("links").put("self", self).put("diffImage", self + "/" + DIFF_IMAGE).put("sideBySide", self + "/" + SIDE_BY_SIDE);
        return out;
    }
}
