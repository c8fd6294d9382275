package io.signflow.signing;

import io.signflow.common.PublicUrl;
import io.signflow.common.Rows;
import io.signflow.common.TransactionBatch;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signer links: {@code <public url>/sign/<token>}, the token 256 random bits. {@code sign_link} keeps
 * only the token's SHA-256. The whole link also travels in the notification that carries it, which
 * the outbox holds until it is delivered; with a real sender it is erased from the message then
 * ({@code NotificationDeliverer}), so a copy of the database gives no working link once the texts
 * have gone out. Only the development sender {@code log} keeps links readable, because the admin API
 * is its phone. A link expires after {@code signflow.signing.link-ttl}; a new one can always be issued
 * (reminder, CreateFlowSignUrl).
 */
@Component
class SignLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final Duration ttl;
    /** Links issued in a transaction, with the other rows its steps write one after another. */
    private final TransactionBatch issued;

    public SignLinks(JdbcClient jdbc, JdbcTemplate batch, PublicUrl publicUrl, Clock clock,
                     SigningProperties properties) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.ttl = properties.linkTtl();
        this.issued = TransactionBatch.untilNextStatement("sign_link", batch,
                "insert into sign_link (token_hash, signer_id, created_at, expires_at, jump_url) values (?, ?, ?, ?, ?)");
    }

    public record IssuedLink(String url, OffsetDateTime expiresAt) {
    }

    public IssuedLink issue(String signerId) {
        return issue(signerId, ttl);
    }

    public IssuedLink issue(String signerId, Duration validity) {
        return issue(signerId, validity, null);
    }

    /** A link that, once the signer has nothing left to do, offers to take them to {@code jumpUrl} (may be null). */
    public IssuedLink issue(String signerId, Duration validity, String jumpUrl) {
        String token = newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(validity);
        issued.add(new Object[] {hash(token), signerId, now, expires, jumpUrl});
        return new IssuedLink(publicUrl.resolve("/sign/" + token), expires);
    }

    /** The signer a token belongs to, if the token is one we issued and it has not expired. */
    public Optional<String> signerOf(String token) {
        if (!looksLikeToken(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select signer_id from sign_link where token_hash = ? and expires_at > ?")
                .params(hash(token), OffsetDateTime.now(clock)).query(String.class).optional();
    }

    /** A link we issued, expired or not: its signer and where it sends them after signing. */
    public record Link(String signerId, OffsetDateTime expiresAt, String jumpUrl) {
    }

    /** The link a token stands for, whether or not it still works (the page needs its owner to answer at all). */
    public Optional<Link> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("select signer_id, expires_at, jump_url from sign_link where token_hash = ?")
                .param(hash(token)).query(Rows.of(Link.class)).optional();
    }

    /** Notes the first time a link is opened; true only that first time. */
    public boolean markOpened(String token) {
        return jdbc.sql("update sign_link set first_opened_at = ? where token_hash = ? and first_opened_at is null")
                .params(OffsetDateTime.now(clock), hash(token)).update() == 1;
    }

    /** 256 random bits, URL-safe: a link's token, for signers and copied parties alike. */
    static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether the text can be a token at all (43 characters), before any database look-up. */
    static boolean looksLikeToken(String token) {
        return token != null && token.length() == 43;
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
