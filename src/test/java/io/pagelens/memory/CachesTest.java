package io.pagelens.memory;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachesTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static int bytes(String k, byte[] v) {
        return v.length;
    }

    @Test
    void globalCap_holdsForTheSumOfAllCaches() {
        Caches caches = new Caches(10_000, ticker, registry);
        BoundedCache<String, byte[]> a = caches.create("a", CachesTest::bytes, Duration.ofHours(1));
        BoundedCache<String, byte[]> b = caches.create("b", CachesTest::bytes, Duration.ofHours(1));
        for (int i = 0; i < 20; i++) {
            a.put("a" + i, new byte[1000]);
            b.put("b" + i, new byte[1000]);
        }
        assertThat(caches.weightBytes()).isLessThanOrEqualTo(10_000).isPositive();
        assertThat(a.weightBytes() + b.weightBytes()).isEqualTo(caches.weightBytes());
        assertThat(registry.get("pagelens.cache.weight").gauge().value()).isEqualTo(caches.weightBytes());
        assertThat(registry.get("pagelens.cache.cap").gauge().value()).isEqualTo(10_000);
    }

    @Test
    void entriesExpireAfterTheirCachesTtl() {
        Caches caches = new Caches(1_000_000, ticker, registry);
        BoundedCache<String, byte[]> shortLived = caches.create("short", CachesTest::bytes, Duration.ofMinutes(1));
        BoundedCache<String, byte[]> longLived = caches.create("long", CachesTest::bytes, Duration.ofHours(1));
        shortLived.put("k", new byte[10]);
        longLived.put("k", new byte[10]);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(shortLived.getIfPresent("k")).as("read does not extend the TTL").isNotNull();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(shortLived.getIfPresent("k")).isNull();
        assertThat(longLived.getIfPresent("k")).isNotNull();
    }

    @Test
    void sameKeyInTwoCachesAreTwoEntries() {
        Caches caches = new Caches(1_000_000, ticker, registry);
        BoundedCache<String, String> a = caches.create("a", (k, v) -> v.length(), Duration.ofHours(1));
        BoundedCache<String, String> b = caches.create("b", (k, v) -> v.length(), Duration.ofHours(1));
        a.put("k", "from a");
        b.put("k", "from b");
        assertThat(a.getIfPresent("k")).isEqualTo("from a");
        assertThat(b.get("other", k -> "loaded " + k)).isEqualTo("loaded other");
        b.invalidate("k");
        assertThat(a.getIfPresent("k")).isEqualTo("from a");
        assertThat(b.getIfPresent("k")).isNull();
    }

    @Test
    void dropAll_emptiesEverythingAndReportsWhatWasHeld() {
        Caches caches = new Caches(1_000_000, ticker, registry);
        BoundedCache<String, byte[]> a = caches.create("a", CachesTest::bytes, Duration.ofHours(1));
        a.put("x", new byte[500]);
        assertThat(caches.dropAll()).isEqualTo(500 + Caches.ENTRY_OVERHEAD_BYTES);
        assertThat(caches.weightBytes()).isZero();
        assertThat(a.getIfPresent("x")).isNull();
    }

    @Test
    void capZero_cachesNothing() {
        Caches caches = new Caches(0, ticker, registry);
        BoundedCache<String, byte[]> a = caches.create("a", CachesTest::bytes, Duration.ofHours(1));
        a.put("x", new byte[1]);
        assertThat(a.getIfPresent("x")).isNull();
    }

    @Test
    void badDefinitionsAreRefusedNamingTheCache() {
        Caches caches = new Caches(1000, ticker, registry);
        caches.create("a", CachesTest::bytes, Duration.ofHours(1));
        assertThatThrownBy(() -> caches.create("a", CachesTest::bytes, Duration.ofHours(1))).hasMessage("cache a was already created");
        assertThatThrownBy(() -> caches.create("b", CachesTest::bytes, Duration.ZERO)).hasMessage("ttl must be positive for cache b, was PT0S");
        assertThatThrownBy(() -> caches.create("c", null, Duration.ofHours(1))).hasMessage("weigher must be given for cache c");
        assertThatThrownBy(() -> new Caches(-1, ticker, registry)).hasMessage("capBytes must not be negative, was -1");
    }
}
