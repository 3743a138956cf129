package io.pagelens.memory;

import io.pagelens.jobs.MutableClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.memory.Admission.AdmissionException;
import io.pagelens.memory.Admission.Permit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.pagelens.memory.CaptureKind.FULL_PAGE;
import static io.pagelens.memory.CaptureKind.VIEWPORT;
import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admission with a fake clock and fake readings. Costs are fixed by a CostModel whose floor equals its cap
 * where a test needs exact arithmetic.
 */
class MemoryGovernorTest {
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Permit> held = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<?>> waiting = new ArrayList<>();

    /** Every capture costs exactly {@code costMb}. */
    private MemoryGovernor governor(long ceilingMb, int maxConcurrency, long costMb) {
        return new MemoryGovernor(ceilingMb * MB, maxConcurrency, new CostModel(costMb * MB, costMb * MB), clock, registry);
    }

    private Instant later() {
        return clock.instant().plusSeconds(60);
    }

    private void sample(MemoryGovernor g, long usedMb, PressureLevel level) {
        g.onMemory(MemorySample.ofUsed(clock.instant(), usedMb * MB), level);
    }

    private int admitAllThatFit(MemoryGovernor g, CaptureKind kind) throws Exception {
        int n = 0;
        while (true) {
            try {
                held.add(g.admit(kind, null, clock.instant())); // deadline now: admit or refuse, no waiting
                n++;
            } catch (AdmissionException e) {
                return n;
            }
        }
    }

    @AfterEach
    void releaseAll() {
        held.forEach(Permit::close);
        waiting.forEach(f -> f.cancel(true));
    }

    @Test
    void concurrency_followsHeadroom() throws Exception {
        MemoryGovernor g = governor(400, 8, 64);
        sample(g, 100, PressureLevel.OK);
        // 400 - 100 = 300 MB of headroom holds four 64 MB reservations (256), not five
        assertThat(admitAllThatFit(g, VIEWPORT)).isEqualTo(4);
        assertThat(g.status().reservedBytes()).isEqualTo(256 * MB);
    }

    @Test
    void concurrency_fallsWhenMemoryRises_andRisesWhenItFalls() throws Exception {
        MemoryGovernor g = governor(400, 8, 64);
        sample(g, 300, PressureLevel.OK);
        assertThat(admitAllThatFit(g, VIEWPORT)).as("100 MB headroom: one").isEqualTo(1);
        held.removeFirst().close();
        sample(g, 120, PressureLevel.OK);
        assertThat(admitAllThatFit(g, VIEWPORT)).as("280 MB headroom: four").isEqualTo(4);
    }

    @Test
    void growthAlreadyVisibleInTheSampleIsNotCountedTwice() throws Exception {
        MemoryGovernor g = governor(400, 8, 64);
        sample(g, 100, PressureLevel.OK);
        held.add(g.admit(VIEWPORT, null, later()));
        // the capture has grown by its full cost: its reservation is now all in "used"
        sample(g, 164, PressureLevel.OK);
        assertThat(g.status().reservedBytes()).isZero();
        assertThat(g.status().headroomBytes()).isEqualTo(236 * MB);
    }

    @Test
    void fullPagesAndPdfs_stopAtTheirOwnCap_viewportsStillFit() throws Exception {
        MemoryGovernor g = new MemoryGovernor(1000 * MB, 4, 2, new CostModel(64 * MB, 64 * MB), clock, registry);
        sample(g, 100, PressureLevel.OK);
        held.add(g.admit(CaptureKind.FULL_PAGE, null, later()));
        held.add(g.admit(CaptureKind.PDF, null, later()));
        assertThatThrownBy(() -> g.admit(CaptureKind.FULL_PAGE, null, clock.instant()))
                .isInstanceOf(AdmissionException.class).hasMessageContaining("all 2 full-page/PDF slots are busy");
        assertThat(admitAllThatFit(g, VIEWPORT)).as("memory and the overall cap of 4 still allow two viewports").isEqualTo(2);
        held.removeFirst().close();
        held.removeFirst().close();
        assertThat(admitAllThatFit(g, CaptureKind.FULL_PAGE)).as("the two viewports leave two full-page slots").isEqualTo(2);
    }

    @Test
    void neverAboveMaxConcurrency() throws Exception {
        MemoryGovernor g = governor(4000, 2, 16);
        sample(g, 0, PressureLevel.OK);
        assertThat(admitAllThatFit(g, VIEWPORT)).isEqualTo(2);
    }

