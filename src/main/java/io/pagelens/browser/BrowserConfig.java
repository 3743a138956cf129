package io.pagelens.browser;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the supervised Chromium runs. Defaults are named constants; {@link #fromEnv} reads the
 * {@code CHROME_PATH} and {@code PAGELENS_BROWSER_*} variables (documented in docs/configuration.md).
 *
 * @param binary          the Chromium executable
 * @param extraArgs       flags appended last (PAGELENS_CHROME_ARGS)
 * @param idleTimeout     close the browser after this long without captures; zero keeps it open
 * @param maxCaptures     relaunch after this many captures; 0 never
 * @param maxRssMb        relaunch when the process tree's PSS passes this many MB; 0 never
 * @param jsHeapMb        V8 old-space cap of each renderer in MB; 0 leaves V8's default
 * @param launchTimeout   how long a launch may take until the first CDP answer
 * @param commandTimeout  upper bound on any one CDP command; a browser that does not answer in time is hung
 */
public record BrowserConfig(Path binary, List<String> extraArgs, Duration idleTimeout, int maxCaptures, int maxRssMb,
                            int jsHeapMb, Duration launchTimeout, Duration commandTimeout) {
    public static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");
    public static final Path FULL_CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CAPTURES = 100;
    /** 0: off. The memory governor watches the whole budget; this is a per-browser backstop. */
    public static final int DEFAULT_MAX_RSS_MB = 350;
    public static final int DEFAULT_JS_HEAP_MB = 256;
    public static final Duration DEFAULT_LAUNCH_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    public BrowserConfig {
        extraArgs = List.copyOf(extraArgs);
        if (maxCaptures < 0) throw new IllegalArgumentException("maxCaptures must not be negative");
        if (maxRssMb < 0) throw new IllegalArgumentException("maxRssMb must not be negative");
        if (jsHeapMb < 0) throw new IllegalArgumentException("jsHeapMb must not be negative");
    }

    /** Defaults with the given binary and extra flags. */
    public static BrowserConfig defaults(Path binary, List<String> extraArgs) {
        return new BrowserConfig(binary, extraArgs, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CAPTURES, DEFAULT_MAX_RSS_MB,
                DEFAULT_JS_HEAP_MB, DEFAULT_LAUNCH_TIMEOUT, DEFAULT_COMMAND_TIMEOUT);
    }

    public BrowserConfig withIdleTimeout(Duration d) {
        return new BrowserConfig(binary, extraArgs, d, maxCaptures, maxRssMb, jsHeapMb, launchTimeout, commandTimeout);
    }

    public BrowserConfig withMaxCaptures(int n) {
        return new BrowserConfig(binary, extraArgs, idleTimeout, n, maxRssMb, jsHeapMb, launchTimeout, commandTimeout);
    }

    public BrowserConfig withMaxRssMb(int n) {
        return new BrowserConfig(binary, extraArgs, idleTimeout, maxCaptures, n, jsHeapMb, launchTimeout, commandTimeout);
    }

    public static BrowserConfig fromEnv(Env env) {
        Path binary = resolveBinary(env.string("CHROME_PATH").orElse(null));
        List<String> extra;
        try {
            extra = ShellWords.split(env.string("PAGELENS_CHROME_ARGS", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("PAGELENS_CHROME_ARGS", env.string("PAGELENS_CHROME_ARGS", ""), e.getMessage());
        }
        return new BrowserConfig(binary, extra,
                env.duration("PAGELENS_BROWSER_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT),
                env.integer("PAGELENS_BROWSER_MAX_CAPTURES", DEFAULT_MAX_CAPTURES, 0, 1_000_000),
                env.integer("PAGELENS_BROWSER_MAX_RSS_MB", DEFAULT_MAX_RSS_MB, 0, 1_000_000),
                env.integer("PAGELENS_RENDERER_JS_HEAP_MB", DEFAULT_JS_HEAP_MB, 0, 65_536),
                env.duration("PAGELENS_BROWSER_LAUNCH_TIMEOUT", DEFAULT_LAUNCH_TIMEOUT),
                env.duration("PAGELENS_BROWSER_COMMAND_TIMEOUT", DEFAULT_COMMAND_TIMEOUT));
    }

    /** CHROME_PATH if set (it must be executable), else headless shell, else full Chromium. */
    static Path resolveBinary(String chromePath) {
        if (chromePath != null) {
            Path p = Path.of(chromePath);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new ConfigException("CHROME_PATH", chromePath, "is not an executable file");
            }
            return p;
        }
        for (Path p : List.of(HEADLESS_SHELL, FULL_CHROMIUM)) {
            if (Files.isExecutable(p)) return p;
        }
        throw new ConfigException("CHROME_PATH", "no Chromium found at " + HEADLESS_SHELL + " or " + FULL_CHROMIUM
                + "; install chromium-headless-shell or set CHROME_PATH to a Chromium binary");
    }
}
