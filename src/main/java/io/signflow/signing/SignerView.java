package io.signflow.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the signer page shows: the group, who is signing, and each of their contracts with its pages
 * and the signer's own fields ({@code awaitingReview}: the initiator reviews this signature and has
 * not passed it yet, so signing is refused until it does). {@code state} sums it up: TO_SIGN (something can be signed now),
 * WAITING (it is someone else's turn first), DONE (all signed) or ENDED (nothing left to do).
 * {@code verification} is how the signer proves who they are: always MOBILE_CODE. {@code signatureKinds}
 * says how the signature may be made (HANDWRITE, SYSTEM_ESIGN: generated from the name);
 * {@code legalPersonSeals} are the legal representative's seals for SIGN_LEGAL_PERSON_SEAL controls.
 * {@code viewLocked}: some contracts are shown (and signed) only after a one-time code (ApproverVerifyTypes 2);
 * until then they come without pages and fields. {@code jumpUrl} is where the link's issuer asked to send
 * the signer once done (CreateBatchQuickSignUrl's JumpUrl), or null.
 */
record SignerView(String groupName, String initiator, Person signer, String verification, SignerState state,
                         boolean needsSignature, boolean needsSeal, List<SealOption> seals,
                         List<Contract> contracts, List<String> signatureKinds, boolean needsLegalPersonSeal,
                         List<SealOption> legalPersonSeals, boolean viewLocked, String jumpUrl) {

    record Person(String name, String organization, String mobile) {
    }

    record SealOption(String sealId, String name) {
    }

    record Contract(String flowId, String flowName, String flowType, String description, int flowStatus,
                           int approveStatus, String message, boolean canSign, boolean canReject, List<Page> pages,
                           List<Field> fields, boolean awaitingReview) {
    }

    record Page(double width, double height) {
    }

    /**
     * A control of this signer, in pt from the page's top-left; {@code choices} for a SELECTOR or
     * SIGN_SELECTOR; {@code value} a fill control's, or the opinion the initiator set on a SIGN_OPINION;
     * {@code settings} for the controls {@link FillControlSettings} describes. The initiator's WATERMARK
     * is listed too, to be drawn over every page.
     */
    record Field(long id, String type, String name, int page, double x, double y, double width, double height,
                        boolean required, String value, List<String> choices, JsonNode settings) {
    }
}
