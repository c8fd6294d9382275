package io.signflow.api;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses a signature v1 request that was received before. The signature covers the Nonce, the
 * Timestamp and every parameter, so two different requests never share one, while a replayed request
 * repeats it exactly; keying on the signature rather than on the Nonce alone also spares the Node.js
 * SDK, whose Nonce has only 65,536 values, from refusals of requests that merely drew the same number.
 * The record lives in the database, shared by every node, until the timestamp check would refuse the
 * request anyway.
 */
@Component
class ReplayGuard {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReplayGuard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this key's signature is seen; false for a replay. */
    boolean firstUse(String secretId, String signature, long expiresAtEpochSecond) {
        try {
            jdbc.sql("insert into api_used_signature (secret_id, signature, expires_at) values (?, ?, ?)")
                    .params(secretId, signature, OffsetDateTime.ofInstant(
                            Instant.ofEpochSecond(expiresAtEpochSecond), ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Scheduled(fixedDelayString = "${signflow.api.used-signature-cleanup:60s}")
    void forgetExpired() {
        jdbc.sql("delete from api_used_signature where expires_at < ?")
                .param(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }
}
