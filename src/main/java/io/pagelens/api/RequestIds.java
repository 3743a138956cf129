package io.pagelens.api;

import java.util.UUID;

/**
 * The id of one HTTP request: the caller's {@code X-Request-ID} when it is a sane token (Heroku's router sends
 * a UUID; proxies send their own), else a new UUID. It is put on every log line of the request and returned in
 * the response's {@code X-Request-ID}, so one id follows a request through router, app and client logs.
 */
final class RequestIds {
    static final String HEADER = "X-Request-ID";
    /** Heroku accepts 20-200 characters; ids outside 1-200 or with other characters are replaced, not echoed. */
    static final int MAX_LENGTH = 200;

    private RequestIds() {
    }

    static String accept(String incoming) {
        if (incoming != null) {
            String s = incoming.trim();
            if (!s.isEmpty() && s.length() <= MAX_LENGTH && s.chars().allMatch(RequestIds::allowed)) return s;
        }
        return UUID.randomUUID().toString();
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                || c == ':' || c == '/' || c == '+' || c == '=' || c == '@';
    }
}
