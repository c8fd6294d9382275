package io.signflow.signing;

import io.signflow.common.PublicUrl;
import io.signflow.common.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only links of copied parties: {@code <public url>/sign/<token>}, the signer page's address, so
 * the same page opens them and shows the contracts without anything to act on. A link stands for one
 * reader (name and mobile) in one group; {@code read_link} keeps only the token's SHA-256, and the
 * link expires after {@code signflow.signing.link-ttl} like a signer's.
 */
@Component
class ReadLinks {

    private final JdbcClient jdbc;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final Duration ttl;

    ReadLinks(JdbcClient jdbc, PublicUrl publicUrl, Clock clock, SigningProperties properties) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.ttl = properties.linkTtl();
    }

    /** Who a read-only link is for. */
    record Reader(String groupId, String name, String mobile) {
    }

    String issue(Reader reader) {
        String token = SignLinks.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into read_link (token_hash, group_id, name, mobile, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(SignLinks.hash(token), reader.groupId(), reader.name(), reader.mobile(), now, now.plus(ttl))
                .update();
        return publicUrl.resolve("/sign/" + token);
    }

    /** The reader of a token we issued that has not expired. */
    Optional<Reader> readerOf(String token) {
        if (!SignLinks.looksLikeToken(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select group_id, name, mobile from read_link where token_hash = ? and expires_at > ?")
                .params(SignLinks.hash(token), OffsetDateTime.now(clock)).query(Rows.of(Reader.class)).optional();
    }

    /** Notes the first time a link is opened; true only that first time. */
    boolean markOpened(String token) {
        return jdbc.sql("update read_link set first_opened_at = ? where token_hash = ? and first_opened_at is null")
                .params(OffsetDateTime.now(clock), SignLinks.hash(token)).update() == 1;
    }
}
