package io.signflow.signing;

import io.signflow.audit.AuditEvent;
import io.signflow.audit.AuditTrail;
import io.signflow.common.Mobiles;
import io.signflow.notify.NotificationService;
import io.signflow.signing.SignerQueries.Assignment;
import io.signflow.signing.SignerQueries.Signer;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends a signer who has something to sign a one-time code to the mobile the contract names. */
@Component
class CodeSender {

    private final LinkHolders holders;
    private final SignerRegistry signers;
    private final SignerTurns turns;
    private final VerificationCodes codes;
    private final NotificationService notifications;
    private final AuditTrail audit;
    private final SigningProperties properties;

    CodeSender(LinkHolders holders, SignerRegistry signers, SignerTurns turns, VerificationCodes codes,
               NotificationService notifications, AuditTrail audit, SigningProperties properties) {
        this.holders = holders;
        this.signers = signers;
        this.turns = turns;
        this.codes = codes;
        this.notifications = notifications;
        this.audit = audit;
        this.properties = properties;
    }

    record CodeSent(String mobile, long expiresInSeconds) {
    }

    @Transactional
    public CodeSent send(String token, SigningService.Client client) {
        Signer signer = holders.of(token);
        signers.lock(signer.id());
        List<Assignment> open = turns.open(signer);
        String code = codes.issue(signer.id());
        notifications.send(signer.mobile(), NotificationService.Purpose.VERIFICATION_CODE,
                "您的签署验证码是" + code + "，" + properties.codeTtl().toMinutes() + "分钟内有效，请勿告诉他人。", null,
                code, signer.groupId());
        audit.recordAll(signer.groupId(), SignerTurns.flowIds(open), AuditEvent.CODE_SENT, AuditTrail.PLATFORM,
                client.ip(), client.userAgent(), "to " + Mobiles.masked(signer.mobile()));
        return new CodeSent(Mobiles.masked(signer.mobile()), properties.codeTtl().toSeconds());
    }
}
