package io.pagelens.cdp;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Parses one CDP message with Jackson's streaming parser. A command's large base64 field is decoded straight
 * into the OutputStream its caller registered, so neither the base64 text nor the decoded bytes are held.
 * That needs the message's {@code id} before its {@code result}, which is how Chromium writes responses; if a
 * message comes the other way round, the result is read as a tree and decoded afterwards (correct, not lean).
 */
final class MessageReader {
    /** Where parsed messages go. Called on the reader thread. */
    interface Handler {
        /** The stream for a command's binary field, or null when that command does not stream. */
        BinaryTarget binaryTarget(long id);

        /** Whether anyone still waits for this id; answers nobody waits for are skipped unread. */
        boolean isPending(long id);

        void onResponse(long id, JsonNode result, JsonNode error);

        void onEvent(String sessionId, String method, JsonNode params);
    }

    /** A registered binary result: which field, and where its decoded bytes go. */
    record BinaryTarget(String field, OutputStream out) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MessageReader.class);
    private final JsonFactory factory;
    private final ObjectReader mapper;

    /** @param mapper reads one field's value at a time, so trailing tokens must be allowed ({@code Jackson.PARTS}) */
    MessageReader(ObjectReader mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    void read(InputStream message, Handler handler) throws IOException {
        try (JsonParser p = factory.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return; // empty or junk frame: nothing to dispatch
            long id = -1;
            String method = null;
            String sessionId = null;
            JsonNode params = null;
            JsonNode result = null;
            JsonNode error = null;
            boolean resultAsTree = false;
            BinaryTarget target = null;
            try {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "id" -> {
                            id = p.getLongValue();
                            target = handler.binaryTarget(id);
                        }
                        case "method" -> method = p.getText();
                        case "sessionId" -> sessionId = p.getText();
                        case "params" -> params = mapper.readTree(p);
                        case "error" -> error = mapper.readTree(p);
                        case "result" -> {
                            if (id < 0) {
                                result = mapper.readTree(p); // fallback: id not known yet
                                resultAsTree = true;
                            } else if (target != null) {
                                result = readStreaming(p, target);
                            } else if (!handler.isPending(id)) {
                                p.skipChildren(); // nobody waits (timed out): skip without buffering
                            } else {
                                result = mapper.readTree(p);
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (id < 0) throw e;
                // the answer is unreadable (e.g. a string over Jackson's length limit): fail its command now
                // instead of letting it wait for its timeout
                handler.onResponse(id, null, JsonNodeFactory.instance.objectNode().put("message",
                        "unreadable answer from Chromium: " + e.getOriginalMessage()));
                return;
            }
            if (resultAsTree && target != null) {
                log.atWarn().addKeyValue("id", id).log("cdp result before id (decoded from a tree, not streamed)");
            }
            if (id >= 0) {
                if (resultAsTree && target != null && result instanceof ObjectNode tree) {
                    result = decodeFromTree(tree, target);
                }
                handler.onResponse(id, result == null ? JsonNodeFactory.instance.objectNode() : result, error);
            } else if (method != null) {
                handler.onEvent(sessionId, method, params == null ? JsonNodeFactory.instance.objectNode() : params);
            }
        }
    }

    private ObjectNode readStreaming(JsonParser p, BinaryTarget target) throws IOException {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return result;
        }
        Boolean base64 = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals(target.field()) && t == JsonToken.VALUE_STRING) {
                if (Boolean.FALSE.equals(base64)) {
                    target.out().write(p.getText().getBytes(StandardCharsets.UTF_8));
                } else {
                    p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, target.out());
                }
                result.put(name, true); // marks "streamed"; the bytes went to the target
            } else {
                JsonNode v = mapper.readTree(p);
                if (name.equals("base64Encoded")) base64 = v.asBoolean();
                result.set(name, v);
            }
        }
        return result;
    }

    private static ObjectNode decodeFromTree(ObjectNode result, BinaryTarget target) throws IOException {
        JsonNode data = result.get(target.field());
        if (data != null && data.isTextual()) {
            boolean base64 = !result.has("base64Encoded") || result.get("base64Encoded").asBoolean();
            target.out().write(base64 ? Base64.getDecoder().decode(data.asText())
                    : data.asText().getBytes(StandardCharsets.UTF_8));
            result.put(target.field(), true);
        }
        return result;
    }
}
