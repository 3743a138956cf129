package io.pagelens.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this build is: the one version source. Maven writes {@code io/pagelens/build.properties} at build time
 * ({@code bin/build-info}: the POM's version and the git commit); {@code --version}, {@code /v1/status},
 * {@code /openapi.json} and the {@code pagelens_build_info} gauge all read it here.
 *
 * @param version the POM's version, {@value #UNKNOWN} when the classes were not built by Maven
 * @param commit  the source commit (12 hex digits, {@code -dirty} when built from changed files), or {@value #UNKNOWN}
 * @param java    the running Java's version
 */
public record BuildInfo(String version, String commit, String java) {
    private static final Logger log = LoggerFactory.getLogger(BuildInfo.class);
    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "/io/pagelens/build.properties";
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)+)");
    private static final BuildInfo CURRENT = load();

    /** This build. */
    public static BuildInfo current() {
        return CURRENT;
    }

    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + RESOURCE, e);
        }
        return new BuildInfo(p.getProperty("version", UNKNOWN).trim(), p.getProperty("commit", UNKNOWN).trim(),
                System.getProperty("java.runtime.version", System.getProperty("java.version", UNKNOWN)));
    }

    /**
     * Registers {@code pagelens.build.info} (value 1; tags version, commit, java, chromium). The Chromium version
     * comes from {@code CHROMIUM --version}, run once on a virtual thread so startup does not wait for it; the
     * gauge appears when it is known ({@value #UNKNOWN} when the binary did not answer within 10 s).
     */
    public Thread register(MeterRegistry registry, Optional<Path> chromium) {
        return Thread.ofVirtual().name("build-info").start(() -> {
            String v = chromium.map(BuildInfo::chromiumVersion).orElse(UNKNOWN);
            Gauge.builder(MeterNames.BUILD_INFO, () -> 1).description("this build: version, commit, Java and Chromium versions")
                    .tag("version", version).tag("commit", commit).tag("java", java).tag("chromium", v)
                    .strongReference(true).register(registry);
        });
    }

    /** The version a Chromium binary reports (e.g. 156.0.8078.114), or {@value #UNKNOWN}. */
    static String chromiumVersion(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return UNKNOWN;
            }
            return parseVersion(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.atWarn().addKeyValue("binary", binary.toString()).addKeyValue("error", e.getMessage()).log("chromium version unreadable");
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    static String parseVersion(String versionLine) {
        Matcher m = VERSION.matcher(versionLine);
        return m.find() ? m.group(1) : UNKNOWN;
    }
}
