package io.pagelens.cdp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection against a scripted fake browser on in-memory pipes. */
class CdpConnectionTest {
    private PipedOutputStream browserWrites;
    private PipedInputStream browserReads;
    private CdpConnection connection;

    @BeforeEach
    void connect() throws IOException {
        browserWrites = new PipedOutputStream();
        PipedInputStream toClient = new PipedInputStream(browserWrites, 1 << 16);
        browserReads = new PipedInputStream(1 << 16);
        PipedOutputStream fromClient = new PipedOutputStream(browserReads);
        connection = new CdpConnection(toClient, fromClient, "test");
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private void browserSays(String json) throws IOException {
        browserWrites.write(json.getBytes(StandardCharsets.UTF_8));
        browserWrites.write(0);
        browserWrites.flush();
    }

    /** Reads one NUL-terminated message the client sent. */
    private String clientSent() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = browserReads.read(); c > 0; c = browserReads.read()) b.write(c);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answer_isMatchedById_andStreamedDataDecoded() throws Exception {
        Thread.ofVirtual().start(() -> {
            try {
                String sent = clientSent();
                assertThat(sent).contains("\"method\":\"Page.captureScreenshot\"").contains("\"sessionId\":\"S1\"");
                long id = Long.parseLong(sent.replaceAll(".*\"id\":(\\d+).*", "$1"));
                browserSays("{\"id\":" + id + ",\"result\":{\"data\":\"" + Base64.getEncoder().encodeToString("PNGDATA".getBytes()) + "\"},\"sessionId\":\"S1\"}");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        connection.session("S1").send(Commands.captureScreenshot("png", null, null, false, false), out, Duration.ofSeconds(5));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("PNGDATA");
    }

    @Test
    void noAnswer_isATimeout() {
        Thread.ofVirtual().start(() -> {
            try {
                clientSent();
            } catch (IOException ignored) {
                // pipe closed at the end of the test
            }
        });
        assertThatThrownBy(() -> connection.browser().send(Commands.getVersion(), Duration.ofMillis(200)))
                .isInstanceOfSatisfying(CdpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CdpException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("Browser.getVersion").contains("200 ms");
                });
    }

    @Test
    void errorAnswer_isAProtocolError() throws Exception {
        Thread.ofVirtual().start(() -> {
            try {
                String sent = clientSent();
                long id = Long.parseLong(sent.replaceAll(".*\"id\":(\\d+).*", "$1"));
                browserSays("{\"id\":" + id + ",\"error\":{\"code\":-32000,\"message\":\"No target\"}}");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThatThrownBy(() -> connection.browser().send(Commands.getVersion(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CdpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CdpException.Kind.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("No target");
                });
    }

    @Test
    void crashReportedBeforeACommand_failsThatCommandAtOnce() throws Exception {
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        connection.session("S2").on(Events.TARGET_CRASHED, c -> seen.countDown());
        browserSays("{\"method\":\"Inspector.targetCrashed\",\"params\":{},\"sessionId\":\"S2\"}");
        assertThat(seen.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connection.session("S2").send(Commands.evaluate("1"), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(CdpException.class, e -> assertThat(e.kind()).isEqualTo(CdpException.Kind.TARGET_CRASHED));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void browserGone_failsWaitingCommandsAsClosed() throws Exception {
        Thread.ofVirtual().start(() -> {
            try {
                clientSent();
                browserWrites.close(); // the browser exits
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThatThrownBy(() -> connection.browser().send(Commands.getVersion(), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(CdpException.class, e -> assertThat(e.kind()).isEqualTo(CdpException.Kind.CLOSED));
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void failingSink_failsItsCommandOnly_andTheReaderGoesOn() throws Exception {
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 2; i++) {
                    String sent = clientSent();
                    long id = Long.parseLong(sent.replaceAll(".*\"id\":(\\d+).*", "$1"));
                    String result = sent.contains("captureScreenshot") ? "{\"data\":\"QUJD\"}" : "{\"product\":\"Fake/1\"}";
                    browserSays("{\"id\":" + id + ",\"result\":" + result + "}");
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> connection.browser().send(Commands.captureScreenshot("png", null, null, false, false), broken, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(CdpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CdpException.Kind.IO);
                    assertThat(e.getMessage()).contains("disk full");
                });
        assertThat(connection.browser().send(Commands.getVersion(), Duration.ofSeconds(5)).product()).isEqualTo("Fake/1");
    }
}
