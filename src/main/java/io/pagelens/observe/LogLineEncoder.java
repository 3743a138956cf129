package io.pagelens.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encoder of {@code logback.xml}: each event becomes one line of logfmt ({@code <format>text</format>}, the
 * default) or of flat JSON ({@code json}). See {@link LogFields} for the fields and {@link LogSettings} for the
 * variable that chooses; an unknown format is refused there before logging starts.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private boolean json;

    public void setFormat(String format) {
        String f = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("logfmt") && !f.equals("json")) {
            addError("PAGELENS_LOG_FORMAT=" + f + ": must be text (logfmt) or json");
        }
        this.json = f.equals("json");
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        var fields = LogFields.of(event);
        return (json ? JsonLogWriter.line(fields) : LogfmtWriter.line(fields)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
