package io.pagelens.browser;

import io.pagelens.egress.EgressGuard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Chromium command line. Each base flag is here because it saves memory or CPU, keeps the run
 * reproducible on a closed network, or is needed for the pipe; see the comments. Flags that the seed guide
 * used wrongly are absent on purpose: no --memory-pressure-off (it disables Chromium's own reclaiming), no
 * --single-process (breaks browser contexts), no Node-only --max-old-space-size.
 */
public final class ChromiumFlags {
    /** Features switched off in ONE --disable-features list (Chromium honours only the last copy of the flag). */
    static final List<String> DISABLED_FEATURES = List.of(
            "Translate", "OptimizationHints", "MediaRouter", "DialMediaRouteProvider", // no UI, no network chatter
            "BackForwardCache", // a capture never goes back: cached pages would only hold memory
            "AcceptCHFrame", "InterestFeedContentSuggestions", "CalculateNativeWinOcclusion",
            "HttpsUpgrades"); // corpus and intranet pages are plain http; do not rewrite them

    static final List<String> BASE = List.of(
            "--no-sandbox", // containers (Heroku) lack the user namespaces the sandbox needs
            "--disable-gpu",
            "--disable-dev-shm-usage", // /dev/shm is tiny in containers; use /tmp
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-quic",
            "--hide-scrollbars", // scrollbars would show in screenshots
            "--mute-audio",
            "--disable-breakpad",
            "--disable-extensions",
            "--password-store=basic",
            "--use-mock-keychain");

    /** In PAGELENS_CHROME_ARGS, turns off the low-end device mode pagelens asks for by default. */
    static final String KEEP_DESKTOP_MODE = "--disable-low-end-device-mode";
    /**
     * In PAGELENS_CHROME_ARGS, keeps Chromium's 60 frames/s pacing, which pagelens lifts by default. pagelens's own
     * word, not a Chromium switch: it is taken out of the command line.
     */
    static final String KEEP_FRAME_RATE_LIMIT = "--enable-frame-rate-limit";

    private ChromiumFlags() {
    }

    /**
     * Flags that would take Chromium's traffic around the egress guard's proxy; refused in PAGELENS_CHROME_ARGS while
     * the guard is on ({@code --host-resolver-rules} is fine: the guard's resolver applies it too).
     */
    static final List<String> PROXY_FLAGS = List.of("--proxy-server", "--no-proxy-server", "--proxy-bypass-list",
            "--proxy-pac-url", "--proxy-auto-detect", "--winhttp-proxy-resolver", "--force-webrtc-ip-handling-policy",
            "--webrtc-ip-handling-policy");

    /** The full argv, binary first, then base flags, then {@code extraArgs} last so they win. */
    public static List<String> build(Path binary, Path userDataDir, int jsHeapMb, List<String> extraArgs) {
        return build(binary, userDataDir, jsHeapMb, null, extraArgs);
    }

    /**
     * As {@link #build(Path, Path, int, List)}, with all traffic sent to the egress proxy {@code proxyServer}
     * ({@code http://127.0.0.1:PORT}; null: no proxy flags). Browser contexts name their own port on top.
     */
    public static List<String> build(Path binary, Path userDataDir, int jsHeapMb, String proxyServer, List<String> extraArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        if (needsHeadlessFlag(binary)) argv.add("--headless");
        argv.addAll(BASE);
        argv.add("--user-data-dir=" + userDataDir);
        argv.add("--remote-debugging-pipe");
        if (jsHeapMb > 0) argv.add("--js-flags=--max-old-space-size=" + jsHeapMb);
        if (proxyServer != null) {
            argv.add("--proxy-server=" + proxyServer);
            // without it Chromium sends localhost and 127.0.0.0/8 directly, around any proxy (its implicit bypass rule)
            argv.add("--proxy-bypass-list=" + EgressGuard.BYPASS_LIST);
            // WebRTC sends UDP on its own sockets, which no HTTP proxy carries: only proxied (TCP TURN) traffic remains.
            // Headless shell 156 honours this switch; full Chromium 156 no longer has it and gets the same policy from
            // its profile's preferences (ChromiumProcess). Checked in EgressGuardIT with both: a STUN server on 127.0.0.2
            // gets no packet, and gets several without the switch or the preference.
            argv.add("--force-webrtc-ip-handling-policy=disable_non_proxied_udp");
        }
        if (!extraArgs.contains(KEEP_DESKTOP_MODE)) {
            // Measured (bench, 512 MB, full page, 69 corpus pages): the tree's peak fell from 390 to 354 MB and the
            // costliest page (articles/wikipedia-2) from 320 to 261 MB; 58 of 60 run-to-run stable pages came out
            // pixel-identical, the other two differed in an animation's state (73 and 105k pixels).
            argv.add("--enable-low-end-device-mode");
        }
        if (!extraArgs.contains(KEEP_FRAME_RATE_LIMIT)) {
            // A screenshot waits for fresh frames, so at 60 frames/s every full-page tile waited for frame ticks.
            // Measured (bench/breakdown, 69 corpus pages, full page, 512 MB): 42.0 -> 34.6 s, the same CPU-s. The
            // cost (bench/pacing): a page animating while it loads draws as fast as it can (two such pages waiting
            // 4 s for an image took 9.2 CPU-s instead of 4.2).
            argv.add("--disable-frame-rate-limit");
        }
        Set<String> disabled = new LinkedHashSet<>(DISABLED_FEATURES);
        List<String> rest = new ArrayList<>();
        for (String a : extraArgs) {
            if (a.equals(KEEP_FRAME_RATE_LIMIT)) continue;
            if (a.startsWith("--disable-features=")) {
                // merge, or the user's copy would silently replace the base list
                for (String f : a.substring("--disable-features=".length()).split(",")) {
                    if (!f.isBlank()) disabled.add(f.trim());
                }
            } else {
                rest.add(a);
            }
        }
        argv.add("--disable-features=" + String.join(",", disabled));
        argv.addAll(rest);
        argv.add("about:blank");
        return argv;
    }

    /** Headless shell is always headless; full Chromium needs --headless (the new headless mode). */
    static boolean needsHeadlessFlag(Path binary) {
        String name = binary.getFileName().toString();
        return !name.contains("headless-shell") && !name.contains("headless_shell");
    }
}
