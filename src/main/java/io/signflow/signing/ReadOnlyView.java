package io.signflow.signing;

import java.util.List;

/**
 * What a copied party's read-only link shows on the signer page: the group, who reads, and the
 * contracts they are copied on with their pages. {@code state} is always READ_ONLY and there is
 * nothing to fill, sign or reject; the JSON has the signer view's shape so the same page renders it.
 */
record ReadOnlyView(String groupName, String initiator, SignerView.Person signer, String state, boolean readOnly,
                    List<Contract> contracts) {

    static final String STATE = "READ_ONLY";

    /** A contract as a reader sees it; {@code fields} stays empty, since a reader has no controls. */
    record Contract(String flowId, String flowName, String flowType, String description, int flowStatus,
                    String message, boolean canSign, boolean canReject, List<SignerView.Page> pages,
                    List<SignerView.Field> fields) {
    }
}
