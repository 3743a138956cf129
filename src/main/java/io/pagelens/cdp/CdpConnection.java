package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One CDP connection over a pair of byte streams (Chromium's --remote-debugging-pipe). Commands from any
 * thread; one reader thread parses answers and events. Sessions of attached targets share it (flatten mode:
 * {@code sessionId} on each message). Event handlers run on the reader thread: they must be quick and must
 * not wait for a command's answer (use {@link #sendAsync}).
 */
public final class CdpConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CdpConnection.class);
    private static final String BROWSER = "";

    private final ObjectMapper mapper = Jackson.MAPPER;
    private final OutputStream out;
    private final InputStream in;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<JsonNode>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    /** Sessions whose target crashed, closed or was aborted: later commands fail at once. Bounded, oldest dropped. */
    private final Map<String, CdpException> brokenSessions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CdpException> eldest) {
                    return size() > 1024;
                }
            });
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean streamsClosed = new AtomicBoolean();
    private final Thread reader;

    private record Pending(String sessionId, String method, CompletableFuture<JsonNode> future, GuardedOutputStream binary,
                           String binaryField) {
    }

    public CdpConnection(InputStream in, OutputStream out, String name) {
        this.in = in;
        this.out = new BufferedOutputStream(out, 16 * 1024);
        this.reader = Thread.ofPlatform().daemon().name("cdp-reader-" + name).start(this::readLoop);
    }

    /** The browser-level session (no sessionId). */
    public CdpSession browser() {
        return new CdpSession(this, null);
    }

    /** A session of an attached target. */
    public CdpSession session(String sessionId) {
        return new CdpSession(this, sessionId);
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Runs once when the connection closes (browser gone or {@link #close()}). */
    public void onClose(Runnable r) {
        closeListeners.add(r);
        if (closed.get()) r.run();
    }

    <T> T send(String sessionId, Command<T> cmd, OutputStream binary, Duration timeout)
            throws CdpException, InterruptedException {
        if (binary != null && cmd.binaryField() == null) {
            throw new IllegalArgumentException(cmd.method() + " has no binary field to stream");
        }
        GuardedOutputStream guard = binary == null ? null : new GuardedOutputStream(binary);
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, new Pending(sessionId, cmd.method(), f, guard, cmd.binaryField()));
        try {
            failIfBroken(sessionId, f);
            write(id, sessionId, cmd);
            JsonNode result = f.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (guard != null && guard.failure() != null) {
                throw new CdpException(CdpException.Kind.IO, cmd.method() + ": writing its result failed: "
                        + guard.failure().getMessage(), guard.failure());
            }
            return cmd.result().apply(result);
        } catch (TimeoutException e) {
            throw failure(cmd, e, timeout);
        } catch (ExecutionException e) {
            throw failure(cmd, e.getCause(), timeout);
        } finally {
            pending.remove(id);
            if (guard != null) guard.detach();
        }
    }

    /**
     * Sends the commands back to back and then waits for every answer, so they cost one round trip instead of one
     * each; the target handles them in order. Fails with the first command that failed.
     */
    void sendAll(String sessionId, List<? extends Command<?>> cmds, Duration timeout) throws CdpException, InterruptedException {
        List<? extends CompletableFuture<?>> answers = cmds.stream().map(c -> sendAsync(sessionId, c, timeout)).toList();
        for (int i = 0; i < answers.size(); i++) {
            try {
                answers.get(i).get();
            } catch (ExecutionException e) {
                throw failure(cmds.get(i), e.getCause(), timeout);
            }
        }
    }

    private static CdpException failure(Command<?> cmd, Throwable cause, Duration timeout) {
        if (cause instanceof CdpException c) return c;
        if (cause instanceof TimeoutException) {
            return new CdpException(CdpException.Kind.TIMEOUT, cmd.method() + " got no answer within " + timeout.toMillis() + " ms");
        }
        return new CdpException(CdpException.Kind.PROTOCOL_ERROR, cmd.method() + " failed: " + cause, cause);
    }

    /** Sends without waiting; for event handlers. The future fails after {@code timeout}. */
    <T> CompletableFuture<T> sendAsync(String sessionId, Command<T> cmd, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, new Pending(sessionId, cmd.method(), f, null, null));
        try {
            failIfBroken(sessionId, f);
            write(id, sessionId, cmd);
        } catch (CdpException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(e);
        }
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, t) -> pending.remove(id))
                .thenApply(cmd.result());
    }

    Subscription on(String sessionId, String method, Consumer<JsonNode> handler) {
        String key = key(sessionId, method);
        List<Consumer<JsonNode>> list = listeners.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.add(handler);
        AtomicBoolean removed = new AtomicBoolean();
        return () -> {
            if (removed.compareAndSet(false, true)) list.remove(handler);
        };
    }

    /** Checked after the command is registered, so a crash reported at the same moment is never missed. */
    private void failIfBroken(String sessionId, CompletableFuture<JsonNode> f) {
        if (sessionId == null) return;
        CdpException why = brokenSessions.get(sessionId);
        if (why != null) f.completeExceptionally(why);
    }

    /** Fails every command waiting on this session, and every later one, e.g. when its renderer crashed. */
    void failSession(String sessionId, CdpException why) {
        brokenSessions.putIfAbsent(sessionId, why);
        pending.values().stream()
                .filter(p -> sessionId.equals(p.sessionId()))
                .forEach(p -> p.future().completeExceptionally(why));
    }

    private static String key(String sessionId, String method) {
        return (sessionId == null ? BROWSER : sessionId) + "|" + method;
    }

    private void write(long id, String sessionId, Command<?> cmd) throws CdpException {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("id", id);
        msg.put("method", cmd.method());
        msg.set("params", cmd.params() == null ? mapper.createObjectNode() : cmd.params());
        if (sessionId != null) msg.put("sessionId", sessionId);
        try {
            byte[] bytes = mapper.writeValueAsBytes(msg);
            synchronized (out) {
                if (closed.get()) throw new CdpException(CdpException.Kind.CLOSED, "browser connection is closed");
                out.write(bytes);
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            throw new CdpException(CdpException.Kind.CLOSED, "browser connection broke: " + e.getMessage(), e);
        }
    }

    private void readLoop() {
        NulFramedInput frames = new NulFramedInput(in);
        MessageReader parser = new MessageReader(Jackson.PARTS);
        MessageReader.Handler handler = new Dispatcher();
        try {
            for (InputStream next = frames.next(); next != null; next = frames.next()) {
                try (InputStream message = next) {
                    parser.read(message, handler);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    log.atWarn().addKeyValue("error", e.getOriginalMessage()).log("cdp bad message");
                }
            }
        } catch (IOException e) {
            if (!closed.get()) log.atDebug().addKeyValue("error", e.toString()).log("cdp read failed");
        } finally {
            shutDown();
        }
    }

    private final class Dispatcher implements MessageReader.Handler {
        @Override
        public MessageReader.BinaryTarget binaryTarget(long id) {
            Pending p = pending.get(id);
            return p == null || p.binary() == null ? null : new MessageReader.BinaryTarget(p.binaryField(), p.binary());
        }

        @Override
        public boolean isPending(long id) {
            return pending.containsKey(id);
        }

        @Override
        public void onResponse(long id, JsonNode result, JsonNode error) {
            Pending p = pending.get(id);
            if (p == null) return;
            if (error != null && !error.isNull()) {
                p.future().completeExceptionally(new CdpException(CdpException.Kind.PROTOCOL_ERROR,
                        p.method() + ": " + error.path("message").asText("error") + dataOf(error)));
            } else {
                p.future().complete(result);
            }
        }

        @Override
        public void onEvent(String sessionId, String method, JsonNode params) {
            if (method.equals("Inspector.targetCrashed") && sessionId != null) {
                failSession(sessionId, new CdpException(CdpException.Kind.TARGET_CRASHED, "the page's renderer crashed"));
            } else if (method.equals("Target.detachedFromTarget")) {
                String detached = params.path("sessionId").asText(null);
                if (detached != null) {
                    failSession(detached, new CdpException(CdpException.Kind.TARGET_CRASHED, "the page was closed or crashed"));
                }
            }
            List<Consumer<JsonNode>> list = listeners.get(key(sessionId, method));
            if (list == null) return;
            for (Consumer<JsonNode> l : list) {
                try {
                    l.accept(params);
                } catch (RuntimeException e) {
                    log.atWarn().addKeyValue("method", method).addKeyValue("error", e.toString()).log("cdp listener failed");
                }
            }
        }

        private String dataOf(JsonNode error) {
            String d = error.path("data").asText("");
            return d.isEmpty() ? "" : " (" + d + ")";
        }
    }

    private void shutDown() {
        if (!closed.compareAndSet(false, true)) return;
        CdpException gone = new CdpException(CdpException.Kind.CLOSED, "the browser connection closed");
        pending.values().forEach(p -> p.future().completeExceptionally(gone));
        for (Runnable r : closeListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("error", e.toString()).log("cdp close listener failed");
            }
        }
    }

    /** Closes both streams; pending commands fail with {@link CdpException.Kind#CLOSED}. Idempotent. */
    @Override
    public void close() {
        shutDown();
        if (!streamsClosed.compareAndSet(false, true)) return;
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException ignored) {
            // the other side is gone already
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // same
        }
    }
}
