package io.pagelens.pipeline;

import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.Format;
import io.pagelens.jobs.MutableClock;
import io.pagelens.json.Jackson;
import io.pagelens.store.StoreException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one capture path on its own: fakes for the capturer and the store. */
class CaptureServiceTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    final FakeCapturer capturer = new FakeCapturer();
    final FakeArchive archive = new FakeArchive(clock);
    final CaptureService service = new CaptureService(capturer, archive, clock);

    static CaptureSpec spec(String json) throws Exception {
        return Jackson.STRICT.forType(CaptureSpec.class).readValue(json);
    }

    CaptureOrder order(String json) throws Exception {
        return CaptureOrder.from(spec(json)).build(clock.instant());
    }

    /** Files the CLI would write, in memory. */
    static final class Files implements io.pagelens.capture.ArtifactSink {
        final Map<Format, ByteArrayOutputStream> out = new EnumMap<>(Format.class);
        int discards;

        @Override
        public OutputStream open(Format format, String contentType) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            out.put(format, b);
            return b;
        }

        @Override
        public void discard() {
            discards++;
            out.clear();
        }
    }

    @Test
    void run_capturesAndSavesUnderTheOrdersKey_withTheOrdersOptions() throws Exception {
        CaptureOrder o = order("{\"url\": \"https://example.com/\", \"projectId\": \"demo\", \"formats\": [\"screenshot\", \"html\"]}");
        List<String> steps = new ArrayList<>();
        CaptureOutcome done = service.run(o, null, steps::add);
        assertThat(done.cached()).isFalse();
        assertThat(done.stored().key()).isEqualTo(o.key());
        assertThat(done.stored().artifacts()).extracting(a -> a.format().id()).containsExactlyInAnyOrder("screenshot", "html");
        assertThat(archive.savedWith).containsExactly(o.options()); // canonicalised once, at the edge
        assertThat(capturer.requests).containsExactly(o.request());
        assertThat(steps).containsExactly("capturing", "storing");
    }

    @Test
    void run_withMaxAge_answersFromAFreshStoredCapture_withoutCapturing() throws Exception {
        CaptureOrder first = order("{\"url\": \"https://example.com/\"}");
        String id = service.run(first).stored().id();
        clock.advance(Duration.ofMinutes(5));
        CaptureOutcome hit = service.run(order("{\"url\": \"https://example.com/\", \"maxAge\": 600000}"));
        assertThat(hit.cached()).isTrue();
        assertThat(hit.stored().id()).isEqualTo(id);
        assertThat(hit.age()).isEqualTo(Duration.ofMinutes(5));
        assertThat(hit.result()).isNull();
        assertThat(capturer.requests).hasSize(1);
        assertThat(service.cached(order("{\"url\": \"https://example.com/\", \"maxAge\": 600000}"))).isPresent();
    }

    @Test
    void run_withMaxAge_capturesWhenTheStoredOneIsTooOld() throws Exception {
        service.run(order("{\"url\": \"https://example.com/\"}"));
        clock.advance(Duration.ofMinutes(11));
        CaptureOutcome again = service.run(order("{\"url\": \"https://example.com/\", \"maxAge\": 600000}"));
        assertThat(again.cached()).isFalse();
        assertThat(again.stored().version()).isEqualTo(2);
        assertThat(capturer.requests).hasSize(2);
    }

    @Test
    void run_cachedWithFiles_copiesTheStoredArtifacts_andRecapturesWhenABlobIsGone() throws Exception {
        service.run(order("{\"url\": \"https://example.com/\", \"formats\": [\"screenshot\", \"html\"]}"));
        Files files = new Files();
        CaptureOutcome hit = service.run(order("{\"url\": \"https://example.com/\", \"formats\": [\"screenshot\", \"html\"], \"maxAge\": 60000}"),
                files, s -> { });
        assertThat(hit.cached()).isTrue();
        assertThat(files.out.get(Format.HTML).toString()).startsWith("html:");
        assertThat(files.out.get(Format.SCREENSHOT).toString()).startsWith("screenshot:");

        archive.blobs.clear(); // a blob folder wiped by hand
        Files again = new Files();
        CaptureOutcome recaptured = service.run(order("{\"url\": \"https://example.com/\", \"formats\": [\"screenshot\", \"html\"], \"maxAge\": 60000}"),
                again, s -> { });
        assertThat(recaptured.cached()).isFalse();
        assertThat(again.out).containsOnlyKeys(Format.SCREENSHOT, Format.HTML);
        assertThat(capturer.requests).hasSize(2);
    }

    @Test
    void run_notStored_writesTheFilesOnly() throws Exception {
        CaptureOrder o = CaptureOrder.from(spec("{\"url\": \"https://example.com/\"}")).storing(CaptureOrder.Storing.WITH_PROJECT).build();
        assertThat(o.stores()).isFalse();
        Files files = new Files();
        CaptureOutcome done = service.run(o, files, s -> { });
        assertThat(done.stored()).isNull();
        assertThat(done.result()).isNotNull();
        assertThat(files.out).containsOnlyKeys(Format.SCREENSHOT);
        assertThat(archive.sinksOpened).hasValue(0);
        assertThatThrownBy(() -> service.run(o)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_failedCapture_discardsEverySink_andStoresNothing() throws Exception {
        capturer.failWith = new CaptureException(CaptureError.HTTP_ERROR, "answered HTTP 404");
        Files files = new Files();
        assertThatThrownBy(() -> service.run(order("{\"url\": \"https://example.com/\"}"), files, s -> { }))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.HTTP_ERROR));
        assertThat(archive.current).isEmpty();
        assertThat(archive.discards).hasValueGreaterThanOrEqualTo(1);
        assertThat(files.discards).isGreaterThanOrEqualTo(1);
    }

    @Test
    void run_givesTheCapturerTheDeadline_lessTheSaveReserve() throws Exception {
        Instant deadline = clock.instant().plusSeconds(10);
        CaptureOrder o = CaptureOrder.from(spec("{\"url\": \"https://example.com/\"}")).deadline(deadline).build(clock.instant());
        service.run(o);
        long left = capturer.deadlines.getFirst().remaining().toMillis();
        assertThat(left).isBetween(10_000 - CaptureService.SAVE_RESERVE.toMillis() - 2_000, 10_000 - CaptureService.SAVE_RESERVE.toMillis());
        service.run(order("{\"url\": \"https://example.com/b\"}"));
        assertThat(capturer.deadlines.getLast().isSet()).as("no deadline, none passed on").isFalse();
    }

    @Test
    void run_captureThatEndsPastTheDeadline_isNotSaved() throws Exception {
        capturer.takes = Duration.ofMillis(700);
        CaptureOrder o = CaptureOrder.from(spec("{\"url\": \"https://example.com/\"}"))
                .deadline(clock.instant().plusMillis(300)).build(clock.instant());
        assertThatThrownBy(() -> service.run(o))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.DEADLINE_EXCEEDED))
                .hasMessageContaining("nothing was stored");
        assertThat(archive.current).isEmpty();
        assertThat(archive.discards).hasValue(1);
    }

    @Test
    void run_saveFails_keepsTheCompleteFiles_butNotTheStoreSink() throws Exception {
        archive.failSave = new StoreException("database write failed: disk full", null);
        Files files = new Files();
        CaptureOrder o = order("{\"url\": \"https://example.com/\"}");
        assertThatThrownBy(() -> service.run(o, files, s -> { })).isInstanceOf(StoreException.class);
        assertThat(files.out).containsKey(Format.SCREENSHOT);
        assertThat(files.discards).isZero();
        assertThat(archive.discards).hasValue(1);
    }
}
