package io.pagelens.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChromiumFlagsTest {
    private static final Path PROFILE = Path.of("/tmp/p");

    @Test
    void headlessShell_getsNoHeadlessFlag_fullChromiumDoes() {
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of())).doesNotContain("--headless");
        assertThat(ChromiumFlags.build(BrowserConfig.FULL_CHROMIUM, PROFILE, 0, List.of())).contains("--headless");
        assertThat(ChromiumFlags.build(Path.of("/opt/chrome-headless-shell"), PROFILE, 0, List.of())).doesNotContain("--headless");
    }

    @Test
    void baseFlags_haveNoneOfTheSeedGuidesMistakes() {
        List<String> argv = ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 256, List.of());
        assertThat(argv).contains("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--hide-scrollbars",
                "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=/tmp/p");
        assertThat(argv).doesNotContain("--memory-pressure-off", "--single-process", "--max-old-space-size=256");
        assertThat(argv).contains("--js-flags=--max-old-space-size=256");
        assertThat(argv).noneMatch(a -> a.contains("\"") || a.contains("'"));
        assertThat(argv.getFirst()).isEqualTo(BrowserConfig.HEADLESS_SHELL.toString());
    }

    @Test
    void jsHeapZero_leavesV8Alone() {
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of())).noneMatch(a -> a.startsWith("--js-flags"));
    }

    @Test
    void disableFeatures_isOneListMergedWithTheUsers() {
        List<String> argv = ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0,
                List.of("--disable-features=site-per-process", "--disable-features=Foo,Translate"));
        List<String> lists = argv.stream().filter(a -> a.startsWith("--disable-features=")).toList();
        assertThat(lists).hasSize(1);
        assertThat(lists.getFirst().substring("--disable-features=".length()).split(","))
                .contains("site-per-process", "Foo", "Translate", "BackForwardCache")
                .doesNotHaveDuplicates();
    }

    @Test
    void extraArgs_comeAfterBaseFlags() {
        List<String> argv = ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0,
                ShellWords.split("--host-resolver-rules=\"MAP * ~NOTFOUND\" --lang=de"));
        int rules = argv.indexOf("--host-resolver-rules=MAP * ~NOTFOUND");
        assertThat(rules).isGreaterThan(argv.indexOf("--no-sandbox")).isGreaterThan(argv.indexOf("--remote-debugging-pipe"));
        assertThat(argv.indexOf("--lang=de")).isGreaterThan(rules);
    }

    @Test
    void lowEndDeviceMode_isOnByDefault_andTheUserCanKeepDesktopMode() {
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of())).contains("--enable-low-end-device-mode");
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of("--disable-low-end-device-mode")))
                .doesNotContain("--enable-low-end-device-mode").contains("--disable-low-end-device-mode");
    }

    @Test
    void framePacing_isLiftedByDefault_andTheUserCanKeepIt_withoutTheWordReachingChromium() {
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of())).contains("--disable-frame-rate-limit");
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, List.of("--enable-frame-rate-limit", "--lang=de")))
                .doesNotContain("--disable-frame-rate-limit", "--enable-frame-rate-limit").contains("--lang=de");
    }

    @Test
    void egressProxy_sendsEverythingThroughIt_loopbackAndWebRtcIncluded() {
        List<String> argv = ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, "http://127.0.0.1:4567", List.of());
        assertThat(argv).contains("--proxy-server=http://127.0.0.1:4567", "--proxy-bypass-list=<-loopback>",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp");
        assertThat(ChromiumFlags.build(BrowserConfig.HEADLESS_SHELL, PROFILE, 0, null, List.of())).noneMatch(a -> a.startsWith("--proxy"));
    }

    @Test
    void proxyFlagsInChromeArgs_areRefusedWhileTheGuardIsOn() {
        io.pagelens.egress.EgressGuard on = io.pagelens.egress.EgressGuard.start(
                io.pagelens.egress.EgressSettings.allowing(""), io.pagelens.egress.Resolver.system(), null);
        try (on) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BrowserSupervisor(BrowserConfig.defaults(BrowserConfig.HEADLESS_SHELL,
                            List.of("--proxy-server=http://127.0.0.9:3128")), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), on))
                    .isInstanceOf(io.pagelens.config.ConfigException.class).hasMessageContaining("PAGELENS_CHROME_ARGS")
                    .hasMessageContaining("egress guard");
        }
        // with the guard off, the user's own proxy is theirs to choose
        new BrowserSupervisor(BrowserConfig.defaults(BrowserConfig.HEADLESS_SHELL, List.of("--proxy-server=http://127.0.0.9:3128")),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), io.pagelens.egress.EgressGuard.off()).close();
    }
}
