package io.signflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signflow.common.RequestRejected;
import io.signflow.support.AdjustableClock;
import io.signflow.support.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * The verification code's rules with a clock the test moves: a code lives five minutes, a new one
 * comes at most once a minute and ten times a (Beijing) day, five wrong entries void it and lock the
 * signer out for fifteen minutes, and a code is used up by the action it authorises. The rules are
 * partly SQL, so this runs on an in-memory H2 with the application's migrations (no Spring context).
 */
class VerificationCodesTest {

    /** 23:00 in Beijing. */
    private static final Instant START = Instant.parse("2026-03-01T15:00:00Z");
    private static final SigningProperties PROPERTIES = new SigningProperties(Duration.ofDays(30),
            Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(60), 10, 5, Duration.ofMinutes(15),
            DataSize.ofKilobytes(512), Duration.ofDays(7));

    private final MigratedDatabase database = new MigratedDatabase();
    private final AdjustableClock clock = AdjustableClock.at(START);
    private final VerificationCodes codes = new VerificationCodes(database.jdbc(), PROPERTIES, clock);
    private final String signer = database.signer(database.group(database.organization()));

    private static void assertRejected(ThrowingCallable call, HttpStatus status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aCodeIsSixDigitsAndIsStoredOnlyAsAHash() {
        String code = codes.issue(signer);

        assertThat(code).matches("\\d{6}");
        String stored = database.jdbc().sql("select code_hash from verification_code where signer_id = ?")
                .param(signer).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(code);
    }

    @Test
    void aCodeWorksForFiveMinutesAndNotASecondMore() {
        String code = codes.issue(signer);
        clock.advance(Duration.ofMinutes(5));
        codes.consume(signer, code);

        clock.advance(Duration.ofMinutes(1));
        String late = codes.issue(signer);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertRejected(() -> codes.consume(signer, late), HttpStatus.BAD_REQUEST, "has expired");
    }

    @Test
    void aCodeIsUsedUpByTheActionItAuthorises() {
        String code = codes.issue(signer);
        codes.consume(signer, code);

        clock.advance(Duration.ofSeconds(1));
        assertRejected(() -> codes.consume(signer, code), HttpStatus.BAD_REQUEST, "has expired");
    }

    @Test
    void withoutACodeThereIsNothingToEnter() {
        assertRejected(() -> codes.consume(signer, "123456"), HttpStatus.BAD_REQUEST,
                "Ask for a verification code first");
    }

    @Test
    void fourWrongEntriesLeaveTheCodeUsableAndTheFifthLocksTheSignerOutForFifteenMinutes() {
        String code = codes.issue(signer);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> codes.consume(signer, wrong(code))).isInstanceOf(VerificationCodes.WrongCode.class)
                    .hasMessage("The verification code is wrong.");
        }
        codes.consume(signer, code);

        clock.advance(Duration.ofMinutes(1));
        String next = codes.issue(signer);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> codes.consume(signer, null)).isInstanceOf(VerificationCodes.WrongCode.class);
        }
        assertThatThrownBy(() -> codes.consume(signer, wrong(next))).isInstanceOf(VerificationCodes.WrongCode.class)
                .hasMessageContaining("Too many wrong codes");

        // 23:01 + 15 minutes in Beijing
        assertRejected(() -> codes.consume(signer, next), HttpStatus.TOO_MANY_REQUESTS, "try again after 23:16 (Beijing time)");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertRejected(() -> codes.issue(signer), HttpStatus.TOO_MANY_REQUESTS, "Too many wrong codes");

        clock.advance(Duration.ofSeconds(1));
        assertRejected(() -> codes.consume(signer, next), HttpStatus.BAD_REQUEST, "has expired");
        codes.consume(signer, codes.issue(signer));
    }

    @Test
    void aNewCodeComesAMinuteAfterTheLastAndReplacesIt() {
        String first = codes.issue(signer);
        clock.advance(Duration.ofSeconds(59));
        assertRejected(() -> codes.issue(signer), HttpStatus.TOO_MANY_REQUESTS, "sent 59 s ago; ask again in 1 s");

        clock.advance(Duration.ofSeconds(1));
        String second = codes.issue(signer);

        if (!second.equals(first)) {
            assertThatThrownBy(() -> codes.consume(signer, first)).isInstanceOf(VerificationCodes.WrongCode.class);
        }
        codes.consume(signer, second);
    }

    @Test
    void tenCodesADayInBeijingTimeThenNoneUntilMidnightThere() {
        for (int i = 0; i < 10; i++) {
            codes.issue(signer);
            clock.advance(Duration.ofMinutes(1));
        }
        assertRejected(() -> codes.issue(signer), HttpStatus.TOO_MANY_REQUESTS, "No more codes can be sent today");

        // 23:59:59 in Beijing is still the same day; midnight there (16:00 UTC) is the next
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-01T15:59:59Z")));
        assertRejected(() -> codes.issue(signer), HttpStatus.TOO_MANY_REQUESTS, "No more codes can be sent today");
        clock.advance(Duration.ofSeconds(1));
        codes.consume(signer, codes.issue(signer));
    }

    @Test
    void eachSignerHasACodeOfTheirOwn() {
        String other = database.signer(database.group(database.organization()));
        String mine = codes.issue(signer);
        String theirs = codes.issue(other);

        codes.consume(other, theirs);
        codes.consume(signer, mine);
    }
}
