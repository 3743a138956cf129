package io.pagelens.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pagelens.jobs.QueueFullException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.memory.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The single place where exceptions become HTTP responses. A capture failure's status and code are its
 * {@link CaptureError}'s (defined there, once); the rest (JSON shape, queue, auth) are decided here. Clients get a
 * safe message and the field to fix; causes of 500s are only logged.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    /** A status and body for {@code t}. */
    public static ApiException map(Throwable t) {
        return switch (t) {
            case ApiException e -> e;
            case QueueFullException e -> new ApiException(429, "queue_full", e.getMessage())
                    .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            case InvalidRequestException e -> ApiException.of(e.error(), e.getMessage(), e.field()); // invalid_value, or blocked
            case UnrecognizedPropertyException e -> new ApiException(400, "unknown_field",
                    "unknown field '" + e.getPropertyName() + "'", path(e));
            case InvalidFormatException e -> new ApiException(400, "invalid_type",
                    "value " + quoted(e.getValue()) + " is not a valid " + simpleType(e), path(e));
            case ValueInstantiationException e -> fromCause(e);
            case MismatchedInputException e -> new ApiException(400, "invalid_type", firstLine(e.getOriginalMessage()), path(e));
            case JsonMappingException e when e.getCause() instanceof IllegalArgumentException -> fromCause(e);
            case JsonProcessingException e -> new ApiException(400, "malformed_json",
                    "request body is not valid JSON: " + firstLine(e.getOriginalMessage()));
            case CaptureException e -> ApiException.of(e.error(), e.getMessage(), null);
            case Admission.AdmissionException e -> ApiException.of(CaptureError.MEMORY_PRESSURE, e.getMessage(), null);
            default -> {
                log.atError().addKeyValue("type", t.getClass().getName()).setCause(t).log("unhandled error");
                yield new ApiException(500, "internal", "internal error; see the server log");
            }
        };
    }

    /** Builder and record checks inside Jackson come wrapped; unwrap so the field name survives. */
    private static ApiException fromCause(JsonMappingException e) {
        Throwable c = e.getCause();
        if (c instanceof InvalidRequestException ire) return map(ire);
        String field = path(e);
        String msg = c != null && c.getMessage() != null ? c.getMessage() : firstLine(e.getOriginalMessage());
        return ApiException.of(CaptureError.INVALID_REQUEST, msg, field);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? null : p;
    }

    private static String simpleType(InvalidFormatException e) {
        Class<?> t = e.getTargetType();
        return t == null ? "value" : t.isEnum() ? "choice" : t.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
