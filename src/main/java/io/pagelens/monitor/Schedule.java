package io.pagelens.monitor;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.pagelens.capture.InvalidRequestException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * When a monitor is due: every fixed interval, or at the times of a five-field cron expression in a time zone.
 * Cron times are local wall-clock times (cron-utils does the calendar and the time zone rules). At DST edges, as cron
 * does: a time inside the hour a spring-forward change skips runs once, when the gap ends; a time inside the hour a
 * fall-back change repeats runs once, at its first occurrence.
 */
public sealed interface Schedule {
    /** The first due time strictly after {@code t}. */
    Instant nextAfter(Instant t);

    /** The first due time of a new (or re-scheduled) monitor at {@code now}. */
    Instant first(Instant now);

    /** A rough period, for sizing the jitter: the gap between the next two due times. */
    default Duration period(Instant from) {
        Instant a = nextAfter(from);
        return Duration.between(a, nextAfter(a));
    }

    /**
     * What is due at {@code now} for a monitor whose next due time was {@code due} (at or before now): the latest due
     * time at or before now (the one to run), how many earlier ones it stands for (missed during downtime), and the
     * next due time after now.
     */
    default Catchup catchUp(Instant due, Instant now) {
        Instant latest = due;
        int missed = 0;
        Instant next = nextAfter(latest);
        while (!next.isAfter(now)) {
            latest = next;
            missed++;
            next = nextAfter(next);
        }
        return new Catchup(latest, missed, next);
    }

    /** @param missed due times before {@code run} that were not run and are coalesced into it */
    record Catchup(Instant run, int missed, Instant next) {
    }

    /** A fixed interval; the first run is at creation, each next one an interval after the previous due time. */
    record Every(Duration interval) implements Schedule {
        @Override
        public Instant nextAfter(Instant t) {
            return t.plus(interval);
        }

        @Override
        public Instant first(Instant now) {
            return now;
        }

        @Override
        public Duration period(Instant from) {
            return interval;
        }

        /** Arithmetic instead of stepping: a week of downtime at 1 s would be 600,000 steps. */
        @Override
        public Catchup catchUp(Instant due, Instant now) {
            if (due.isAfter(now)) return new Catchup(due, 0, nextAfter(due));
            long n = Duration.between(due, now).toMillis() / interval.toMillis();
            Instant latest = due.plusMillis(n * interval.toMillis());
            return new Catchup(latest, (int) Math.min(Integer.MAX_VALUE, n), latest.plus(interval));
        }
    }

    /** A cron expression (minute hour day-of-month month day-of-week) in {@code zone}. */
    record Cron(String expression, ZoneId zone, ExecutionTime times) implements Schedule {
        static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");
        private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        /** Parses and validates; errors name {@code cron} or {@code timezone}. */
        public static Cron of(String expression, String timezone) {
            ZoneId zone;
            try {
                zone = timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone.trim());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("timezone", "is not a time zone id such as Europe/Berlin or UTC: '" + timezone + "'");
            }
            ExecutionTime times;
            try {
                times = ExecutionTime.forCron(PARSER.parse(expression.trim()).validate());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("cron", "is not a five-field cron expression (minute hour day month weekday): "
                        + e.getMessage());
            }
            Cron c = new Cron(expression.trim(), zone, times);
            if (times.nextExecution(ZonedDateTime.now(zone)).isEmpty()) throw new InvalidRequestException("cron", "never fires");
            return c;
        }

        @Override
        public Instant nextAfter(Instant t) {
            Instant next = times.nextExecution(t.atZone(zone)).map(ZonedDateTime::toInstant)
                    .orElse(NEVER); // never again: far away, so the monitor stays idle
            // cron-utils skips a time that a spring-forward gap removes (a daily 02:30 would not run that day);
            // cron and systemd run it when the gap ends, and so do we
            java.time.zone.ZoneOffsetTransition gap = zone.getRules().nextTransition(t);
            if (gap != null && gap.isGap() && gap.getInstant().isBefore(next)) {
                for (java.time.LocalDateTime l = gap.getDateTimeBefore(); l.isBefore(gap.getDateTimeAfter()); l = l.plusMinutes(1)) {
                    if (times.isMatch(ZonedDateTime.of(l, gap.getOffsetBefore()))) return gap.getInstant();
                }
            }
            return next;
        }

        @Override
        public Instant first(Instant now) {
            return nextAfter(now);
        }
    }

    /**
     * Parses an interval such as {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or {@code 1500ms}; the error names
     * {@code interval} and gives the minimum.
     */
    static Every every(String text, Duration min) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (s.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            else if (s.endsWith("s")) d = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            else if (s.endsWith("m")) d = Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            else if (s.endsWith("h")) d = Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
            else if (s.endsWith("d")) d = Duration.ofDays(Long.parseLong(s.substring(0, s.length() - 1)));
            else throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("interval", "must be a duration such as 30s, 5m, 2h or 1d, was '" + text + "'");
        }
        if (d.compareTo(min) < 0) {
            throw new InvalidRequestException("interval", "must be at least " + min.toMillis() / 1000.0
                    + " s (PAGELENS_MONITOR_MIN_INTERVAL), was '" + text + "'");
        }
        return new Every(d);
    }

    /** The schedule of a definition: exactly one of {@code interval} and {@code cron}. */
    static Schedule of(String interval, String cron, String timezone, Duration minInterval) {
        if ((interval == null) == (cron == null)) throw new InvalidRequestException("interval", "give either interval or cron");
        if (interval != null) {
            if (timezone != null) throw new InvalidRequestException("timezone", "only applies to cron");
            return every(interval, minInterval);
        }
        Cron c = Cron.of(cron, timezone);
        Instant a = c.nextAfter(Instant.now());
        if (Duration.between(a, c.nextAfter(a)).compareTo(minInterval) < 0) {
            throw new InvalidRequestException("cron", "fires more often than PAGELENS_MONITOR_MIN_INTERVAL allows");
        }
        return c;
    }
}
