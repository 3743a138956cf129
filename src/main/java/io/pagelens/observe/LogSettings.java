package io.pagelens.observe;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.util.List;
import java.util.Locale;

/**
 * How the process logs: {@code PAGELENS_LOG_FORMAT} ({@code text}: logfmt, default; {@code json}: one flat object
 * per line) and {@code PAGELENS_LOG_LEVEL} (pagelens's own loggers; libraries log at WARN). {@code logback.xml}
 * reads the same variables; {@code Main} validates them here first, so a bad value stops startup naming the
 * variable instead of logback carrying on with a status dump.
 */
public record LogSettings(Format format, String level) {
    public enum Format { TEXT, JSON }

    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    public static LogSettings fromEnv(Env env) {
        String f = env.string("PAGELENS_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        Format format = switch (f) {
            case "text", "logfmt" -> Format.TEXT;
            case "json" -> Format.JSON;
            default -> throw new ConfigException("PAGELENS_LOG_FORMAT", f, "must be text (logfmt) or json");
        };
        String level = env.string("PAGELENS_LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) throw new ConfigException("PAGELENS_LOG_LEVEL", level, "must be one of " + String.join(", ", LEVELS));
        return new LogSettings(format, level);
    }

    /** The settings of this process, from its environment. */
    public static LogSettings system() {
        return fromEnv(Env.system());
    }

    public boolean json() {
        return format == Format.JSON;
    }
}
