package io.signflow.signing;

import io.signflow.common.Texts;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The evidence of each signature (the signature_record table): how, with what, verified how, from where. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SignatureRecords {

    /**
     * How every signer proves who they are: a one-time code sent to the mobile the contract names.
     * ApproverVerifyType VerifyCheck (face) is accepted for compatibility, but face verification is
     * not something a self-hosted service can offer, so it is verified the same way (decisions.md).
     */
    static final String MOBILE_CODE = "MOBILE_CODE";

    private final JdbcClient jdbc;
    private final Clock clock;

    SignatureRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a person signed with: a seal (chosen or drawn) and/or a handwritten signature. */
    record Marks(String sealId, byte[] sealPng, byte[] signaturePng) {

        String method() {
            return !sealed() ? "HANDWRITTEN" : signaturePng == null ? "SEAL" : "SEAL_AND_HANDWRITTEN";
        }

        /** In the audit trail's words. */
        String described() {
            if (!sealed()) {
                return "handwritten signature";
            }
            String seal = sealId != null ? "seal " + sealId : "seal drawn from the organization's name";
            return signaturePng != null ? seal + " and handwritten signature" : seal;
        }

        private boolean sealed() {
            return sealId != null || sealPng != null;
        }
    }

    void byPerson(String flowId, String recipientId, String signerId, Marks marks, SigningService.Client client) {
        jdbc.sql("insert into signature_record (flow_id, recipient_id, signer_id, method, seal_id, signature_png, "
                        + "seal_png, verification, ip, user_agent, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(flowId, recipientId, signerId, marks.method(), marks.sealId(), marks.signaturePng(),
                        marks.sealPng(), MOBILE_CODE, client.ip(), Texts.truncate(client.userAgent(), 300),
                        OffsetDateTime.now(clock))
                .update();
    }

    /** An auto-signer's seal, applied by the platform. */
    void automatic(String flowId, String recipientId, String sealId) {
        jdbc.sql("insert into signature_record (flow_id, recipient_id, method, seal_id, verification, signed_at) "
                        + "values (?, ?, 'AUTO_SEAL', ?, 'PLATFORM', ?)")
                .params(flowId, recipientId, sealId, OffsetDateTime.now(clock)).update();
    }
}
