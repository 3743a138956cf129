package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.TenantScope;

import java.util.Objects;
import java.util.Optional;

/**
 * What the API and the CLI do with monitors: create and change them (validated once here, errors naming the field),
 * list, delete (releasing the blobs of their change history).
 */
public final class MonitorService {
    private final MonitorStore store;
    private final Storage storage;
    private final MonitorSettings settings;

    private final io.pagelens.crawl.CrawlSettings crawlSettings;

    public MonitorService(MonitorStore store, Storage storage, MonitorSettings settings) {
        this(store, storage, settings, io.pagelens.crawl.CrawlSettings.DEFAULTS);
    }

    /** @param crawlSettings the ceilings a monitor's {@code crawl} options are validated against */
    public MonitorService(MonitorStore store, Storage storage, MonitorSettings settings, io.pagelens.crawl.CrawlSettings crawlSettings) {
        this.crawlSettings = crawlSettings;
        this.store = store;
        this.storage = storage;
        this.settings = settings;
    }

    public MonitorStore store() {
        return store;
    }

    public MonitorSettings settings() {
        return settings;
    }

    /** A monitor of tenant {@value TenantScope#DEFAULT} (the CLI). */
    public Monitor create(MonitorSpec spec, String owner) {
        return create(spec, owner, TenantScope.ALL);
    }

    /**
     * A monitor made in {@code scope}: it belongs to the scope's own tenant, or to the tenant of the project it names
     * when that is visible in the scope (an admin's monitor of another tenant's project). A monitor of a project's
     * pages needs the project: one of another tenant is not found, as one that does not exist.
     */
    public Monitor create(MonitorSpec spec, String owner, TenantScope scope) {
        Schedule schedule = spec.validate(settings, crawlSettings);
        String tenant = scope.owner();
        if (spec.projectId() != null && storage != null) {
            Optional<ProjectInfo> p = storage.project(TenantScope.of(scope.owner()), spec.projectId()).or(() -> storage.project(scope, spec.projectId()));
            if (p.isPresent()) tenant = p.get().tenant();
            else if (spec.watchesProject()) throw noSuchProject(spec);
        }
        return store.create(tenant, owner, spec, schedule, settings);
    }

    private static InvalidRequestException noSuchProject(MonitorSpec spec) {
        return new InvalidRequestException("projectId", "no such project: '" + spec.projectId() + "'");
    }

    /** Applies a PATCH body (top-level fields replace the monitor's); a new schedule or re-enabling starts it over from now. */
    public Monitor update(Monitor m, ObjectNode patch) {
        MonitorSpec next;
        try {
            next = m.spec().merge(patch);
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidRequestException("body", e.getCause().getMessage());
        }
        Schedule schedule = next.validate(settings, crawlSettings);
        if (next.watchesProject() && storage != null && storage.project(TenantScope.of(m.tenant()), next.projectId()).isEmpty()) {
            throw noSuchProject(next); // a monitor stays in its tenant: never another tenant's project
        }
        MonitorSpec was = m.spec();
        boolean reschedule = !Objects.equals(was.interval(), next.interval()) || !Objects.equals(was.cron(), next.cron())
                || !Objects.equals(was.timezone(), next.timezone()) || (!m.enabled() && next.isEnabled());
        return store.redefine(m, next, schedule, reschedule, settings);
    }

    /**
     * The monitor if it exists, is visible in {@code scope}, and {@code visibleTo} (an API key id, null for all) may
     * see it; another tenant's is empty, as one that does not exist.
     */
    public Optional<Monitor> get(String id, TenantScope scope, String visibleTo) {
        return store.get(id).filter(m -> scope.sees(m.tenant()))
                .filter(m -> visibleTo == null || m.owner() == null || m.owner().equals(visibleTo));
    }

    public Listing<Monitor> list(TenantScope scope, String visibleTo, ListQuery q) {
        return store.list(scope, visibleTo, q);
    }

    public boolean delete(String id) {
        boolean gone = store.delete(id);
        if (gone && storage != null) storage.releaseHolds(PageCheck.holder(id));
        return gone;
    }
}
