package io.pagelens.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.pagelens.capture.CaptureResult;
import io.pagelens.config.Env;
import io.pagelens.content.Link;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.blob.BlobStore;
import io.pagelens.store.blob.BlobStores;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything the CLI, API and jobs need from storage: captures saved under a {@link CaptureKey} with history, the
 * result cache, listings, artifact reads, retention and garbage collection. Thread-safe; one per process.
 *
 * <pre>{@code
 * try (Storage storage = Storage.open(Env.system())) {
 *     CaptureKey key = CaptureKey.of("demo", "home", request, null);
 *     Optional<CacheHit> hit = storage.findFresh(key, maxAge);        // answer without Chromium if fresh
 *     if (hit.isEmpty()) {
 *         BlobSink sink = storage.openSink();
 *         try {
 *             CaptureResult result = capturer.capture(request, sink);  // artifacts stream into the blob store
 *             StoredCapture saved = storage.save(key, result, sink);   // upsert: current + history
 *         } catch (CaptureException e) {
 *             sink.discard();
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Order of durability: a blob is synced and published before the row that references it commits, so a crash
 * leaves at most unreferenced blobs, which {@link #collectGarbage()} removes after the grace period.
 */
public final class Storage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    private final Database db;
    private final BlobStore blobs;
    private final StorageSettings settings;
    private final Clock clock;
    private final ProjectRepository projects;
    private final CaptureRepository captures;
    private final RetentionRepository retentions;
    private final VariantRepository variants;
    private final DiffRepository diffs;
    private final BrandRepository brands;
    private final BlobRegistry registry;
    private final GarbageCollector gc;
    private final Counter saves;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter blobsCollected;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A store over an open database and blob store, which it owns from now on (closed by {@link #close()}).
     *
     * @param metrics where counters go; {@code Metrics.globalRegistry} if null
     */
    public Storage(Database db, BlobStore blobs, StorageSettings settings, Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.projects = new ProjectRepository(db);
        this.captures = new CaptureRepository(db, projects);
        this.retentions = new RetentionRepository(db);
        this.variants = new VariantRepository(db);
        this.diffs = new DiffRepository(db);
        this.brands = new BrandRepository(db);
        this.registry = new BlobRegistry(db, clock);
        this.gc = new GarbageCollector(registry, blobs, clock, settings.blobGrace());
        MeterRegistry m = metrics == null ? Metrics.globalRegistry : metrics;
        this.saves = m.counter(MeterNames.STORE_SAVES);
        this.cacheHits = m.counter(MeterNames.STORE_CACHE, "result", "hit");
        this.cacheMisses = m.counter(MeterNames.STORE_CACHE, "result", "miss");
        this.blobsCollected = m.counter(MeterNames.STORE_GC_BLOBS_DELETED);
    }

    /**
     * Opens storage as the environment says: {@code DATABASE_URL} or SQLite in {@code PAGELENS_DATA}; S3 when
     * {@code PAGELENS_S3_BUCKET} is set, else {@code PAGELENS_DATA/blobs}. Migrates the database.
     */
    public static Storage open(Env env) {
        StorageSettings settings = StorageSettings.fromEnv(env);
        Database db = Database.fromEnv(env);
        try {
            BlobStore blobs = BlobStores.fromEnv(env, Database.dataFolder(env));
            log.atInfo().addKeyValue("database", db.dialect()).addKeyValue("blobs", blobs.describe()).log("storage open");
            return new Storage(db, blobs, settings, Clock.systemUTC(), null);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database, for the jobs/api tables that live beside the store's (same pool, same migrations run). */
    public Database database() {
        return db;
    }

    public BlobStore blobStore() {
        return blobs;
    }

    public StorageSettings settings() {
        return settings;
    }

    // ---- writing a capture

    /** A sink that streams one capture's artifacts into the blob store; hand it to {@link #save} afterwards. */
    public BlobSink openSink() {
        return new BlobSink(blobs, registry);
    }

    /**
     * Saves a capture as the new current version of its key (the previous current becomes history; versions beyond
     * the project's limit are removed) and returns it. All or nothing: on failure nothing is stored and the sink's
     * blobs are left for GC.
     *
     * @throws StoreException if the result reports an artifact the sink did not write, or the database fails
     */
    public StoredCapture save(CaptureKey key, CaptureResult result, BlobSink sink) {
        return save(key, CanonicalOptions.of(result.request()), result, sink);
    }

    /**
     * As {@link #save(CaptureKey, CaptureResult, BlobSink)}, with the options the key was made from (an order carries
     * them from the edge, so they are not canonicalised again here).
     *
     * @throws IllegalArgumentException if {@code options} are not the ones of {@code key}
     */
    public StoredCapture save(CaptureKey key, CanonicalOptions options, CaptureResult result, BlobSink sink) {
        if (!options.sha256().equals(key.optionsHash())) {
            throw new IllegalArgumentException("the key was made for other options than these; use CaptureKey.of(..., request, options, ...)");
        }
        StoredCapture saved = captures.save(key, result, sink.written(), options.json(), settings.keepVersions(), clock.millis());
        saves.increment();
        log.atInfo().addKeyValue("id", saved.id()).addKeyValue("project", saved.project())
                .addKeyValue("pageType", saved.pageType()).addKeyValue("version", saved.version())
                .addKeyValue("url", saved.url()).log("capture saved");
        return saved;
    }

    // ---- reading

    /**
     * The current capture of the key if it was made within {@code maxAge} (result cache). A zero or negative maxAge
     * never hits.
     */
    public Optional<CacheHit> findFresh(CaptureKey key, Duration maxAge) {
        if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
            cacheMisses.increment();
            return Optional.empty();
        }
        Optional<CacheHit> hit = captures.findCurrent(key, clock.millis() - maxAge.toMillis())
                .map(c -> new CacheHit(c, c.age(clock)));
        (hit.isPresent() ? cacheHits : cacheMisses).increment();
        return hit;
    }

    /** The current capture of the key, however old. */
    public Optional<StoredCapture> current(CaptureKey key) {
        return captures.findCurrent(key, Long.MIN_VALUE);
    }

    /** One capture version by id (current or history), of any tenant. */
    public Optional<StoredCapture> capture(String captureId) {
        return capture(TenantScope.ALL, captureId);
    }

    /** One capture version by id, if it is visible in {@code scope}. */
    public Optional<StoredCapture> capture(TenantScope scope, String captureId) {
        return captures.capture(scope, captureId);
    }

    /**
     * Deletes one capture version: its record and its artifact references; the blobs are freed by the next
     * {@link #collectGarbage()} once no capture references them and the grace period has passed. When it was the
     * current version of its key, the previous one becomes current. False if there was no such capture.
     */
    public boolean deleteCapture(String captureId) {
        return deleteCapture(TenantScope.ALL, captureId);
    }

    /** As {@link #deleteCapture(String)}, of a capture visible in {@code scope} only (false for another tenant's). */
    public boolean deleteCapture(TenantScope scope, String captureId) {
        boolean deleted = captures.delete(scope, captureId, clock.millis());
        if (deleted) log.atInfo().addKeyValue("id", captureId).log("capture deleted");
        return deleted;
    }

    /** The links found on the page of a capture version; empty if none were extracted. */
    public List<Link> links(String captureId) {
        return captures.links(captureId);
    }

    /**
     * Keeps a blob written through {@link #openSink()} outside any capture (a monitor change's diff image) from
     * garbage collection until {@link #releaseHolds} for the same holder. Call within the GC grace period after
     * writing it (the sink's touch protects it until then).
     */
    public void hold(String holder, String sha256) {
        db.transaction(c -> {
            try (var st = c.prepareStatement("INSERT INTO blob_holds (holder, blob_sha256) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                st.setString(1, holder);
                st.setString(2, sha256);
                return st.executeUpdate();
            }
        });
    }

    /** Drops every hold of {@code holder}; the blobs go with the next GC once nothing else references them. */
    public int releaseHolds(String holder) {
        return db.transaction(c -> {
            try (var st = c.prepareStatement("DELETE FROM blob_holds WHERE holder = ?")) {
                st.setString(1, holder);
                return st.executeUpdate();
            }
        });
    }

    /** Opens a blob by hash (one written through {@link #openSink()}), or empty when it is gone. */
    public Optional<BlobContent> openBlob(String sha256) throws IOException {
        return blobs.open(sha256);
    }

    /** Opens an artifact for streaming, with its content type and ETag; empty if its blob is missing. */
    public Optional<BlobContent> open(StoredArtifact artifact) throws IOException {
        return blobs.open(artifact.sha256()).map(b -> b.withContentType(artifact.contentType()));
    }

    /** Opens part of an artifact (HTTP Range): {@code length} bytes from {@code offset}. */
    public Optional<BlobContent> open(StoredArtifact artifact, long offset, long length) throws IOException {
        return blobs.open(artifact.sha256(), offset, length).map(b -> b.withContentType(artifact.contentType()));
    }

    // ---- projects, pages, listings

    /**
     * Creates a project with its own retention.
     *
     * @throws io.pagelens.capture.InvalidRequestException naming {@code name} if it is invalid or taken
     */
    public ProjectInfo createProject(String name, Retention retention) {
        return createProject(TenantScope.ALL, name, retention, null);
    }

    /** Stores (replaces) a project's brand profile. */
    public StoredBrand saveBrand(String projectId, String url, String captureId, String profileJson) {
        return brands.save(projectId, url, captureId, profileJson, clock.millis());
    }

    /** A project's stored brand profile, if it was computed. */
    public Optional<StoredBrand> brand(String projectId) {
        return brands.find(projectId);
    }

    /** As {@link #createProject(String, Retention)}, in the scope's own tenant (names are unique per tenant). */
    public ProjectInfo createProject(TenantScope scope, String name, Retention retention) {
        return createProject(scope, name, retention, null);
    }

    /** As {@link #createProject(TenantScope, String, Retention)}, with the site the project covers (an http(s) URL, or null). */
    public ProjectInfo createProject(TenantScope scope, String name, Retention retention, String siteUrl) {
        return projects.createProject(scope, CaptureKey.requireName("name", name), retention == null ? Retention.DEFAULTS : retention, siteUrl, clock.millis());
    }

    /** A project by id ({@code prj_...}) or name, of any tenant (a name is looked up in {@value TenantScope#DEFAULT} first). */
    public Optional<ProjectInfo> project(String idOrName) {
        return project(TenantScope.ALL, idOrName);
    }

    /** A project by id or name, if it is visible in {@code scope}. */
    public Optional<ProjectInfo> project(TenantScope scope, String idOrName) {
        return projects.project(scope, idOrName);
    }

    /** Replaces a project's retention limits; false if there is no such project. */
    public boolean updateRetention(String projectId, Retention retention) {
        return projects.updateRetention(projectId, retention);
    }

    /** Sets a project's site URL when it has none (a crawl's seed names the site); false if it had one or there is no such project. */
    public boolean adoptSiteUrl(String projectId, String siteUrl) {
        return projects.adoptSiteUrl(projectId, siteUrl);
    }

    /** Deletes a project with its pages and captures (their blobs go at the next GC); false if there was none. */
    public boolean deleteProject(String projectId) {
        return projects.deleteProject(projectId);
    }

    /** Projects in creation order. */
    public Listing<ProjectInfo> projects(ListQuery query) {
        return projects(TenantScope.ALL, query);
    }

    /** The projects visible in {@code scope}, in creation order. */
    public Listing<ProjectInfo> projects(TenantScope scope, ListQuery query) {
        return projects.projects(scope, query);
    }

    /** Pages of a project in creation order. */
    public Listing<PageInfo> pages(String projectId, ListQuery query) {
        return projects.pages(projectId, query);
    }

    /** Current captures of a project, newest first; with {@code history} every kept version. */
    public Listing<StoredCapture> captures(String projectId, boolean history, ListQuery query) {
        return captures.captures(projectId, null, history, query);
    }

    /** Captures of one page, newest first; with {@code history} every kept version. */
    public Listing<StoredCapture> pageCaptures(String projectId, String pageId, boolean history, ListQuery query) {
        return captures.captures(projectId, pageId, history, query);
    }

    /** Every kept version of the key {@code captureId} belongs to, newest first. */
    public Listing<StoredCapture> versions(String captureId, ListQuery query) {
        return captures.versions(captureId, query);
    }

    // ---- variants

    /**
     * Stores a variant of a project; its mutations must be validated already (analysis.variant.Mutations).
     *
     * @throws io.pagelens.capture.InvalidRequestException naming {@code name} if it is invalid or taken in the project
     */
    public VariantInfo createVariant(String projectId, String name, String description, String mutationsJson) {
        return variants.create(projectId, CaptureKey.requireName("name", name), description, mutationsJson, clock.millis());
    }

    /** A project's variant by id ({@code var_...}) or name. */
    public Optional<VariantInfo> variant(String projectId, String idOrName) {
        return variants.variant(projectId, idOrName);
    }

    /** A project's variants in creation order. */
    public Listing<VariantInfo> variants(String projectId, ListQuery query) {
        return variants.variants(projectId, query);
    }

    /** Deletes a variant (its captures stay, under its name); false if there was none. */
    public boolean deleteVariant(String projectId, String variantId) {
        return variants.delete(projectId, variantId);
    }

    // ---- diffs

    /** The stored diff of capture {@code a} against {@code b} with these options, if it was computed before. */
    public Optional<StoredDiff> findDiff(String a, String b, String optionsHash) {
        return diffs.find(a, b, optionsHash);
    }

    public Optional<StoredDiff> diff(String diffId) {
        return diffs.byId(diffId);
    }

    /**
     * Saves a diff whose two images {@code sink} wrote (the diff image first, then the side-by-side image). A diff of
     * the same pair and options saved meanwhile wins; its blobs are the same bytes.
     */
    public StoredDiff saveDiff(String a, String b, String optionsHash, String resultJson, BlobSink sink) {
        List<WrittenBlob> w = sink.written();
        if (w.size() != 2) throw new IllegalArgumentException("a diff has two images, the sink wrote " + w.size());
        return diffs.save(a, b, optionsHash, resultJson, w.get(0).sha256(), w.get(1).sha256(), clock.millis());
    }

    /** Opens a stored blob by hash (a diff's images), as {@code contentType}. */
    public Optional<BlobContent> openBlob(String sha256, String contentType) throws IOException {
        return blobs.open(sha256).map(b -> b.withContentType(contentType));
    }

    // ---- maintenance

    /** Removes capture versions beyond each project's limits (max versions, max age). */
    public RetentionReport applyRetention() {
        int n = retentions.applyRetention(settings.keepVersions(), settings.defaultMaxAge(), clock.millis());
        log.atInfo().addKeyValue("capturesDeleted", n).log("retention done");
        return new RetentionReport(n);
    }

    /** Deletes blobs no capture references that were unused for the grace period. */
    public GcReport collectGarbage() {
        GcReport r = gc.collect();
        blobsCollected.increment(r.deleted());
        return r;
    }

    /** Closes the blob store and the database pools; idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        try {
            blobs.close();
        } finally {
            db.close();
        }
    }
}
