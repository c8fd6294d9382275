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
 * Links to final PDFs and evidence reports that work without a login until they expire, like ESS's
 * pre-signed URLs. The
 * link carries its expiry and an HMAC-SHA256 over the contract id and that expiry under a key derived
 * from the master key: changing either breaks the signature, and no link is stored.
 */
@Component
public class DownloadLinks {

    private final byte[] key;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public DownloadLinks(SecretCipher cipher, PublicUrl publicUrl, Clock clock) {
        this.key = cipher.derivedKey("download-links");
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public enum Check { VALID, EXPIRED, FORGED }

    private static final String EVIDENCE_REPORT = "evidence-report/";
    private static final String FILL_IMAGE = "fill-image/";

    public String issue(String flowId, Duration ttl) {
        return link("/files/flows/" + flowId + ".pdf", flowId, ttl);
    }

    /** A forged link is told apart from an expired one only after its signature is checked. */
    public Check check(String flowId, long expires, String signature) {
        return checkSubject(flowId, expires, signature);
    }

    /**
     * A link to an evidence report's PDF. It signs "evidence-report/" and the report's id, a subject no
     * contract id can equal, so a report's link can never be turned into a contract's or back.
     */
    public String issueForEvidenceReport(String reportId, Duration ttl) {
        return link("/files/evidence-reports/" + reportId + ".pdf", EVIDENCE_REPORT + reportId, ttl);
    }

    public Check checkEvidenceReport(String reportId, long expires, String signature) {
        return checkSubject(EVIDENCE_REPORT + reportId, expires, signature);
    }

    /**
     * A link to an uploaded image filled into a FILL_IMAGE control. It signs "fill-image/" and the
     * file's id, a subject apart from contracts' and reports'.
     */
    public String issueForFillImage(String fileId, Duration ttl) {
        return link("/files/images/" + fileId, FILL_IMAGE + fileId, ttl);
    }

    public Check checkFillImage(String fileId, long expires, String signature) {
        return checkSubject(FILL_IMAGE + fileId, expires, signature);
    }

    private String link(String path, String subject, Duration ttl) {
        long expires = Instant.now(clock).plus(ttl).getEpochSecond();
        return publicUrl.resolve(path + "?expires=" + expires + "&signature=" + signature(subject, expires));
    }

    private Check checkSubject(String subject, long expires, String signature) {
        boolean genuine = MessageDigest.isEqual(signature(subject, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Check.FORGED;
        }
        return Instant.now(clock).getEpochSecond() > expires ? Check.EXPIRED : Check.VALID;
    }

    private String signature(String subject, long expires) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex(subject + "\n" + expires);
    }
}
