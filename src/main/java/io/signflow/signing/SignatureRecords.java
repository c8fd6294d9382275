package io.signflow.signing;

import io.signflow.common.Texts;
import io.signflow.common.TransactionBatch;
import io.signflow.signing.SignerQueries.Assignment;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate batch;
    private final Clock clock;
    /** A creation auto-signs its contracts one after another: their records are written together. */
    private final TransactionBatch automatic;

    SignatureRecords(JdbcTemplate batch, Clock clock) {
        this.batch = batch;
        this.clock = clock;
        this.automatic = TransactionBatch.untilNextStatement("signature_record.automatic", batch,
                "insert into signature_record (flow_id, recipient_id, method, seal_id, legal_person_seal_id, "
                        + "verification, signed_at) values (?, ?, 'AUTO_SEAL', ?, ?, 'PLATFORM', ?)");
    }

    /**
     * What a person signed with: a seal (chosen or drawn), the legal representative's seal, and/or a
     * signature, handwritten ({@code HANDWRITE}) or generated from their name ({@code SYSTEM_ESIGN}).
     */
    record Marks(String sealId, byte[] sealPng, byte[] signaturePng, String legalPersonSealId, String signatureKind) {

        static final String HANDWRITE = "HANDWRITE";
        static final String SYSTEM_ESIGN = "SYSTEM_ESIGN";

        String method() {
            return !sealed() ? "HANDWRITTEN" : signaturePng == null ? "SEAL" : "SEAL_AND_HANDWRITTEN";
        }

        /** In the audit trail's words. */
        String described() {
            String signature = SYSTEM_ESIGN.equals(signatureKind) ? "signature generated from the name"
                    : "handwritten signature";
            if (!sealed()) {
                return signature;
            }
            String seal = sealId != null ? "seal " + sealId : sealPng != null ? "seal drawn from the organization's name"
                    : null;
            String legal = legalPersonSealId == null ? null : "legal representative's seal " + legalPersonSealId;
            String seals = seal == null ? legal : legal == null ? seal : seal + " and " + legal;
            return signaturePng != null ? seals + " and " + signature : seals;
        }

        private boolean sealed() {
            return sealId != null || sealPng != null || legalPersonSealId != null;
        }
    }

    /** One signing action's evidence, one row per contract it signed, written in one batch. */
    void byPerson(List<Assignment> signed, String signerId, Marks marks, SigningService.Client client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String userAgent = Texts.truncate(client.userAgent(), 300);
        String signatureKind = marks.signaturePng() == null ? null : marks.signatureKind();
        batch.batchUpdate("insert into signature_record (flow_id, recipient_id, signer_id, method, seal_id, "
                        + "signature_png, seal_png, legal_person_seal_id, signature_kind, verification, ip, user_agent, "
                        + "signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                signed.stream().map(a -> new Object[] {a.flowId(), a.recipientId(), signerId, marks.method(),
                        marks.sealId(), marks.signaturePng(), marks.sealPng(), marks.legalPersonSealId(), signatureKind,
                        MOBILE_CODE, client.ip(), userAgent, now}).toList());
    }

    /** An auto-signer's seal and/or its legal representative's seal, applied by the platform. */
    void automatic(String flowId, String recipientId, String sealId, String legalPersonSealId) {
        automatic.add(new Object[] {flowId, recipientId, sealId, legalPersonSealId,
                OffsetDateTime.now(clock)});
    }
}
