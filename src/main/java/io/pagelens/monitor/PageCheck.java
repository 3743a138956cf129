package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffOutputs;
import io.pagelens.analysis.diff.DiffResult;
import io.pagelens.analysis.diff.TextDiff;
import io.pagelens.analysis.diff.TextDiffResult;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.Format;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.BlobSink;
import io.pagelens.store.Ids;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.blob.BlobContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks one page for a run: captures it through the {@link CaptureService} with the monitor's options, compares the
 * new capture with the previous one of the same key (visual diff of the screenshots, line diff of the Markdown), and
 * records the outcome as the page's history entry. A change keeps the diff image and the whole text diff as blobs held
 * for the monitor ({@code Storage.hold}).
 */
final class PageCheck {
    /** Characters of the text diff kept in the row and sent in webhooks. */
    static final int EXCERPT_CHARS = 4_000;

    private final CaptureService captures;
    private final Storage storage;
    private final MonitorStore store;
    private final Clock clock;

    PageCheck(CaptureService captures, Storage storage, MonitorStore store, Clock clock) {
        this.captures = captures;
        this.storage = storage;
        this.store = store;
        this.clock = clock;
    }

    static String holder(String monitorId) {
        return "monitor:" + monitorId;
    }

    PageChange check(Monitor m, MonitorRun run, String url, String pageType) throws CaptureException, InterruptedException, IOException {
        MonitorSpec spec = m.spec();
        CaptureOrder order = CaptureOrder.from(spec.captureSpec(url, pageType)).owner(m.owner()).tenant(m.tenant()).build(clock.instant());
        order = new CaptureOrder(order.request(), order.key(), order.options(), null, null, order.deadline(), order.priority(), order.owner());
        Optional<StoredCapture> previous = storage.current(order.key());
        CaptureOutcome done = captures.run(order);
        StoredCapture now = done.stored();
        int http = now.report().httpStatus();
        String id = Ids.next("chg", clock.millis());
        String prevId = previous.map(StoredCapture::id).orElse(null);
        if (http == 404 || http == 410) {
            return save(new PageChange(id, m.id(), run.id(), url, ChangeStatus.REMOVED, http, now.id(), prevId, null, null, null, null,
                    null, null, null, clock.instant()));
        }
        if (previous.isEmpty()) {
            return save(new PageChange(id, m.id(), run.id(), url, ChangeStatus.NEW, http, now.id(), null, null, null, null, null,
                    null, null, null, clock.instant()));
        }
        StoredCapture before = previous.get();
        Path diffPng = Files.createTempFile("pagelens-monitor-", ".png");
        try {
            DiffResult visual = visualDiff(before, now, diffPng);
            TextDiffResult text = textDiff(before, now);
            boolean visualChanged = visual != null && !visual.identical() && visual.changedPercent() >= spec.changedPercentThreshold();
            boolean textChanged = text != null && !text.identical()
                    && text.addedWords() + text.removedWords() >= spec.changedWordsThreshold();
            ChangeStatus status = visualChanged || textChanged ? ChangeStatus.CHANGED : ChangeStatus.SAME;
            String regions = visual == null ? null : Jackson.MAPPER.writeValueAsString(visual.regions());
            String imageSha = null, textSha = null, excerpt = null;
            if (status == ChangeStatus.CHANGED) {
                BlobSink sink = storage.openSink();
                if (visual != null && !visual.identical()) {
                    try (OutputStream out = sink.open(Format.SCREENSHOT, "image/png")) {
                        Files.copy(diffPng, out);
                    }
                }
                if (text != null && !text.identical()) {
                    try (OutputStream out = sink.open(Format.TEXT, "text/x-diff; charset=utf-8")) {
                        out.write(text.unified().getBytes(StandardCharsets.UTF_8));
                    }
                    excerpt = text.unified().length() <= EXCERPT_CHARS ? text.unified() : text.unified().substring(0, EXCERPT_CHARS);
                }
                for (var w : sink.written()) {
                    storage.hold(holder(m.id()), w.sha256());
                    if (w.format() == Format.SCREENSHOT) imageSha = w.sha256();
                    else textSha = w.sha256();
                }
            }
            return save(new PageChange(id, m.id(), run.id(), url, status, http, now.id(), before.id(),
                    visual == null ? null : visual.changedPercent(), regions, text == null ? null : text.addedWords(),
                    text == null ? null : text.removedWords(), imageSha, textSha, excerpt, clock.instant()));
        } finally {
            Files.deleteIfExists(diffPng);
        }
    }

    /**
     * A known page the project's re-discovery no longer finds: removed, without capturing it (it may still answer 200,
     * unlinked); the entry links the page's last capture.
     */
    PageChange vanished(Monitor m, MonitorRun run, String url, String pageType) {
        CaptureOrder order = CaptureOrder.from(m.spec().captureSpec(url, pageType)).owner(m.owner()).tenant(m.tenant()).build(clock.instant());
        String prevId = storage.current(order.key()).map(StoredCapture::id).orElse(null);
        return save(new PageChange(Ids.next("chg", clock.millis()), m.id(), run.id(), url, ChangeStatus.REMOVED, null, null, prevId,
                null, null, null, null, null, null, null, clock.instant()));
    }

    private PageChange save(PageChange c) {
        store.addChange(c);
        return c;
    }

    /** The streaming visual diff of the two screenshots, its image into {@code out}; null when either has none. */
    private DiffResult visualDiff(StoredCapture a, StoredCapture b, Path out) throws IOException {
        Optional<StoredArtifact> sa = a.artifact(Format.SCREENSHOT), sb = b.artifact(Format.SCREENSHOT);
        if (sa.isEmpty() || sb.isEmpty() || !sa.get().contentType().equals("image/png") || !sb.get().contentType().equals("image/png")) {
            return null;
        }
        Optional<BlobContent> ba = storage.open(sa.get()), bb = storage.open(sb.get());
        if (ba.isEmpty() || bb.isEmpty()) return null;
        try (OutputStream png = Files.newOutputStream(out)) {
            return io.pagelens.analysis.diff.VisualDiff.compare(ba.get().stream(), a.id(), bb.get().stream(), b.id(), DiffOptions.DEFAULTS,
                    DiffOutputs.diffImage(png));
        }
    }

    private TextDiffResult textDiff(StoredCapture a, StoredCapture b) throws IOException {
        Optional<String> ta = markdown(a), tb = markdown(b);
        if (ta.isEmpty() || tb.isEmpty()) return null;
        return TextDiff.compare(ta.get(), tb.get(), "previous/" + a.id() + ".md", "current/" + b.id() + ".md", TextDiff.DEFAULT_CONTEXT);
    }

    private Optional<String> markdown(StoredCapture c) throws IOException {
        Optional<StoredArtifact> md = c.artifact(Format.MARKDOWN);
        if (md.isEmpty()) return Optional.empty();
        Optional<BlobContent> blob = storage.open(md.get());
        if (blob.isEmpty()) return Optional.empty();
        try (InputStream in = blob.get().stream()) {
            byte[] bytes = in.readNBytes(TextDiff.MAX_CHARS); // the diff's own limit; a longer page compares its start
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
