package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags of {@code pagelens capture} for the API's {@code clean} and {@code emulate} objects, each named as its
 * API option in kebab case ({@code blockCookieBanners} is {@code --block-cookie-banners}).
 */
public final class CleanFlags {
    @Option(names = "--block-cookie-banners", description = "Answer consent banners with 'reject all' where offered, else hide them; undo their scroll locks.")
    boolean blockCookieBanners;

    @Option(names = "--block-ads", description = "Block ad requests (EasyList) and hide ad slots.")
    boolean blockAds;

    @Option(names = "--block-trackers", description = "Block tracker requests (EasyPrivacy).")
    boolean blockTrackers;

    @Option(names = "--block-chats", description = "Block chat widgets.")
    boolean blockChats;

    @Option(names = "--block-social", description = "Block social embeds and share buttons.")
    boolean blockSocial;

    @Option(names = "--actions", paramLabel = "FILE", description = "Page actions before capture: a JSON array of {\"type\": \"click\", \"selector\": ...} objects.")
    Path actionsFile;

    @Option(names = "--action", paramLabel = "JSON", description = "One page action as a JSON object, e.g. '{\"type\":\"click\",\"selector\":\"#more\"}'; repeatable, after --actions.")
    List<String> actions = new ArrayList<>();

    @Option(names = "--fail-on-missing-selector", description = "A non-optional action whose selector matches nothing fails the capture.")
    boolean failOnMissingSelector;

    @Option(names = "--css", paramLabel = "CSS", description = "A style sheet injected after load.")
    String css;

    @Option(names = "--script", paramLabel = "JS", description = "JavaScript run after load (needs PAGELENS_ALLOW_SCRIPTS=1).")
    String script;

    @Option(names = "--styles", paramLabel = "URL", split = ",", description = "Style sheet URLs the page loads (through the egress guard); repeatable.")
    List<String> styles = new ArrayList<>();

    @Option(names = "--scripts", paramLabel = "URL", split = ",", description = "Script URLs the page loads (needs PAGELENS_ALLOW_SCRIPTS=1); repeatable.")
    List<String> scripts = new ArrayList<>();

    @Option(names = "--device", paramLabel = "NAME", description = "Device preset: iphone-15, pixel-8, ipad, desktop-1280, desktop-1440, desktop-1920 (replaces --width/--height/--scale).")
    String device;

    @Option(names = "--geolocation", paramLabel = "LAT,LON[,ACCURACY]", description = "Position reported to navigator.geolocation.")
    String geolocation;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA time zone, e.g. Europe/Berlin.")
    String timezone;

    @Option(names = "--locale", paramLabel = "TAG", description = "BCP 47 locale for navigator.language, Intl and Accept-Language, e.g. de-DE.")
    String locale;

    @Option(names = "--color-scheme", paramLabel = "light|dark|no-preference", description = "prefers-color-scheme.")
    String colorScheme;

    @Option(names = "--reduced-motion", paramLabel = "reduce|no-preference", description = "prefers-reduced-motion.")
    String reducedMotion;

    @Option(names = "--media", paramLabel = "screen|print", description = "CSS media type.")
    String media;

    /** Writes the flags given into {@code spec} as {@code clean} and {@code emulate}; a device replaces the viewport flags. */
    void putInto(ObjectNode spec) {
        ObjectNode c = Jackson.MAPPER.createObjectNode();
        if (blockCookieBanners) c.put("blockCookieBanners", true);
        if (blockAds) c.put("blockAds", true);
        if (blockTrackers) c.put("blockTrackers", true);
        if (blockChats) c.put("blockChats", true);
        if (blockSocial) c.put("blockSocial", true);
        ArrayNode all = readActions();
        if (!all.isEmpty()) c.set("actions", all);
        if (failOnMissingSelector) c.put("failOnMissingSelector", true);
        if (css != null) c.put("css", css);
        if (script != null) c.put("script", script);
        if (!styles.isEmpty()) styles.forEach(c.putArray("styles")::add);
        if (!scripts.isEmpty()) scripts.forEach(c.putArray("scripts")::add);
        if (!c.isEmpty()) spec.set("clean", c);

        ObjectNode e = Jackson.MAPPER.createObjectNode();
        if (device != null) {
            e.put("device", device);
            spec.remove("viewport");
            spec.remove("deviceScaleFactor");
        }
        if (geolocation != null) e.set("geolocation", parseGeolocation(geolocation));
        if (timezone != null) e.put("timezone", timezone);
        if (locale != null) e.put("locale", locale);
        if (colorScheme != null) e.put("colorScheme", colorScheme);
        if (reducedMotion != null) e.put("reducedMotion", reducedMotion);
        if (media != null) e.put("media", media);
        if (!e.isEmpty()) spec.set("emulate", e);
    }

    private ArrayNode readActions() {
        ArrayNode all = Jackson.MAPPER.createArrayNode();
        if (actionsFile != null) {
            JsonNode file;
            try {
                file = Jackson.MAPPER.readTree(Files.readString(actionsFile));
            } catch (IOException e) {
                throw new InvalidRequestException("clean.actions", "cannot read " + actionsFile + ": " + e.getMessage());
            }
            if (file == null || !file.isArray()) throw new InvalidRequestException("clean.actions", actionsFile + " must hold a JSON array of actions");
            file.forEach(all::add);
        }
        for (String a : actions) {
            try {
                JsonNode n = Jackson.MAPPER.readTree(a);
                if (n == null || !n.isObject()) throw new IOException("not a JSON object");
                all.add(n);
            } catch (IOException ex) {
                throw new InvalidRequestException("clean.actions", "--action takes a JSON object such as '{\"type\":\"click\",\"selector\":\"#more\"}', was '" + a + "'");
            }
        }
        return all;
    }

    private static ObjectNode parseGeolocation(String s) {
        String[] p = s.split(",");
        if (p.length < 2 || p.length > 3) throw new InvalidRequestException("emulate.geolocation", "expected LAT,LON[,ACCURACY], was '" + s + "'");
        ObjectNode g = Jackson.MAPPER.createObjectNode();
        try {
            g.put("latitude", Double.parseDouble(p[0].trim())).put("longitude", Double.parseDouble(p[1].trim()));
            if (p.length == 3) g.put("accuracy", Double.parseDouble(p[2].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("emulate.geolocation", "expected numbers LAT,LON[,ACCURACY], was '" + s + "'");
        }
        return g;
    }

    /** The flag of a {@code clean.X} or {@code emulate.X} field path ({@code clean.actions[2].selector} is {@code --action}). */
    static String flag(String field) {
        String rest = field.substring(field.indexOf('.') + 1).split("[.\\[]", 2)[0];
        return rest.equals("actions") ? "--action" : "--" + FlagNames.kebab(rest);
    }
}
