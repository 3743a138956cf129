package io.pagelens.monitor;

import io.pagelens.capture.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interval and cron schedules: time zones, DST edges, coalescing after downtime; all on fixed instants (no wall clock). */
class ScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static String local(Instant i, ZoneId zone) {
        return i.atZone(zone).toLocalDateTime().toString();
    }

    @Test
    void cron_runsAtLocalTimeOfItsZone() {
        Schedule s = Schedule.Cron.of("0 9 * * 1-5", "America/New_York");
        Instant friday = at("2026-06-05T10:00", NEW_YORK);
        Instant next = s.nextAfter(friday);
        assertThat(local(next, NEW_YORK)).isEqualTo("2026-06-08T09:00"); // Monday
        assertThat(next).isEqualTo(Instant.parse("2026-06-08T13:00:00Z")); // EDT is UTC-4
        Instant winter = s.nextAfter(at("2026-12-04T10:00", NEW_YORK));
        assertThat(winter).isEqualTo(Instant.parse("2026-12-07T14:00:00Z")); // EST is UTC-5
    }

    @Test
    void cron_dailyAcrossSpringForward_keepsLocalHour_andDayIs23Hours() {
        Schedule s = Schedule.Cron.of("0 9 * * *", "Europe/Berlin");
        Instant sat = s.nextAfter(at("2026-03-28T08:00", BERLIN));
        Instant sun = s.nextAfter(sat);
        assertThat(local(sat, BERLIN)).isEqualTo("2026-03-28T09:00");
        assertThat(local(sun, BERLIN)).isEqualTo("2026-03-29T09:00");
        assertThat(Duration.between(sat, sun)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void cron_timeInsideTheSkippedHour_runsOnceThatDay() {
        // 2026-03-29 02:00 -> 03:00 in Berlin: 02:30 does not exist that night
        Schedule s = Schedule.Cron.of("30 2 * * *", "Europe/Berlin");
        Instant before = at("2026-03-28T12:00", BERLIN);
        Instant first = s.nextAfter(before);
        Instant second = s.nextAfter(first);
        assertThat(first).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // when the gap ends: 03:00 CEST
        assertThat(local(second, BERLIN)).isEqualTo("2026-03-30T02:30");
    }

    @Test
    void cron_timeInsideTheRepeatedHour_runsOnce() {
        // 2026-10-25 03:00 -> 02:00 in Berlin: 02:30 happens twice (CEST, then CET)
        Schedule s = Schedule.Cron.of("30 2 * * *", "Europe/Berlin");
        Instant first = s.nextAfter(at("2026-10-24T12:00", BERLIN));
        Instant second = s.nextAfter(first);
        assertThat(local(first, BERLIN)).isEqualTo("2026-10-25T02:30");
        assertThat(local(second, BERLIN)).isEqualTo("2026-10-26T02:30");
    }

    @Test
    void cron_hourlyAcrossFallBack_hasNoGapLongerThanAnHour() {
        Schedule s = Schedule.Cron.of("0 * * * *", "Europe/Berlin");
        Instant t = at("2026-10-24T23:30", BERLIN);
        for (int i = 0; i < 6; i++) {
            Instant n = s.nextAfter(t);
            assertThat(Duration.between(t, n)).isLessThanOrEqualTo(Duration.ofHours(1));
            t = n;
        }
    }

    @Test
    void cron_catchUp_coalescesMissedTimes() {
        Schedule s = Schedule.Cron.of("*/5 * * * *", "UTC");
        Instant due = Instant.parse("2026-06-01T10:00:00Z");
        Schedule.Catchup c = s.catchUp(due, Instant.parse("2026-06-01T10:17:00Z"));
        assertThat(c.run()).isEqualTo(Instant.parse("2026-06-01T10:15:00Z"));
        assertThat(c.missed()).isEqualTo(3);
        assertThat(c.next()).isEqualTo(Instant.parse("2026-06-01T10:20:00Z"));
    }

    @Test
    void interval_catchUp_isArithmetic() {
        Schedule s = Schedule.every("30s", Duration.ofSeconds(1));
        Instant due = Instant.parse("2026-06-01T10:00:00Z");
        Schedule.Catchup none = s.catchUp(due, due.plusMillis(100));
        assertThat(none.run()).isEqualTo(due);
        assertThat(none.missed()).isZero();
        assertThat(none.next()).isEqualTo(due.plusSeconds(30));
        Schedule.Catchup week = s.catchUp(due, due.plus(Duration.ofDays(7)).plusSeconds(10));
        assertThat(week.missed()).isEqualTo(7 * 86400 / 30);
        assertThat(week.run()).isEqualTo(due.plus(Duration.ofDays(7)));
        assertThat(week.next()).isEqualTo(due.plus(Duration.ofDays(7)).plusSeconds(30));
    }

    @Test
    void errors_nameTheField() {
        assertThatThrownBy(() -> Schedule.every("10s", Duration.ofSeconds(60)))
                .isInstanceOf(InvalidRequestException.class).extracting("field").isEqualTo("interval");
        assertThatThrownBy(() -> Schedule.every("soon", Duration.ofSeconds(1))).extracting("field").isEqualTo("interval");
        assertThatThrownBy(() -> Schedule.Cron.of("61 * * * *", "UTC")).extracting("field").isEqualTo("cron");
        assertThatThrownBy(() -> Schedule.Cron.of("0 9 * * *", "Mars/Olympus")).extracting("field").isEqualTo("timezone");
        assertThatThrownBy(() -> Schedule.of("1m", "0 9 * * *", null, Duration.ofSeconds(1))).extracting("field").isEqualTo("interval");
        assertThatThrownBy(() -> Schedule.of(null, "* * * * *", null, Duration.ofMinutes(5))).extracting("field").isEqualTo("cron");
    }

    @Test
    void jitter_isStableBoundedAndSpread() {
        MonitorSettings s = MonitorSettings.DEFAULTS;
        assertThat(s.jitterFor("mon_a", Duration.ofMinutes(1))).isEqualTo(s.jitterFor("mon_a", Duration.ofMinutes(1)));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            Duration j = s.jitterFor("mon_" + i, Duration.ofMinutes(1));
            assertThat(j).isLessThan(Duration.ofSeconds(6)).isGreaterThanOrEqualTo(Duration.ZERO);
            seen.add(j.toMillis() / 600);
        }
        assertThat(seen).hasSizeGreaterThan(7); // spread over most of the ten 0.6 s buckets
        assertThat(new MonitorSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 1).jitterFor("x", Duration.ofHours(1)))
                .isZero();
    }

    @Test
    void zonedPrinting() {
        assertThat(ZonedDateTime.ofInstant(Instant.EPOCH, BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
    }
}
