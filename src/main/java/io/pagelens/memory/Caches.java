package io.pagelens.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.Weigher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every in-memory cache of pagelens, under one global weight cap ({@code PAGELENS_CACHE_MB}, default 32 MB).
 *
 * <p>All caches share one Caffeine cache weighed in bytes, so the cap holds for their sum and eviction
 * picks the coldest entry of any of them. Each named cache brings its own {@link Weigher} (bytes of a
 * value, as near as the caller can tell) and TTL. As Caffeine says of its own bound: the total may briefly
 * exceed the cap before eviction catches up. {@link #dropAll()} empties everything (done under memory pressure).
 *
 * <pre>{@code
 * BoundedCache<String, BrandAnalysis> brands = caches.create("brand-analysis", (k, v) -> v.json().length() * 2, Duration.ofHours(1));
 * }</pre>
 */
public final class Caches {
    private static final Logger log = LoggerFactory.getLogger(Caches.class);
    /** Caffeine's and the key's own overhead per entry, added to every weight. */
    static final int ENTRY_OVERHEAD_BYTES = 96;

    private final long capBytes;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Cache<Key, Object> store;
    private final MeterRegistry registry;

    /** A cap of 0 disables caching (every entry is evicted at once). */
    public Caches(long capBytes, Ticker ticker, MeterRegistry registry) {
        if (capBytes < 0) throw new IllegalArgumentException("capBytes must not be negative, was " + capBytes);
        this.capBytes = capBytes;
        this.registry = registry;
        this.store = Caffeine.newBuilder()
                .maximumWeight(capBytes)
                .weigher((Key k, Object v) -> ENTRY_OVERHEAD_BYTES + Math.max(0, namespaces.get(k.cache()).weigh(k.key(), v)))
                .expireAfter(new Expiry<Key, Object>() {
                    @Override
                    public long expireAfterCreate(Key k, Object v, long now) {
                        return namespaces.get(k.cache()).ttl.toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key k, Object v, long now, long current) {
                        return namespaces.get(k.cache()).ttl.toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key k, Object v, long now, long current) {
                        return current; // time to live, not time to idle
                    }
                })
                .ticker(ticker)
                .executor(Runnable::run) // maintenance inline: small caches, and tests see a settled state
                .build();
        Gauge.builder(MeterNames.CACHE_WEIGHT, this, Caches::weightBytes).baseUnit("bytes").register(registry);
        Gauge.builder(MeterNames.CACHE_CAP, this, Caches::capBytes).baseUnit("bytes").register(registry);
        Gauge.builder(MeterNames.CACHE_ENTRIES, store, Cache::estimatedSize).register(registry);
    }

    public Caches(MemorySettings settings, MeterRegistry registry) {
        this(settings.cacheBytes(), Ticker.systemTicker(), registry);
    }

    /**
     * A new named cache.
     *
     * @param name    unique, shown in metrics
     * @param weigher bytes one entry holds (key and value)
     * @param ttl     time to live after write; positive
     */
    public <K, V> BoundedCache<K, V> create(String name, Weigher<? super K, ? super V> weigher, Duration ttl) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (weigher == null) throw new IllegalArgumentException("weigher must be given for cache " + name);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive for cache " + name + ", was " + ttl);
        @SuppressWarnings("unchecked") // the cache's own K and V are the only ones ever stored under its name
        Namespace ns = new Namespace((Weigher<Object, Object>) weigher, ttl);
        if (namespaces.putIfAbsent(name, ns) != null) throw new IllegalArgumentException("cache " + name + " was already created");
        BoundedCache<K, V> cache = new BoundedCache<>(name, store);
        Gauge.builder(MeterNames.CACHE_WEIGHT_BY_CACHE, cache, BoundedCache::weightBytes).tag("cache", name)
                .baseUnit("bytes").register(registry);
        return cache;
    }

    public long capBytes() {
        return capBytes;
    }

    /** Weight of every cached entry, bytes. */
    public long weightBytes() {
        return store.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    public long entries() {
        return store.estimatedSize();
    }

    /** Empties every cache; returns the bytes that were held. */
    public long dropAll() {
        long before = weightBytes();
        store.invalidateAll();
        store.cleanUp();
        log.atInfo().addKeyValue("freedBytes", before).addKeyValue("entriesAfter", entries()).log("caches dropped");
        return before;
    }

    record Key(String cache, Object key) {
    }

    /** One named cache: how to weigh its entries and how long they live. */
    private record Namespace(Weigher<Object, Object> weigher, Duration ttl) {
        int weigh(Object k, Object v) {
            return weigher.weigh(k, v);
        }
    }
}
