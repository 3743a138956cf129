package io.pagelens.limits;

import io.pagelens.jobs.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void burst_thenRefillAtTheRate() {
        TokenBucket b = new TokenBucket(60, 3, clock); // one per second, three at once
        assertThat(b.take()).isZero();
        assertThat(b.take()).isZero();
        assertThat(b.take()).isZero();
        assertThat(b.take()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(b.take()).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(b.take()).isZero();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket b = new TokenBucket(60, 1, clock);
        clock.advance(Duration.ofHours(1));
        assertThat(b.take()).isZero();
        assertThat(b.take()).isPositive();
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, clock)).hasMessageContaining("perMinute");
        assertThatThrownBy(() -> new TokenBucket(1, 0, clock)).hasMessageContaining("capacity");
    }
}
