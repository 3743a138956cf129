package io.pagelens.server;

import io.pagelens.api.ApiSettings;
import io.pagelens.api.CaptureRoutes;
import io.pagelens.capture.Capturer;
import io.pagelens.config.SecretBox;
import io.pagelens.pipeline.CaptureArchive;
import io.pagelens.pipeline.CaptureJobHandler;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.OrderCodec;
import io.pagelens.store.Storage;

import java.time.Clock;

/**
 * The capture pipeline of a serving process, made once: the service, the codec of orders into jobs (secrets sealed
 * with the process's key) and the job handler that runs them. {@code serve} and the tests wire it the same way.
 */
public record CapturePipeline(CaptureService service, OrderCodec codec, CaptureJobHandler handler, Storage storage) {
    public static CapturePipeline of(Capturer capturer, Storage storage, SecretBox secrets, Clock clock) {
        CaptureService service = new CaptureService(capturer, CaptureArchive.of(storage), clock);
        OrderCodec codec = new OrderCodec(secrets);
        return new CapturePipeline(service, codec, new CaptureJobHandler(service, codec, clock), storage);
    }

    /**
     * The pipeline of a web node ({@code serve --role web}): the routes answer from the store and queue every capture
     * for a worker; the service has no engine, so a capture asked of it here is a wiring error.
     */
    public static CapturePipeline webOnly(Storage storage, SecretBox secrets, Clock clock) {
        return of((request, sink, deadline) -> {
            throw new IllegalStateException("a web node does not capture: capture jobs run on workers (serve --role worker)");
        }, storage, secrets, clock);
    }

    /** The {@code /v1/captures} routes over this pipeline. */
    public CaptureRoutes routes(ApiSettings settings, Clock clock) {
        return new CaptureRoutes(service, storage, codec, settings, clock);
    }
}
