package io.pagelens.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

import java.util.Locale;

/**
 * Lets an appender log only when {@code PAGELENS_LOG_FORMAT} names it, so logback.xml can hold the text and
 * the JSON appender side by side without Janino conditionals (and without logback's warning about an
 * unreferenced appender).
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
    private String format = "text";
    private String selected = "text";

    /** The format this appender writes. */
    public void setFormat(String format) {
        this.format = format.trim().toLowerCase(Locale.ROOT);
    }

    /** The format chosen by configuration. */
    public void setSelected(String selected) {
        this.selected = selected.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void start() {
        if (!selected.equals("text") && !selected.equals("json")) {
            addError("PAGELENS_LOG_FORMAT=" + selected + ": must be text or json; using text");
            selected = "text";
        }
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return format.equals(selected) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