    @Test
    void alwaysOneWhenNothingRuns_evenIfTheCostDoesNotFit() throws Exception {
        MemoryGovernor g = governor(300, 4, 200);
        sample(g, 290, PressureLevel.HIGH);
        assertThat(admitAllThatFit(g, FULL_PAGE)).isEqualTo(1);
    }

    @Test
    void highPressure_pausesAdmissionWhileCapturesRun() throws Exception {
        MemoryGovernor g = governor(400, 8, 16);
        sample(g, 100, PressureLevel.OK);
        held.add(g.admit(VIEWPORT, null, later()));
        sample(g, 100, PressureLevel.HIGH);
        assertThatThrownBy(() -> g.admit(VIEWPORT, "a.example", clock.instant()))
                .isInstanceOf(AdmissionException.class)
                .hasMessage("no capacity for a viewport capture of a.example before its deadline: memory pressure is high, "
                        + "admission paused (needs ~16 MB; 100 MB used, 16 MB reserved, ceiling 400 MB; 1 in flight, 0 waiting)");
        assertThat(g.status().ready()).isFalse();
    }

    @Test
    void criticalPressure_admitsNothingEvenWhenIdle() {
        MemoryGovernor g = governor(400, 8, 16);
        sample(g, 390, PressureLevel.CRITICAL);
        assertThatThrownBy(() -> g.admit(VIEWPORT, null, clock.instant()))
                .isInstanceOf(AdmissionException.class).hasMessageContaining("memory pressure is critical");
    }

    @Test
    void waiter_isAdmittedWhenAPermitCloses() throws Exception {
        MemoryGovernor g = governor(400, 1, 16);
        Permit first = g.admit(VIEWPORT, null, later());
        CompletableFuture<Permit> second = admitAsync(g, VIEWPORT, later());
        eventually(() -> g.status().waiting() == 1);
        assertThat(second).isNotDone();
        first.close();
        held.add(second.get(5, TimeUnit.SECONDS));
        assertThat(g.status().inFlight()).isEqualTo(1);
    }

