package io.pagelens.clean;

import io.pagelens.json.Jackson;

import java.util.ArrayList;
import java.util.List;

/** EasyList's generic hiding selectors as a JSON array of selector arrays, built once per chunk size. */
final class CosmeticCss {
    private static volatile String cached;
    private static volatile int cachedSize;

    private CosmeticCss() {
    }

    static String chunksJson(int perChunk) {
        String c = cached;
        if (c != null && cachedSize == perChunk) return c;
        List<String> all = FilterLists.adSelectors();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += perChunk) chunks.add(all.subList(i, Math.min(all.size(), i + perChunk)));
        try {
            c = Jackson.MAPPER.writeValueAsString(chunks);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        cachedSize = perChunk;
        cached = c;
        return c;
    }
}
