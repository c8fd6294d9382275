package io.signflow.sealing;

import io.signflow.common.PublicUrl;
import io.signflow.common.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.springframework.stereotype.Component;

/**
 * Links to final PDFs that work without a login until they expire, like ESS's pre-signed URLs. The
 * link carries its expiry and an HMAC-SHA256 over the contract id and that expiry under a key derived
 * from the master key: changing either breaks the signature, and no link is stored.
 */
@Component
class DownloadLinks {

    private final byte[] key;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public DownloadLinks(SecretCipher cipher, PublicUrl publicUrl, Clock clock) {
        this.key = cipher.derivedKey("download-links");
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public enum Check { VALID, EXPIRED, FORGED }

    public String issue(String flowId, Duration ttl) {
        long expires = Instant.now(clock).plus(ttl).getEpochSecond();
        return publicUrl.resolve("/files/flows/" + flowId + ".pdf?expires=" + expires + "&signature="
                + signature(flowId, expires));
    }

    /** A forged link is told apart from an expired one only after its signature is checked. */
    public Check check(String flowId, long expires, String signature) {
        boolean genuine = MessageDigest.isEqual(signature(flowId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Check.FORGED;
        }
        return Instant.now(clock).getEpochSecond() > expires ? Check.EXPIRED : Check.VALID;
    }

    private String signature(String flowId, long expires) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex(flowId + "\n" + expires);
    }
}
