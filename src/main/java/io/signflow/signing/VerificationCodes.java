package io.signflow.signing;

import io.signflow.common.RequestRejected;
import io.signflow.common.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes that prove a signer holds the phone the contract names. One live code per signer,
 * stored as a hash; a new one at most every {@code codeInterval} and {@code codesPerDay} a day; a code
 * lives {@code codeTtl}; after {@code codeAttempts} wrong entries it is void and the signer is locked out
 * for {@code lockout}. A code is used up by the action it authorises.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final SigningProperties properties;
    private final Clock clock;

    public VerificationCodes(JdbcClient jdbc, SigningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    private record Live(String codeHash, OffsetDateTime sentAt, OffsetDateTime expiresAt, int attempts, int sentToday,
                        LocalDate sentDay, OffsetDateTime lockedUntil) {
    }

    /** A new code for the signer, or a refusal saying when to ask again. The caller holds the signer's lock. */
    public String issue(String signerId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(CHINA).toLocalDate();
        Optional<Live> live = find(signerId, false);
        int sentToday = 1;
        if (live.isPresent()) {
            Live current = live.get();
            refuseWhileLocked(current, now);
            Duration since = Duration.between(current.sentAt(), now);
            if (since.compareTo(properties.codeInterval()) < 0) {
                throw new RequestRejected(HttpStatus.TOO_MANY_REQUESTS, "A code was sent "
                        + since.toSeconds() + " s ago; ask again in "
                        + properties.codeInterval().minus(since).toSeconds() + " s.");
            }
            sentToday = current.sentDay().equals(today) ? current.sentToday() + 1 : 1;
            if (sentToday > properties.codesPerDay()) {
                throw new RequestRejected(HttpStatus.TOO_MANY_REQUESTS, "No more codes can be sent today.");
            }
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("delete from verification_code where signer_id = ?").param(signerId).update();
        jdbc.sql("insert into verification_code (signer_id, code_hash, sent_at, expires_at, attempts, sent_today, sent_day) "
                        + "values (?, ?, ?, ?, 0, ?, ?)")
                .params(signerId, hash(signerId, code), now, now.plus(properties.codeTtl()), sentToday, today)
                .update();
        return code;
    }

    /**
     * Uses up the signer's code if {@code code} is it; otherwise counts a wrong attempt and refuses. The
     * code's row is locked first, so concurrent attempts are judged one after another, each seeing the
     * count the one before left. The caller commits its transaction on {@link WrongCode} (it has changed
     * nothing before asking), so the count stands.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = WrongCode.class)
    public void consume(String signerId, String code) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Live live = find(signerId, true)
                .orElseThrow(() -> RequestRejected.badRequest("Ask for a verification code first."));
        refuseWhileLocked(live, now);
        if (live.expiresAt().isBefore(now) || live.attempts() >= properties.codeAttempts()) {
            throw RequestRejected.badRequest("The verification code has expired; ask for a new one.");
        }
        if (code == null || !MessageDigest.isEqual(hash(signerId, code).getBytes(StandardCharsets.US_ASCII),
                live.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            boolean lockOut = live.attempts() + 1 >= properties.codeAttempts();
            jdbc.sql("update verification_code set attempts = attempts + 1, locked_until = ? where signer_id = ?")
                    .params(lockOut ? now.plus(properties.lockout()) : null, signerId).update();
            throw new WrongCode(lockOut);
        }
        jdbc.sql("update verification_code set expires_at = ? where signer_id = ?").params(now, signerId).update();
    }

    /** A wrong code; {@code lockOut} when it was the last attempt allowed. */
    public static class WrongCode extends RequestRejected {

        WrongCode(boolean lockOut) {
            super(HttpStatus.BAD_REQUEST, lockOut ? "The verification code is wrong. Too many wrong codes: try again later."
                    : "The verification code is wrong.");
        }
    }

    private void refuseWhileLocked(Live live, OffsetDateTime now) {
        if (live.lockedUntil() != null && live.lockedUntil().isAfter(now)) {
            throw new RequestRejected(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong codes; try again after "
                    + live.lockedUntil().atZoneSameInstant(CHINA).toLocalTime().withNano(0) + " (Beijing time).");
        }
    }

    private Optional<Live> find(String signerId, boolean lock) {
        return jdbc.sql("select code_hash, sent_at, expires_at, attempts, sent_today, sent_day, locked_until "
                        + "from verification_code where signer_id = ?" + (lock ? " for update" : ""))
                .param(signerId).query(Rows.of(Live.class)).optional();
    }

    private static String hash(String signerId, String code) {
        return DigestUtils.sha256Hex((signerId + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
