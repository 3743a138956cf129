package io.pagelens.clean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Device;
import io.pagelens.capture.EmulationOptions;
import io.pagelens.capture.PageContext;
import io.pagelens.capture.PageStep;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Command;
import io.pagelens.cdp.Commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Device, locale and media emulation before navigation, through CDP's Emulation domain (and Network's user-agent
 * override, which also carries Accept-Language). Sent after the engine's set-up, so a device's mobile metrics
 * replace the plain viewport ones.
 */
final class EmulationStep implements PageStep {
    @Override
    public String name() {
        return "emulation";
    }

    @Override
    public void beforeNavigation(PageContext page) throws CdpException, InterruptedException {
        CaptureRequest r = page.request();
        EmulationOptions e = r.emulation();
        List<Command<Void>> commands = new ArrayList<>();
        Device d = e.device();
        if (d != null) {
            commands.add(Commands.setDeviceMetrics(d.width(), d.height(), d.deviceScaleFactor(), d.mobile()));
            commands.add(Cdp.command("Emulation.setTouchEmulationEnabled", Cdp.params().put("enabled", d.touch()).put("maxTouchPoints", d.touch() ? 5 : 1)));
        }
        String ua = r.userAgent() != null ? r.userAgent() : d != null ? d.userAgent() : null;
        if (e.locale() != null && ua == null) ua = page.send(Commands.getVersion()).userAgent();
        if (ua != null && (e.locale() != null || r.userAgent() == null)) {
            ObjectNode p = Cdp.params().put("userAgent", ua);
            if (e.locale() != null) p.put("acceptLanguage", acceptLanguage(e.locale()));
            commands.add(Cdp.command("Network.setUserAgentOverride", p));
        }
        if (e.locale() != null) commands.add(Cdp.command("Emulation.setLocaleOverride", Cdp.params().put("locale", e.locale())));
        if (e.timezone() != null) commands.add(Cdp.command("Emulation.setTimezoneOverride", Cdp.params().put("timezoneId", e.timezone())));
        if (e.geolocation() != null) {
            EmulationOptions.Geolocation g = e.geolocation();
            commands.add(Cdp.command("Emulation.setGeolocationOverride", Cdp.params().put("latitude", g.latitude())
                    .put("longitude", g.longitude()).put("accuracy", g.accuracy())));
        }
        String scheme = e.colorScheme() != null ? e.colorScheme() : r.darkMode() ? "dark" : null;
        if (scheme != null || e.reducedMotion() != null || e.media() != null) {
            ObjectNode p = Cdp.params();
            if (e.media() != null) p.put("media", e.media());
            ArrayNode features = p.putArray("features");
            if (scheme != null) features.addObject().put("name", "prefers-color-scheme").put("value", scheme);
            if (e.reducedMotion() != null) features.addObject().put("name", "prefers-reduced-motion").put("value", e.reducedMotion());
            commands.add(Cdp.command("Emulation.setEmulatedMedia", p));
        }
        for (Command<Void> c : commands) page.send(c);
        if (e.geolocation() != null) grantGeolocation(page);
    }

    /**
     * Without the permission the page's getCurrentPosition is refused. Granted in the capture's own browser context
     * (its id read from the target: without it the grant would go to the default context, which no capture uses).
     */
    private static void grantGeolocation(PageContext page) throws CdpException, InterruptedException {
        String context = page.send(new Command<>("Target.getTargetInfo", Cdp.params(),
                r -> r.path("targetInfo").path("browserContextId").asText(null)));
        ObjectNode p = Cdp.params();
        if (context != null) p.put("browserContextId", context);
        p.putArray("permissions").add("geolocation");
        page.send(Cdp.command("Browser.grantPermissions", p));
    }

    /** "de-DE" is "de-DE,de" (Chromium adds the q-values: "de-DE,de;q=0.9"). */
    static String acceptLanguage(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? locale : locale + "," + locale.substring(0, dash);
    }
}
