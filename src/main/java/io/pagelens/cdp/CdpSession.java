package io.pagelens.cdp;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Commands and events of one target (a page) or of the browser itself, over a shared connection. */
public final class CdpSession {
    private final CdpConnection connection;
    private final String sessionId;

    CdpSession(CdpConnection connection, String sessionId) {
        this.connection = connection;
        this.sessionId = sessionId;
    }

    /** Null for the browser-level session. */
    public String id() {
        return sessionId;
    }

    public <T> T send(Command<T> cmd, Duration timeout) throws CdpException, InterruptedException {
        return connection.send(sessionId, cmd, null, timeout);
    }

    /** Sends a command whose large binary field is decoded, while it streams in, into {@code binary}. */
    public <T> T send(Command<T> cmd, OutputStream binary, Duration timeout) throws CdpException, InterruptedException {
        return connection.send(sessionId, cmd, binary, timeout);
    }

    /** Sends the commands in one go and waits for all of them (see {@link CdpConnection#sendAll}). */
    public void sendAll(java.util.List<? extends Command<?>> cmds, Duration timeout) throws CdpException, InterruptedException {
        connection.sendAll(sessionId, cmds, timeout);
    }

    public <T> CompletableFuture<T> sendAsync(Command<T> cmd, Duration timeout) {
        return connection.sendAsync(sessionId, cmd, timeout);
    }

    /** Fails every command still waiting on this session with {@code why}; for aborts and crashes. */
    public void failPending(CdpException why) {
        if (sessionId != null) connection.failSession(sessionId, why);
    }

    public <E> Subscription on(EventType<E> type, Consumer<E> handler) {
        return connection.on(sessionId, type.method(), params -> handler.accept(type.parse().apply(params)));
    }
}
