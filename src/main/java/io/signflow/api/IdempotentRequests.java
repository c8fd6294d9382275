package io.signflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating actions sent with {@value #HEADER}: one success per organization and key. The key is
 * recorded in the action's transaction, before the action runs, so a retry that arrives while the
 * first request is still running waits on the key's row and, once that commits, answers with what it
 * stored; a failed request records nothing and the retry runs afresh. The same key with another
 * request (another action or other fields) is refused. Keys are kept for {@code retention}.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "X-Signflow-Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final ObjectWriter CANONICAL = ApiJson.MAPPER.writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
                       @Value("${signflow.api.idempotency-retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.retention = retention;
    }

    /** Refuses a key that is not 1–64 letters, digits, '_', '.', ':' or '-'. */
    static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, HEADER
                    + " must be 1 to 64 letters, digits, '_', '.', ':' or '-'.");
        }
        return key;
    }

    /**
     * The answer to {@code request} of {@code action} under {@code key}: the stored first answer, or
     * what {@code work} answers, stored in one transaction with it.
     */
    JsonNode once(String organizationId, String key, String action, Object request, Supplier<JsonNode> work) {
        String hash = hash(action, request);
        try {
            Optional<JsonNode> stored = stored(organizationId, key, hash);
            if (stored.isPresent()) {
                return stored.get();
            }
            return transaction.execute(status -> {
                jdbc.sql("insert into api_idempotency_key (organization_id, idempotency_key, request_hash, created_at)"
                                + " values (?, ?, ?, ?)")
                        .params(organizationId, key, hash, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                        .update();
                JsonNode answer = work.get();
                jdbc.sql("update api_idempotency_key set response = ? where organization_id = ? and idempotency_key = ?")
                        .params(json(answer), organizationId, key)
                        .update();
                return answer;
            });
        } catch (DuplicateKeyException concurrent) {
            // a request with this key committed while this one ran: its answer is the answer
            return stored(organizationId, key, hash).orElseThrow(() -> concurrent);
        }
    }

    private Optional<JsonNode> stored(String organizationId, String key, String hash) {
        Optional<Stored> row = jdbc.sql("select request_hash, response from api_idempotency_key"
                        + " where organization_id = ? and idempotency_key = ?")
                .params(organizationId, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get().requestHash().equals(hash)) {
            throw new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, "The " + HEADER + " " + key
                    + " was used for another request; use a new key for a new request.");
        }
        try {
            return Optional.of(ApiJson.MAPPER.readTree(row.get().response()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The action and its fields as read (so the request style and the order of fields do not matter). */
    private static String hash(String action, Object request) {
        return DigestUtils.sha256Hex(action + '\n' + json(request));
    }

    private static String json(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelayString = "${signflow.api.idempotency-cleanup:1h}")
    void forgetExpired() {
        jdbc.sql("delete from api_idempotency_key where created_at < ?")
                .param(OffsetDateTime.now(clock).minus(retention).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    private record Stored(String requestHash, String response) {
    }
}
