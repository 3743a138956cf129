package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.Storage;

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

    public Monitor create(MonitorSpec spec, String owner) {
        Schedule schedule = spec.validate(settings, crawlSettings);
        return store.create(owner, spec, schedule, settings);
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
        MonitorSpec was = m.spec();
        boolean reschedule = !Objects.equals(was.interval(), next.interval()) || !Objects.equals(was.cron(), next.cron())
                || !Objects.equals(was.timezone(), next.timezone()) || (!m.enabled() && next.isEnabled());
        return store.redefine(m, next, schedule, reschedule, settings);
    }

    /** The monitor if it exists and {@code visibleTo} (an API key id, null for all) may see it. */
    public Optional<Monitor> get(String id, String visibleTo) {
        return store.get(id).filter(m -> visibleTo == null || m.owner() == null || m.owner().equals(visibleTo));
    }

    public Listing<Monitor> list(String visibleTo, ListQuery q) {
        return store.list(visibleTo, q);
    }

    public boolean delete(String id) {
        boolean gone = store.delete(id);
        if (gone && storage != null) storage.releaseHolds(PageCheck.holder(id));
        return gone;
    }
}
