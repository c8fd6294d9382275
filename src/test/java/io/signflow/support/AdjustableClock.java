package io.signflow.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves on instead of waiting: either stopped at an instant ({@link #at}) or following
 * the system clock with an offset ({@link #system}). Thread-safe, so the application's threads may read
 * it while the test moves it.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock(Clock base) {
        this.base = base;
    }

    /** Stopped at {@code instant} until the test moves it. */
    public static AdjustableClock at(Instant instant) {
        return new AdjustableClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** The system clock (UTC), moved by whatever the test adds. */
    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC());
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to the base clock. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application reads its clock in UTC");
    }
}
