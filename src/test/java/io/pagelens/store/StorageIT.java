package io.pagelens.store;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.capture.Artifact;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.capture.ImageType;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.MutableClock;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.blob.BlobInfo;
import io.pagelens.store.blob.BlobUpload;
import io.pagelens.store.blob.LocalBlobStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.pagelens.store.FakeCaptures.capture;
import static io.pagelens.store.FakeCaptures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository suite: the same tests on SQLite and on the real PostgreSQL, with a local blob folder. */
class StorageIT extends DatabaseSuite {
    MutableClock clock;
    LocalBlobStore blobs;

    /** A store over a clean database and an empty blob folder (the database is shared by the class's tests). */
    Storage storage(Database db) {
        db.transaction(c -> {
            try (Statement st = c.createStatement()) {
                for (String t : List.of("capture_heads", "capture_artifacts", "captures", "pages", "projects", "blobs")) {
                    st.executeUpdate("DELETE FROM " + t);
                }
            }
            return null;
        });
        clock = new MutableClock(Instant.now());
        blobs = new LocalBlobStore(dbs.newTempDir());
        return new Storage(db, blobs, StorageSettings.DEFAULTS, clock, new SimpleMeterRegistry());
    }

    static StoredCapture save(Storage s, String project, String pageType, CaptureRequest req, String variant, String content) {
        BlobSink sink = s.openSink();
        CaptureResult result = capture(req, sink, content);
        return s.save(CaptureKey.of(project, pageType, req, variant), result, sink);
    }

    @BothDatabases
    void save_storesTheRecordAndItsArtifacts(Database db) throws IOException {
        Storage s = storage(db);
        CaptureRequest req = request("https://Example.com:443/a/../home?x=1", Format.SCREENSHOT, Format.HTML);
        StoredCapture saved = save(s, "demo", "home", req, null, "v1");

        StoredCapture read = s.capture(saved.id()).orElseThrow();
        assertThat(read.project()).isEqualTo("demo");
        assertThat(read.pageType()).isEqualTo("home");
        assertThat(read.url()).isEqualTo("https://example.com/home?x=1");
        assertThat(read.requestedUrl()).isEqualTo("https://example.com/home?x=1"); // WHATWG serialization of what was asked
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.current()).isTrue();
        assertThat(read.variant()).isEmpty();
        assertThat(read.report().httpStatus()).isEqualTo(200);
        assertThat(read.metadata().title()).isEqualTo("Title of " + req.url());
        assertThat(read.optionsJson()).contains("\"formats\":[\"html\",\"screenshot\"]");
        assertThat(read.capturedAt()).isEqualTo(saved.capturedAt());
        assertThat(s.links(saved.id())).extracting(l -> l.text()).containsExactly("Next");

        StoredArtifact png = read.artifact(Format.SCREENSHOT).orElseThrow();
        assertThat(png.width()).isEqualTo(1280);
        assertThat(png.contentType()).isEqualTo("image/png");
        try (BlobContent c = s.open(png).orElseThrow()) {
            assertThat(new String(c.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("screenshot:v1");
            assertThat(c.contentType()).isEqualTo("image/png");
            assertThat(c.etag()).isEqualTo(png.etag());
        }
        try (BlobContent part = s.open(read.artifact(Format.HTML).orElseThrow(), 0, 4).orElseThrow()) {
            assertThat(part.stream().readAllBytes()).asString().isEqualTo("html");
            assertThat(part.contentType()).startsWith("text/html");
        }
    }

    @BothDatabases
    void savingTheSameKeyAgain_upsertsTheCurrentAndKeepsHistory(Database db) {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.SCREENSHOT);
        StoredCapture v1 = save(s, "demo", "home", req, null, "one");
        StoredCapture v2 = save(s, "demo", "home", req, null, "two");
        StoredCapture v3 = save(s, "demo", "home", req, null, "three");

        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
        assertThat(s.current(v3.key()).orElseThrow().id()).isEqualTo(v3.id());
        assertThat(s.capture(v1.id()).orElseThrow().current()).isFalse();
        assertThat(s.versions(v1.id(), ListQuery.FIRST).items()).extracting(StoredCapture::version).containsExactly(3, 2, 1);
        String projectId = v3.projectId();
        assertThat(s.captures(projectId, false, ListQuery.FIRST).items()).extracting(StoredCapture::id).containsExactly(v3.id());
        assertThat(s.captures(projectId, true, ListQuery.FIRST).items()).hasSize(3);
        assertThat(s.pages(projectId, ListQuery.FIRST).items()).singleElement()
                .satisfies(p -> assertThat(p.url()).isEqualTo("https://example.com/"));
    }

