package io.pagelens.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class MessageReaderTest {
    private static final int PAYLOAD = 3072 * 21_000; // ~64 MB, whole 3 KB chunks

    /** Produces {"id":7,"result":{"data":"<base64 of PAYLOAD pseudo-random bytes>"},"sessionId":"S"} lazily. */
    private static InputStream hugeMessage(CRC32 expected) {
        byte[] head = "{\"id\":7,\"result\":{\"data\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\",\"other\":1},\"sessionId\":\"S\"}".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private final byte[] raw = new byte[3 * 1024];
            private byte[] chunk = head;
            private int pos;
            private long produced;
            private boolean tailSent;
            private int seed = 1;

            private boolean next() {
                if (produced < PAYLOAD) {
                    for (int i = 0; i < raw.length; i++) {
                        seed = seed * 1103515245 + 12345;
                        raw[i] = (byte) (seed >>> 16);
                    }
                    expected.update(raw);
                    produced += raw.length;
                    chunk = Base64.getEncoder().encode(raw);
                } else if (!tailSent) {
                    chunk = tail;
                    tailSent = true;
                } else {
                    return false;
                }
                pos = 0;
                return true;
            }

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= chunk.length && !next()) return -1;
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static class Recorder implements MessageReader.Handler {
        final OutputStream target;
        final List<String> seen = new ArrayList<>();
        JsonNode result;

        Recorder(OutputStream target) {
            this.target = target;
        }

        @Override
        public MessageReader.BinaryTarget binaryTarget(long id) {
            return target == null ? null : new MessageReader.BinaryTarget("data", target);
        }

        @Override
        public boolean isPending(long id) {
            return true;
        }

        @Override
        public void onResponse(long id, JsonNode result, JsonNode error) {
            seen.add("response " + id);
            this.result = result;
        }

        @Override
        public void onEvent(String sessionId, String method, JsonNode params) {
            seen.add("event " + sessionId + " " + method + " " + params);
        }
    }

    /** Counts and checksums what it is given, keeping nothing. */
    private static final class Checksum extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }

    @Test
    void hugeBinaryResult_isDecodedWhileStreaming_inBoundedMemory() throws Exception {
        CRC32 expected = new CRC32();
        Checksum sink = new Checksum();
        Recorder handler = new Recorder(sink);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        new MessageReader(Jackson.PARTS).read(hugeMessage(expected), handler);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sink.count).isEqualTo(PAYLOAD);
        assertThat(sink.crc.getValue()).isEqualTo(expected.getValue());
        assertThat(handler.seen).containsExactly("response 7");
        assertThat(handler.result.get("other").asInt()).isEqualTo(1);
        // the producer above allocates ~4 bytes per payload byte itself; a reader that held the base64 string or the
        // decoded bytes would add at least 64 MB more
        assertThat(allocated).as("bytes allocated while reading a %d MB payload", PAYLOAD >> 20)
                .isLessThan(5L * PAYLOAD + 16L * 1024 * 1024);
        assertThat(allocated - producerAllocation()).isLessThan(PAYLOAD / 2);
    }

    /** What hugeMessage's own base64 encoding allocates, measured the same way, to subtract. */
    private static long producerAllocation() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try (InputStream in = hugeMessage(new CRC32())) {
            byte[] buf = new byte[8192];
            while (in.read(buf, 0, buf.length) >= 0) {
                // drain
            }
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void resultBeforeId_fallsBackToTreeAndStillDecodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Recorder handler = new Recorder(out);
        String b64 = Base64.getEncoder().encodeToString("hello pdf".getBytes(StandardCharsets.UTF_8));
        String msg = "{\"result\":{\"data\":\"" + b64 + "\",\"eof\":true},\"id\":3}";
        new MessageReader(Jackson.PARTS).read(new ByteArrayInputStream(msg.getBytes(StandardCharsets.UTF_8)), handler);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello pdf");
        assertThat(handler.result.get("eof").asBoolean()).isTrue();
    }

    @Test
    void textDataWithBase64EncodedFalse_isWrittenAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String msg = "{\"id\":4,\"result\":{\"base64Encoded\":false,\"data\":\"plain\",\"eof\":false}}";
        new MessageReader(Jackson.PARTS).read(new ByteArrayInputStream(msg.getBytes(StandardCharsets.UTF_8)), new Recorder(out));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("plain");
    }

    @Test
    void unreadableAnswer_failsItsCommandAtOnce() throws Exception {
        ObjectMapper strict = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxStringLength(10).build()).build());
        List<JsonNode> errors = new ArrayList<>();
        Recorder handler = new Recorder(null) {
            @Override
            public void onResponse(long id, JsonNode result, JsonNode error) {
                super.onResponse(id, result, error);
                errors.add(error);
            }
        };
        String msg = "{\"id\":9,\"result\":{\"result\":{\"value\":\"a string longer than ten\"}}}";
        new MessageReader(strict.reader()).read(new ByteArrayInputStream(msg.getBytes(StandardCharsets.UTF_8)), handler);
        assertThat(handler.seen).containsExactly("response 9");
        assertThat(errors.getFirst().path("message").asText()).contains("unreadable answer");
    }

    @Test
    void events_carryMethodParamsAndSession() throws Exception {
        Recorder handler = new Recorder(null);
        String msg = "{\"method\":\"Page.lifecycleEvent\",\"params\":{\"name\":\"load\"},\"sessionId\":\"AB\"}";
        new MessageReader(Jackson.PARTS).read(new ByteArrayInputStream(msg.getBytes(StandardCharsets.UTF_8)), handler);
        assertThat(handler.seen).containsExactly("event AB Page.lifecycleEvent {\"name\":\"load\"}");
    }

    @Test
    void framing_splitsOnNulAcrossReads() throws Exception {
        byte[] bytes = "{\"id\":1,\"result\":{}}\0{\"id\":2,\"result\":{}}\0".getBytes(StandardCharsets.UTF_8);
        // an input that returns 3 bytes at a time, so messages straddle reads
        InputStream slow = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        NulFramedInput frames = new NulFramedInput(slow);
        Recorder handler = new Recorder(null);
        MessageReader reader = new MessageReader(Jackson.PARTS);
        for (InputStream m = frames.next(); m != null; m = frames.next()) {
            try (InputStream msg = m) {
                reader.read(msg, handler);
            }
        }
        assertThat(handler.seen).containsExactly("response 1", "response 2");
    }
}
