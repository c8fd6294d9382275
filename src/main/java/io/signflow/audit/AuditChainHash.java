package io.signflow.audit;

import org.apache.commons.codec.digest.DigestUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hash that links an audit entry to the one before it in its contract's chain: SHA-256 over the
 * previous entry's hash and the entry's fields, each written as its UTF-8 length and bytes (a missing
 * value as length -1), so that no two different entries encode alike. The user agent, recorded since
 * after the chain began, follows the time and only when present: entries without one hash as they
 * always did, and an entry with one has one field more, so the two never encode alike. The time counts in whole
 * microseconds of UTC, what both databases store. This encoding is what every stored hash was made
 * with: changing it breaks every existing chain.
 */
public final class AuditChainHash {

    /** What the first entry of a contract names as its predecessor. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChainHash() {
    }

    public static String of(String previousHash, String groupId, String flowId, String event, String actor, String ip,
                            String userAgent, String detail, OffsetDateTime occurredAt) {
        List<String> fields = new ArrayList<>(Arrays.asList(previousHash, groupId, flowId, event, actor, ip, detail,
                micros(occurredAt)));
        if (userAgent != null) {
            fields.add(userAgent);
        }
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return DigestUtils.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The precision the databases keep: a time is hashed as it will be read back. */
    public static OffsetDateTime storable(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static String micros(OffsetDateTime time) {
        Instant instant = time.toInstant();
        // String.format costs more than the hash itself on a creation's dozen entries
        String fraction = Integer.toString(instant.getNano() / 1000);
        return instant.getEpochSecond() + "." + "0".repeat(6 - fraction.length()) + fraction;
    }
}
