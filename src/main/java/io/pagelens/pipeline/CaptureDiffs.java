package io.pagelens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffOutputs;
import io.pagelens.analysis.diff.DiffProgress;
import io.pagelens.analysis.diff.DiffResult;
import io.pagelens.analysis.diff.TextDiff;
import io.pagelens.analysis.diff.VisualDiff;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import io.pagelens.store.BlobSink;
import io.pagelens.store.StoreException;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.StoredDiff;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.blob.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Diffs of two stored captures, for {@code GET /v1/captures/{a}/diff?against={b}} and {@code pagelens diff A B}: the
 * visual diff of their screenshots streamed from the blob store (both PNGs decoded row by row, the diff image and
 * the side-by-side image streamed back into it; never a whole image in the heap), plus a unified diff of their
 * Markdown when both have it. Computed once per pair and options, then answered from the store.
 */
public final class CaptureDiffs {
    /** Markdown larger than this (bytes) is not text-diffed: the texts are held whole, unlike the images. */
    public static final long MAX_MARKDOWN_BYTES = TextDiff.MAX_CHARS;

    private final Storage storage;

    public CaptureDiffs(Storage storage) {
        this.storage = storage;
    }

    /** The diff of {@code a} against {@code b}, from the store or computed now ({@code refresh} always computes). */
    public StoredDiff diff(StoredCapture a, StoredCapture b, DiffOptions options, DiffProgress progress) throws IOException {
        String optionsHash = Sha256.of(Jackson.MAPPER.writeValueAsString(options));
        Optional<StoredDiff> known = storage.findDiff(a.id(), b.id(), optionsHash);
        if (known.isPresent()) return known.get();
        StoredArtifact shotA = screenshot(a, "capture"), shotB = screenshot(b, "against");
        BlobSink sink = storage.openSink();
        DiffResult visual;
        try (InputStream inA = open(shotA, a); InputStream inB = open(shotB, b)) {
            OutputStream diffImage = sink.open(Format.SCREENSHOT, "image/png");
            OutputStream side = sink.open(Format.SCREENSHOT, "image/png");
            try {
                visual = VisualDiff.compare(inA, a.id(), inB, b.id(), options, new DiffOutputs(diffImage, side, progress));
            } catch (IOException | RuntimeException e) {
                sink.discard();
                throw e;
            }
            diffImage.close(); // the diff image is the first blob written, the side-by-side the second
            side.close();
        } catch (IOException | RuntimeException e) {
            sink.discard();
            throw e;
        }
        ObjectNode result = Jackson.MAPPER.valueToTree(visual);
        textDiff(a, b).ifPresent(t -> result.set("textDiff", t));
        return storage.saveDiff(a.id(), b.id(), optionsHash, Jackson.MAPPER.writeValueAsString(result), sink);
    }

    private static StoredArtifact screenshot(StoredCapture c, String field) {
        StoredArtifact s = c.artifact(Format.SCREENSHOT).orElseThrow(() -> new InvalidRequestException(field,
                "capture " + c.id() + " has no screenshot to compare"));
        if (!s.contentType().equals("image/png")) {
            throw new InvalidRequestException(field, "capture " + c.id() + " has a " + s.contentType() + " screenshot; diffs need PNG (format: png)");
        }
        return s;
    }

    private InputStream open(StoredArtifact artifact, StoredCapture c) throws IOException {
        return storage.open(artifact).map(BlobContent::stream)
                .orElseThrow(() -> new StoreException("the screenshot of capture " + c.id() + " is missing from the blob store"));
    }

    /** The Markdown diff when both captures have Markdown of a size the text diff takes. */
    private Optional<ObjectNode> textDiff(StoredCapture a, StoredCapture b) throws IOException {
        Optional<StoredArtifact> ma = a.artifact(Format.MARKDOWN), mb = b.artifact(Format.MARKDOWN);
        if (ma.isEmpty() || mb.isEmpty()) return Optional.empty();
        if (ma.get().bytes() > MAX_MARKDOWN_BYTES || mb.get().bytes() > MAX_MARKDOWN_BYTES) {
            return Optional.of(Jackson.MAPPER.createObjectNode().put("skipped", "the Markdown is over " + MAX_MARKDOWN_BYTES + " bytes"));
        }
        String ta = text(ma.get(), a), tb = text(mb.get(), b);
        return Optional.of(Jackson.MAPPER.valueToTree(TextDiff.compare(ta, tb, a.id() + ".md", b.id() + ".md", TextDiff.DEFAULT_CONTEXT)));
    }

    private String text(StoredArtifact md, StoredCapture c) throws IOException {
        try (InputStream in = open(md, c)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