    @Test
    void waiter_isAdmittedWhenMemoryFalls() throws Exception {
        MemoryGovernor g = governor(400, 8, 64);
        sample(g, 300, PressureLevel.OK);
        held.add(g.admit(VIEWPORT, null, later()));
        CompletableFuture<Permit> second = admitAsync(g, VIEWPORT, later());
        eventually(() -> g.status().waiting() == 1);
        sample(g, 150, PressureLevel.OK);
        held.add(second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void waiter_givesUpAtItsDeadline_withTheReason() throws Exception {
        MemoryGovernor g = governor(400, 8, 64);
        sample(g, 300, PressureLevel.OK);
        held.add(g.admit(FULL_PAGE, null, later()));
        CompletableFuture<Permit> second = admitAsync(g, FULL_PAGE, clock.instant().plusSeconds(30));
        eventually(() -> g.status().waiting() == 1);
        clock.advance(Duration.ofSeconds(31));
        g.recheck();
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AdmissionException.class)
                .hasMessageContaining("full_page capture before its deadline: not enough memory headroom (needs ~64 MB; 300 MB used");
        assertThat(g.status().waiting()).isZero();
        assertThat(registry.get("pagelens.admission.timeouts").tag("kind", "full_page").counter().count()).isEqualTo(1);
    }

    @Test
    void waiters_areServedFirstComeFirstServed_soABigCaptureIsNotStarved() throws Exception {
        CostModel costs = new CostModel(16 * MB, 1024 * MB);
        for (int i = 0; i < 40; i++) costs.observe(FULL_PAGE, null, 150 * MB); // estimate ~225 MB
        for (int i = 0; i < 40; i++) costs.observe(VIEWPORT, null, 16 * MB);   // estimate ~24 MB
        MemoryGovernor g = new MemoryGovernor(400 * MB, 8, costs, clock, registry);
        sample(g, 100, PressureLevel.OK);
        Permit running = g.admit(FULL_PAGE, null, later()); // ~225 reserved, ~75 headroom left
        CompletableFuture<Permit> big = admitAsync(g, FULL_PAGE, later());
        eventually(() -> g.status().waiting() == 1);
        CompletableFuture<Permit> small = admitAsync(g, VIEWPORT, later());
        eventually(() -> g.status().waiting() == 2);
        g.recheck();
        Thread.sleep(100); // room for a wrong admission to happen
        assertThat(small).as("a small capture would fit, but the big one came first").isNotDone();
        assertThat(g.status().waiting()).isEqualTo(2);
        running.close();
        held.add(big.get(5, TimeUnit.SECONDS));
        held.add(small.get(5, TimeUnit.SECONDS));
    }

    @Test
    void learnsTheCostFromThePeakDuringTheCapture() throws Exception {
        CostModel costs = new CostModel(16 * MB, 1024 * MB);
        MemoryGovernor g = new MemoryGovernor(1000 * MB, 8, costs, clock, registry);
        long prior = costs.estimate(VIEWPORT);
        for (int i = 0; i < 20; i++) {
            sample(g, 200, PressureLevel.OK);
            Permit p = g.admit(VIEWPORT, "big.example", later());
            sample(g, 260, PressureLevel.OK);
            sample(g, 410, PressureLevel.OK); // peak: +210 MB
            sample(g, 230, PressureLevel.OK);
            p.close();
        }
        // learned mean ~210 MB, reserved with half of it again as spread
        assertThat(costs.estimate(VIEWPORT)).isGreaterThan(prior).isBetween(310 * MB, 320 * MB);
        assertThat(costs.estimate(VIEWPORT, "big.example")).isBetween(310 * MB, 320 * MB);
    }

    @Test
    void concurrentGrowthIsSharedAmongTheCapturesThatCausedIt() throws Exception {
        CostModel costs = new CostModel(16 * MB, 1024 * MB);
        MemoryGovernor g = new MemoryGovernor(1000 * MB, 8, costs, clock, registry);
        for (int i = 0; i < 20; i++) {
            sample(g, 200, PressureLevel.OK);
            Permit a = g.admit(VIEWPORT, null, later());
            Permit b = g.admit(VIEWPORT, null, later());
            sample(g, 300, PressureLevel.OK); // two captures together: +100 MB, so ~50 MB each
            a.close();
            b.close();
        }
        assertThat(costs.estimate(VIEWPORT)).as("~50 MB each, plus spread").isBetween(75 * MB, 80 * MB);
    }

    @Test
    void aWaitingCaptureIsWeighedWithWhatWasLearnedWhileItWaited() throws Exception {
        CostModel costs = new CostModel(16 * MB, 1024 * MB); // priors: viewport 96 MB, full page 192 MB
        MemoryGovernor g = new MemoryGovernor(500 * MB, 8, costs, clock, registry);
        sample(g, 100, PressureLevel.OK);
        held.add(g.admit(VIEWPORT, null, later())); // 96 MB reserved: 304 MB left, fits one full page only
        held.add(g.admit(FULL_PAGE, null, later()));
        CompletableFuture<Permit> waiter = admitAsync(g, FULL_PAGE, later());
        eventually(() -> g.status().waiting() == 1);
        for (int i = 0; i < 30; i++) costs.observe(FULL_PAGE, null, 40 * MB);
        g.recheck();
        held.add(waiter.get(5, TimeUnit.SECONDS));
    }

    @Test
    void captureTooShortToBeSampledTeachesNothing() throws Exception {
        CostModel costs = new CostModel(16 * MB, 1024 * MB);
        MemoryGovernor g = new MemoryGovernor(1000 * MB, 8, costs, clock, registry);
        long prior = costs.estimate(VIEWPORT);
        g.admit(VIEWPORT, null, later()).close();
        assertThat(costs.estimate(VIEWPORT)).isEqualTo(prior);
    }

    @Test
    void permitCloseIsIdempotent() throws Exception {
        MemoryGovernor g = governor(400, 8, 16);
        Permit p = g.admit(VIEWPORT, null, later());
        Permit q = g.admit(VIEWPORT, null, later());
        p.close();
        p.close();
        assertThat(g.status().inFlight()).isEqualTo(1);
        q.close();
        assertThat(registry.get("pagelens.admission.admitted").tag("kind", "viewport").counter().count()).isEqualTo(2);
    }

    @Test
    void interruptedWaiterLeavesTheQueue() throws Exception {
        MemoryGovernor g = governor(400, 1, 16);
        held.add(g.admit(VIEWPORT, null, later()));
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                g.admit(VIEWPORT, null, later());
            } catch (InterruptedException | AdmissionException e) {
                // expected
            }
        });
        eventually(() -> g.status().waiting() == 1);
        t.interrupt();
        t.join(5000);
        assertThat(g.status().waiting()).isZero();
    }

    private CompletableFuture<Permit> admitAsync(MemoryGovernor g, CaptureKind kind, Instant deadline) {
        CompletableFuture<Permit> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(g.admit(kind, null, deadline));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        waiting.add(f);
        return f;
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within 5 s");
            Thread.sleep(5);
        }
    }
}
