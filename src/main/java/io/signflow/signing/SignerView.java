package io.signflow.signing;

import java.util.List;

/**
 * What the signer page shows: the group, who is signing, and each of their contracts with its pages
 * and the signer's own fields. {@code state} sums it up: TO_SIGN (something can be signed now),
 * WAITING (it is someone else's turn first), DONE (all signed) or ENDED (nothing left to do).
 * {@code verification} is how the signer proves who they are: always MOBILE_CODE. {@code jumpUrl} is where
 * the link's issuer asked to send the signer once done (CreateBatchQuickSignUrl's JumpUrl), or null.
 */
record SignerView(String groupName, String initiator, Person signer, String verification, SignerState state,
                         boolean needsSignature, boolean needsSeal, List<SealOption> seals,
                         List<Contract> contracts, String jumpUrl) {

    record Person(String name, String organization, String mobile) {
    }

    record SealOption(String sealId, String name) {
    }

    record Contract(String flowId, String flowName, String flowType, String description, int flowStatus,
                           int approveStatus, String message, boolean canSign, boolean canReject, List<Page> pages,
                           List<Field> fields) {
    }

    record Page(double width, double height) {
    }

    /** A control of this signer, in pt from the page's top-left; {@code choices} for a SELECTOR. */
    record Field(long id, String type, String name, int page, double x, double y, double width, double height,
                        boolean required, String value, List<String> choices) {
    }
}
