package io.signflow.signing;

import java.util.List;

/**
 * What the read-only page of a previewed contract shows (CreateFlowByFiles with NeedPreview): the
 * fields the signer page reads, with state {@code PREVIEW}, every signer in signing order, and every
 * control on the pages with whose it is. Nothing can be signed: there is no contract yet.
 */
record PreviewView(String groupName, String initiator, String state, List<String> signers,
                   List<Contract> contracts) {

    static final String STATE = "PREVIEW";

    record Contract(String flowId, String flowName, String flowType, String description, boolean canSign,
                    boolean canReject, List<SignerView.Page> pages, List<Field> fields) {
    }

    /** A control in pt from the page's top-left; {@code owner} says who signs or fills it. */
    record Field(long id, String type, String name, String owner, int page, double x, double y, double width,
                 double height, boolean required, String value) {
    }
}
