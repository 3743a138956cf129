package io.pagelens.memory;

import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.config.Env;
import io.pagelens.observe.Observability;

import java.io.OutputStream;
import java.time.Duration;

/**
 * Run by {@link MemoryContainmentIT} inside a memory cgroup: pagelens as it runs in production (the memory
 * governor wired into the capture engine), capturing each URL of its arguments in turn. Prints one
 * {@code RESULT i ok} or {@code RESULT i ERROR message} line per URL, then the memory status.
 */
public final class ContainmentProbe {
    private ContainmentProbe() {
    }

    public static void main(String[] urls) throws Exception {
        Env env = Env.system();
        try (Observability obs = Observability.start();
             MemoryServices memory = MemoryServices.start(env, obs.registry());
             CaptureEngine engine = CaptureEngine.create(env, b -> memory.attach(b).admission(), obs.registry(), null)) {
            for (int i = 0; i < urls.length; i++) {
                CaptureRequest req = CaptureRequest.builder(urls[i]).timeout(Duration.ofSeconds(30)).build();
                try {
                    engine.capture(req, (format, type) -> OutputStream.nullOutputStream());
                    System.out.println("RESULT " + i + " ok");
                } catch (CaptureException e) {
                    System.out.println("RESULT " + i + " " + e.error() + " " + e.getMessage());
                }
                System.out.flush();
            }
            System.out.println("STATUS " + memory.status());
        }
    }
}
