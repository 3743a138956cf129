package io.pagelens.clean;

import io.pagelens.capture.CleanOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The vendored, build-time compiled filter lists (see VENDORED.md), loaded once on first use: EasyList for
 * {@code blockAds} (with its generic element-hiding selectors), EasyPrivacy for {@code blockTrackers}, and the chat and
 * social host lists for {@code blockChats} and {@code blockSocial}.
 */
final class FilterLists {
    static final String EASYLIST = "easylist", EASYPRIVACY = "easyprivacy", CHATS = "chats", SOCIAL = "social";
    private static final String BASE = "/io/pagelens/clean/filters/";

    private FilterLists() {
    }

    /** The lists {@code c} asks for, in a fixed order. */
    static List<NetworkFilter> forOptions(CleanOptions c) {
        List<NetworkFilter> out = new ArrayList<>();
        if (c.blockAds()) out.add(Holder.EASYLIST_RULES);
        if (c.blockTrackers()) out.add(Holder.EASYPRIVACY_RULES);
        if (c.blockChats()) out.add(Holder.CHATS_RULES);
        if (c.blockSocial()) out.add(Holder.SOCIAL_RULES);
        return out;
    }

    /** EasyList's generic hiding selectors, one per entry (injected in chunks: one bad selector spoils only its chunk). */
    static List<String> adSelectors() {
        return Holder.AD_SELECTORS;
    }

    private static final class Holder {
        static final NetworkFilter EASYLIST_RULES = NetworkFilter.compile(EASYLIST, lines(EASYLIST + ".rules.gz"));
        static final NetworkFilter EASYPRIVACY_RULES = NetworkFilter.compile(EASYPRIVACY, lines(EASYPRIVACY + ".rules.gz"));
        static final NetworkFilter CHATS_RULES = NetworkFilter.compile(CHATS, lines(CHATS + ".rules.gz"));
        static final NetworkFilter SOCIAL_RULES = NetworkFilter.compile(SOCIAL, lines(SOCIAL + ".rules.gz"));
        static final List<String> AD_SELECTORS = List.copyOf(lines(EASYLIST + ".css.gz"));
    }

    static List<String> lines(String resource) {
        try (InputStream in = FilterLists.class.getResourceAsStream(BASE + resource)) {
            if (in == null) throw new IllegalStateException("vendored filter list " + BASE + resource + " is missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String l; (l = r.readLine()) != null; ) if (!l.isEmpty()) out.add(l);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
