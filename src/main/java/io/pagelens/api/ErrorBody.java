package io.pagelens.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON every error response carries: {@code {"code": ..., "message": ..., "field": ...}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String field) {
}