    @BothDatabases
    void history_isTrimmedToTheProjectsLimit(Database db) {
        Storage s = storage(db);
        s.createProject("short", new Retention(1, null));
        CaptureRequest req = request("https://example.com/", Format.HTML);
        StoredCapture last = null;
        for (int i = 1; i <= 4; i++) last = save(s, "short", "home", req, null, "v" + i);
        assertThat(s.versions(last.id(), ListQuery.FIRST).items()).extracting(StoredCapture::version).containsExactly(4, 3);

        s.updateRetention(last.projectId(), new Retention(0, null));
        assertThat(s.applyRetention().capturesDeleted()).isEqualTo(1);
        assertThat(s.versions(last.id(), ListQuery.FIRST).items()).extracting(StoredCapture::version).containsExactly(4);
    }

    @BothDatabases
    void optionsPageTypeAndVariant_makeSeparateKeys(Database db) {
        Storage s = storage(db);
        CaptureRequest png = request("https://example.com/", Format.SCREENSHOT);
        CaptureRequest jpeg = CaptureRequest.builder("https://example.com/").imageType(ImageType.JPEG).quality(70).build();
        CaptureRequest slowPng = png.toBuilder().timeout(Duration.ofSeconds(90)).build();
        StoredCapture a = save(s, "demo", "home", png, null, "a");
        StoredCapture b = save(s, "demo", "home", jpeg, null, "b");
        StoredCapture c = save(s, "demo", "landing", png, null, "c");
        StoredCapture d = save(s, "demo", "home", png, "dark-hero", "d");
        StoredCapture e = save(s, "demo", "home", slowPng, null, "e"); // the timeout does not change the output

        assertThat(List.of(a.version(), b.version(), c.version(), d.version())).containsOnly(1);
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.optionsHash()).isEqualTo(a.optionsHash());
        assertThat(s.captures(a.projectId(), false, ListQuery.FIRST).items()).hasSize(4);
    }

    @BothDatabases
    void findFresh_answersFromStoreWithinMaxAge(Database db) {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.SCREENSHOT);
        CaptureKey key = CaptureKey.of("demo", "home", req, null);
        assertThat(s.findFresh(key, Duration.ofHours(1))).isEmpty();

        StoredCapture saved = save(s, "demo", "home", req, null, "x");
        clock.advance(Duration.ofMinutes(10));
        CacheHit hit = s.findFresh(key, Duration.ofHours(1)).orElseThrow();
        assertThat(hit.cached()).isTrue();
        assertThat(hit.capture().id()).isEqualTo(saved.id());
        assertThat(hit.age()).isEqualTo(Duration.ofMinutes(10));

        assertThat(s.findFresh(key, Duration.ofMinutes(5))).isEmpty();
        assertThat(s.findFresh(key, Duration.ZERO)).isEmpty();
        assertThat(s.findFresh(CaptureKey.of("demo", "other", req, null), Duration.ofHours(1))).isEmpty();
    }

    @BothDatabases
    void concurrentUpserts_ofOneKey_leaveExactlyOneCurrentRow(Database db) throws Exception {
        Storage s = storage(db);
        s.createProject("race", new Retention(100, null));
        CaptureRequest req = request("https://example.com/race", Format.SCREENSHOT);
        int threads = 6;
        int each = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Integer> versions = new ArrayList<>();
                    for (int i = 0; i < each; i++) versions.add(save(s, "race", "home", req, null, id + "-" + i).version());
                    return versions;
                }));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : futures) all.addAll(f.get());
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * each).containsAll(List.of(1, threads * each));
        }
        CaptureKey key = CaptureKey.of("race", "home", req, null);
        assertThat(count(db, "SELECT COUNT(*) FROM capture_heads")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM captures")).isEqualTo(threads * each);
        StoredCapture current = s.current(key).orElseThrow();
        assertThat(current.version()).isEqualTo(threads * each);
        assertThat(s.captures(current.projectId(), false, ListQuery.FIRST).items()).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(current.id()));
    }

    @BothDatabases
    void listings_paginateWithCursors(Database db) {
        Storage s = storage(db);
        for (int i = 0; i < 5; i++) s.createProject("p" + i, null);
        List<String> names = new ArrayList<>();
        ListQuery q = ListQuery.first(2);
        int pages = 0;
        while (true) {
            Listing<ProjectInfo> l = s.projects(q);
            l.items().forEach(p -> names.add(p.name()));
            pages++;
            if (!l.hasMore()) break;
            q = new ListQuery(2, l.nextCursor());
        }
        assertThat(names).containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(pages).isEqualTo(3);

        for (int i = 0; i < 3; i++) save(s, "p0", "article", request("https://example.com/a" + i, Format.HTML), null, "x");
        String projectId = s.project("p0").orElseThrow().id();
        Listing<StoredCapture> first = s.captures(projectId, false, ListQuery.first(2));
        Listing<StoredCapture> second = s.captures(projectId, false, new ListQuery(2, first.nextCursor()));
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasMore()).isFalse();
        assertThat(first.items().get(0).url()).isEqualTo("https://example.com/a2"); // newest first
        assertThat(s.pages(projectId, ListQuery.first(10)).items()).hasSize(3);
    }

    @BothDatabases
    void projects_areFoundByIdOrName_andNamesAreUniqueAndValidated(Database db) {
        Storage s = storage(db);
        ProjectInfo p = s.createProject("shop", new Retention(2, Duration.ofDays(30)));
        assertThat(s.project(p.id()).orElseThrow().name()).isEqualTo("shop");
        assertThat(s.project("shop").orElseThrow().retention()).isEqualTo(new Retention(2, Duration.ofDays(30)));
        assertThatThrownBy(() -> s.createProject("shop", null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> s.createProject("no spaces", null)).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> CaptureKey.of("demo", "../x", request("https://e.com/", Format.HTML), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("pageType:");
    }

    @BothDatabases
    void deleteProject_removesItsCaptures_andGcTheirBlobs(Database db) throws IOException {
        Storage s = storage(db);
        StoredCapture c = save(s, "gone", "home", request("https://example.com/", Format.SCREENSHOT), null, "bye");
        assertThat(s.deleteProject(c.projectId())).isTrue();
        assertThat(s.capture(c.id())).isEmpty();
        clock.advance(StorageSettings.DEFAULT_BLOB_GRACE.plusMinutes(1));
        assertThat(s.collectGarbage().deleted()).isEqualTo(1);
        assertThat(blobs.exists(c.artifacts().getFirst().sha256())).isFalse();
    }

    @BothDatabases
    void failedSave_storesNothing_andItsBlobsAreOrphansThatGcRemoves(Database db) throws IOException {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.SCREENSHOT, Format.PDF);
        BlobSink sink = s.openSink();
        CaptureResult written = capture(request("https://example.com/", Format.SCREENSHOT), sink, "only-png");
        // the engine claims a PDF it never wrote: the save must fail as a whole, after project and page inserts began
        CaptureResult claimsMore = FakeCaptures.result(req, List.of(written.artifacts().getFirst(),
                new Artifact(Format.PDF, "application/pdf", 10, 0, 0)), 10);
        assertThatThrownBy(() -> s.save(CaptureKey.of("demo", "home", req, null), claimsMore, sink))
                .isInstanceOf(StoreException.class).hasMessageContaining("pdf");
        assertThat(count(db, "SELECT COUNT(*) FROM captures")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM projects")).isZero();
        String sha = sink.written().getFirst().sha256();
        assertThat(blobs.exists(sha)).isTrue();

        assertThat(s.collectGarbage().deleted()).as("within the grace period").isZero();
        clock.advance(StorageSettings.DEFAULT_BLOB_GRACE.plusSeconds(1));
        assertThat(s.collectGarbage().deleted()).isEqualTo(1);
        assertThat(blobs.exists(sha)).isFalse();
    }

    @BothDatabases
    void gc_keepsABlobInFlight_andReferencedBlobs_andRemovesUnreferencedOnes(Database db) throws IOException {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.HTML);
        // an old, unreferenced blob
        BlobSink oldSink = s.openSink();
        capture(req, oldSink, "abandoned");
        String abandoned = oldSink.written().getFirst().sha256();
        clock.advance(Duration.ofHours(2));

        // a capture in flight: its blob is written, the save has not happened yet
        BlobSink inFlight = s.openSink();
        CaptureResult result = capture(req, inFlight, "in-flight");
        String pending = inFlight.written().getFirst().sha256();
        GcReport during = s.collectGarbage();
        assertThat(during.deleted()).isEqualTo(1);
        assertThat(blobs.exists(abandoned)).isFalse();
        assertThat(blobs.exists(pending)).isTrue();

        StoredCapture saved = s.save(CaptureKey.of("demo", "home", req, null), result, inFlight);
        clock.advance(Duration.ofDays(2));
        assertThat(s.collectGarbage().deleted()).isZero();
        try (BlobContent c = s.open(saved.artifacts().getFirst()).orElseThrow()) {
            assertThat(c.stream().readAllBytes()).asString().isEqualTo("html:in-flight");
        }
    }

    @BothDatabases
    void rewritingAnOldBlob_refreshesIt_soGcKeepsIt(Database db) throws IOException {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.HTML);
        BlobSink first = s.openSink();
        capture(req, first, "same bytes");
        clock.advance(Duration.ofHours(3));
        BlobSink again = s.openSink(); // identical content: stored once, but now in use again
        capture(req, again, "same bytes");
        assertThat(again.written().getFirst().sha256()).isEqualTo(first.written().getFirst().sha256());
        assertThat(s.collectGarbage().deleted()).isZero();
        assertThat(blobs.exists(again.written().getFirst().sha256())).isTrue();
    }

    @BothDatabases
    void gcRacingASinkThatRewritesAnOldBlob_neverLeavesADanglingReference(Database db) throws Exception {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/race", Format.HTML);
        int saved = 0;
        for (int round = 0; round < 10; round++) {
            BlobSink old = s.openSink();
            capture(req, old, "same bytes every round");
            clock.advance(Duration.ofHours(2)); // the blob is now a GC candidate
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<GcReport> gc = pool.submit(() -> {
                    go.await();
                    return s.collectGarbage();
                });
                Future<StoredCapture> save = pool.submit(() -> {
                    go.await();
                    return save(s, "race", "home", req, null, "same bytes every round");
                });
                go.countDown();
                gc.get();
                StoredCapture c;
                try {
                    c = save.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // acceptable only as the clean FK failure: nothing stored
                    assertThat(e.getCause()).isInstanceOf(StoreException.class).hasMessageContaining("garbage-collected");
                    continue;
                }
                saved++;
                for (StoredArtifact a : c.artifacts()) {
                    try (BlobContent b = s.open(a).orElseThrow(() -> new AssertionError("dangling reference to " + a.sha256()))) {
                        assertThat(b.stream().readAllBytes()).asString().isEqualTo("html:same bytes every round");
                    }
                }
            }
        }
        assertThat(saved).isPositive();
    }

    @BothDatabases
    void aSaveReferencingACollectedBlob_failsCleanly(Database db) {
        Storage s = storage(db);
        CaptureRequest req = request("https://example.com/", Format.HTML);
        BlobSink sink = s.openSink();
        CaptureResult result = capture(req, sink, "slow capture");
        clock.advance(Duration.ofHours(2)); // longer than the grace period: GC may take it
        assertThat(s.collectGarbage().deleted()).isEqualTo(1);
        assertThatThrownBy(() -> s.save(CaptureKey.of("demo", "home", req, null), result, sink))
                .isInstanceOf(StoreException.class).hasMessageContaining("garbage-collected");
        assertThat(count(db, "SELECT COUNT(*) FROM captures")).isZero();
    }

    @BothDatabases
    void gc_adoptsObjectsTheDatabaseDoesNotKnow(Database db) throws IOException {
        Storage s = storage(db);
        String sha;
        try (BlobUpload up = blobs.upload()) { // straight into the store, as a crash before the row would leave it
            try (OutputStream out = up.stream()) {
                out.write("stray".getBytes(StandardCharsets.UTF_8));
            }
            up.publish("text/plain");
            sha = up.sha256();
        }
        assertThat(s.collectGarbage().adopted()).as("too young to judge").isZero();
        clock.advance(Duration.ofHours(2));
        GcReport r = s.collectGarbage();
        assertThat(r.adopted()).isEqualTo(1);
        assertThat(r.deleted()).isEqualTo(1);
        List<BlobInfo> left = new ArrayList<>();
        blobs.forEach(left::add);
        assertThat(left).extracting(BlobInfo::sha256).doesNotContain(sha);
    }

    @BothDatabases
    void retention_byMaxAge_removesOldCaptures_sharedBlobsStayWhileReferenced(Database db) throws IOException {
        Storage s = storage(db);
        s.createProject("news", new Retention(null, Duration.ofDays(7)));
        CaptureRequest a = request("https://example.com/a", Format.HTML);
        CaptureRequest b = request("https://example.com/b", Format.HTML);
        StoredCapture old = save(s, "news", "article", a, null, "same");
        clock.advance(Duration.ofDays(6));
        StoredCapture recent = save(s, "news", "article", b, null, "same"); // identical bytes, one blob
        clock.advance(Duration.ofDays(2));

        assertThat(s.applyRetention().capturesDeleted()).isEqualTo(1);
        assertThat(s.capture(old.id())).isEmpty();
        assertThat(s.current(old.key())).isEmpty();
        assertThat(s.collectGarbage().deleted()).isZero();
        assertThat(blobs.exists(recent.artifacts().getFirst().sha256())).isTrue();

        clock.advance(Duration.ofDays(6));
        s.applyRetention();
        assertThat(s.collectGarbage().deleted()).isEqualTo(1);
    }

    @BothDatabases
    void maintenanceTask_runsRetentionThenGc(Database db) {
        Storage s = storage(db);
        s.createProject("tmp", new Retention(null, Duration.ofHours(1)));
        StoredCapture c = save(s, "tmp", "home", request("https://example.com/", Format.HTML), null, "x");
        clock.advance(Duration.ofHours(3));
        new StorageMaintenance(s, Duration.ofMinutes(1)).run();
        assertThat(s.capture(c.id())).isEmpty();
        assertThat(blobs.exists(c.artifacts().getFirst().sha256())).isFalse();
    }

    @BothDatabases
    void keyForOtherOptions_isRejected(Database db) {
        Storage s = storage(db);
        CaptureRequest png = request("https://example.com/", Format.SCREENSHOT);
        CaptureRequest html = request("https://example.com/", Format.HTML);
        BlobSink sink = s.openSink();
        CaptureResult r = capture(png, sink, "x");
        assertThatThrownBy(() -> s.save(CaptureKey.of("demo", "home", html, null), r, sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other options");
    }

    static long count(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @SuppressWarnings("unused")
    private static Map<Format, byte[]> bytes(Format f, String s) {
        return Map.of(f, s.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unused")
    private static Set<Format> formats(Format... f) {
        return Set.of(f);
    }
}
