package io.pagelens.memory;

import com.github.benmanes.caffeine.cache.Cache;

import java.util.Map;
import java.util.function.Function;

/** One named cache inside {@link Caches}: entries count against the global cap and expire after the cache's TTL. */
public final class BoundedCache<K, V> {
    private final String name;
    private final Cache<Caches.Key, Object> store;

    BoundedCache(String name, Cache<Caches.Key, Object> store) {
        this.name = name;
        this.store = store;
    }

    public String name() {
        return name;
    }

    @SuppressWarnings("unchecked") // only V is stored under this cache's name
    public V getIfPresent(K key) {
        return (V) store.getIfPresent(new Caches.Key(name, key));
    }

    /** The cached value, or one computed by {@code loader} (once per key at a time) and cached. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<? super K, ? extends V> loader) {
        return (V) store.get(new Caches.Key(name, key), k -> loader.apply(key));
    }

    public void put(K key, V value) {
        store.put(new Caches.Key(name, key), value);
    }

    public void invalidate(K key) {
        store.invalidate(new Caches.Key(name, key));
    }

    /** Bytes held by this cache's entries (walks the entries; for metrics, not hot paths). */
    public long weightBytes() {
        var eviction = store.policy().eviction();
        if (eviction.isEmpty()) return 0;
        long sum = 0;
        for (Map.Entry<Caches.Key, Object> e : store.asMap().entrySet()) {
            if (e.getKey().cache().equals(name)) sum += eviction.get().weightOf(e.getKey()).orElse(0);
        }
        return sum;
    }
}
