package io.pagelens.browser;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The supervisor's lifecycle against real Chromium; every test ends with no process left. */
class BrowserSupervisorIT {
    private static final List<String> ARGS = List.of("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");

    private static BrowserConfig config() {
        return BrowserConfig.defaults(BrowserConfig.HEADLESS_SHELL, ARGS);
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(30);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Killed processes vanish once reaped (re-parented ones by init), which may take a moment. */
    private static void assertAllGone(List<Long> pids) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (pids.stream().anyMatch(BrowserSupervisorIT::alive) && System.nanoTime() < end) Thread.sleep(100);
        assertThat(pids).as("processes of a stopped browser").noneMatch(BrowserSupervisorIT::alive);
    }

    /** The --user-data-dir of a running browser, from its command line. */
    private static Path profileOf(long pid) throws Exception {
        for (String arg : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).split("\0")) {
            if (arg.startsWith("--user-data-dir=")) return Path.of(arg.substring("--user-data-dir=".length()));
        }
        throw new AssertionError("no --user-data-dir on the browser's command line");
    }

    @Test
    void launchesLazily_andCloseKillsTheWholeTree_andRemovesItsFiles() throws Exception {
        List<Long> tree;
        Path tempDir;
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            assertThat(s.processIds()).as("nothing runs before the first capture").isEmpty();
            try (BrowserSupervisor.Tab tab = s.openTab(soon())) {
                tab.session().send(Commands.navigate("data:text/html,<p>hi</p>"), Duration.ofSeconds(10));
                assertThat(s.inFlight()).isEqualTo(1);
                tree = s.processIds();
                assertThat(tree.size()).as("browser, zygotes, renderer, utilities").isGreaterThanOrEqualTo(3);
                tempDir = profileOf(tree.getFirst()).getParent();
                assertThat(tempDir.getFileName().toString()).startsWith("pagelens-chrome-");
                assertThat(tempDir.resolve("in")).exists(); // the FIFOs
            }
            assertThat(s.inFlight()).isZero();
            assertThat(tempDir).as("kept while the browser runs").exists();
        }
        assertAllGone(tree);
        assertThat(tempDir).as("profile and FIFOs removed").doesNotExist();
    }

    @Test
    void closeIdleContexts_closesOnlyContextsNoCaptureUses() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            assertThat(s.closeIdleContexts()).as("no browser, nothing to close").isZero();
            try (BrowserSupervisor.Tab inFlight = s.openTab(soon())) {
                // what a capture whose dispose timed out leaves behind: a context with a page in it, and nobody using it
                String stray = s.browserSession().send(Commands.createBrowserContext(), Duration.ofSeconds(10));
                s.browserSession().send(Commands.createTarget("data:text/html,<p>left behind</p>", stray), Duration.ofSeconds(10));
                List<String> before = s.browserSession().send(Commands.getBrowserContexts(), Duration.ofSeconds(10));
                assertThat(before).contains(stray, inFlight.contextId());

                assertThat(s.closeIdleContexts()).isEqualTo(1);
                List<String> after = s.browserSession().send(Commands.getBrowserContexts(), Duration.ofSeconds(10));
                assertThat(after).containsExactly(inFlight.contextId());
                // the capture in flight goes on
                inFlight.session().send(Commands.navigate("data:text/html,<p>still here</p>"), Duration.ofSeconds(10));
                assertThat(s.closeIdleContexts()).as("nothing left to close").isZero();
            }
            assertThat(s.browserSession().send(Commands.getBrowserContexts(), Duration.ofSeconds(10))).isEmpty();
        }
    }

    @Test
    void closesAfterIdle_andRelaunchesOnNextUse() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config().withIdleTimeout(Duration.ofMillis(800)), new SimpleMeterRegistry())) {
            s.openTab(soon()).close();
            List<Long> first = s.processIds();
            assertThat(first).isNotEmpty();
            Thread.sleep(2_000);
            assertThat(s.processIds()).as("closed after idle").isEmpty();
            assertAllGone(first);
            try (BrowserSupervisor.Tab tab = s.openTab(soon())) {
                assertThat(tab.browserPid()).isNotEqualTo(first.getFirst());
            }
        }
    }

    @Test
    void recyclesAfterMaxCaptures() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config().withMaxCaptures(2), new SimpleMeterRegistry())) {
            long a;
            long b;
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                a = t.browserPid();
            }
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                b = t.browserPid();
            }
            assertThat(b).isEqualTo(a);
            assertThat(alive(a)).as("recycled once its second capture ended").isFalse();
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                assertThat(t.browserPid()).isNotEqualTo(a);
            }
        }
    }

    @Test
    void recyclesWhenOverTheMemoryThreshold() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config().withMaxRssMb(1), new SimpleMeterRegistry())) {
            long a;
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                a = t.browserPid();
            }
            assertThat(alive(a)).as("any real browser is over 1 MB").isFalse();
            assertThat(s.processIds()).isEmpty();
        }
    }

    @Test
    void recycleWhenIdle_waitsForTheCaptureInFlight() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            BrowserSupervisor.Tab t = s.openTab(soon());
            long pid = t.browserPid();
            s.recycleWhenIdle();
            assertThat(alive(pid)).as("still serving its capture").isTrue();
            t.session().send(Commands.getLayoutMetrics(), Duration.ofSeconds(5));
            t.close();
            assertThat(alive(pid)).isFalse();
        }
    }

    @Test
    void crashedPage_failsItsCommands_andTheBrowserServesTheNext() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            long pid;
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                pid = t.browserPid();
                t.session().sendAsync(Commands.crashPage(), Duration.ofSeconds(5));
                assertThatThrownBy(() -> t.session().send(Commands.evaluate("new Promise(() => {})"), Duration.ofSeconds(20)))
                        .isInstanceOfSatisfying(CdpException.class, e -> assertThat(e.kind()).isEqualTo(CdpException.Kind.TARGET_CRASHED));
            }
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                assertThat(t.browserPid()).isEqualTo(pid);
                assertThat(t.session().send(Commands.evaluate("1 + 1"), Duration.ofSeconds(5)).value().asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void hungBrowser_isDetectedByTimeoutAndHealthCheck_andReplaced() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            long pid;
            List<Long> tree;
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                pid = t.browserPid();
                tree = s.processIds();
                new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor(); // freeze: a hang
                CdpException timeout = org.junit.jupiter.api.Assertions.assertThrows(CdpException.class,
                        () -> t.session().send(Commands.evaluate("1"), Duration.ofMillis(500)));
                assertThat(timeout.kind()).isEqualTo(CdpException.Kind.TIMEOUT);
                assertThat(s.reportFailure(t, timeout)).as("browser judged hung").isTrue();
            }
            assertAllGone(tree);
            try (BrowserSupervisor.Tab t = s.openTab(soon())) {
                assertThat(t.browserPid()).isNotEqualTo(pid);
                assertThat(t.session().send(Commands.evaluate("3"), Duration.ofSeconds(5)).value().asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void slowPage_isNotMistakenForAHungBrowser() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry());
             BrowserSupervisor.Tab t = s.openTab(soon())) {
            CdpException timeout = org.junit.jupiter.api.Assertions.assertThrows(CdpException.class,
                    () -> t.session().send(Commands.evaluate("new Promise(r => setTimeout(r, 3000))"), Duration.ofMillis(300)));
            assertThat(s.reportFailure(t, timeout)).isFalse();
            assertThat(s.processIds()).contains(t.browserPid());
        }
    }

    @Test
    void memoryPressureSignal_isAcceptedByPages() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry());
             BrowserSupervisor.Tab t = s.openTab(soon())) {
            t.session().send(Commands.simulateMemoryPressure("critical"), Duration.ofSeconds(5));
            s.signalMemoryPressure();
            assertThat(t.session().send(Commands.evaluate("4"), Duration.ofSeconds(5)).value().asInt()).isEqualTo(4);
        }
    }

    @Test
    void abortYoungest_failsTheNewestCapture_withTheReason() throws Exception {
        try (BrowserSupervisor s = new BrowserSupervisor(config(), new SimpleMeterRegistry())) {
            assertThat(s.abortYoungest("nothing runs")).isFalse();
            try (BrowserSupervisor.Tab old = s.openTab(soon()); BrowserSupervisor.Tab young = s.openTab(soon())) {
                s.signalMemoryPressure();
                assertThat(s.abortYoungest("memory critical")).isTrue();
                assertThat(young.abortReason()).isEqualTo("memory critical");
                assertThat(old.abortReason()).isNull();
                assertThatThrownBy(() -> young.session().send(Commands.evaluate("1"), Duration.ofSeconds(5)))
                        .isInstanceOf(CdpException.class);
                assertThat(old.session().send(Commands.evaluate("2"), Duration.ofSeconds(5)).value().asInt()).isEqualTo(2);
            }
        }
    }

    @Test
    void missingBinary_isAClearErrorNamingChromePath() {
        assertThatThrownBy(() -> BrowserConfig.resolveBinary("/no/such/chrome"))
                .hasMessageContaining("CHROME_PATH").hasMessageContaining("/no/such/chrome");
        BrowserConfig bad = BrowserConfig.defaults(Path.of("/bin/false"), List.of());
        try (BrowserSupervisor s = new BrowserSupervisor(bad, new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> s.openTab(soon()))
                    .isInstanceOf(BrowserUnavailableException.class)
                    .hasMessageContaining("Chromium could not be started");
        }
    }

    @Test
    void fullChromium_worksToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(BrowserConfig.FULL_CHROMIUM), "full chromium not installed");
        BrowserConfig full = BrowserConfig.defaults(BrowserConfig.FULL_CHROMIUM, ARGS);
        List<Long> tree;
        try (BrowserSupervisor s = new BrowserSupervisor(full, new SimpleMeterRegistry());
             BrowserSupervisor.Tab t = s.openTab(soon())) {
            t.session().send(Commands.navigate("data:text/html,<title>ok</title>"), Duration.ofSeconds(20));
            assertThat(t.session().send(Commands.evaluate("navigator.userAgent"), Duration.ofSeconds(5)).value().asText())
                    .contains("HeadlessChrome");
            tree = s.processIds();
        }
        assertAllGone(tree);
    }
}
