package io.signflow.flowgroup;

/**
 * Shows a contract before it exists (CreateFlowByFiles with NeedPreview), owned here and implemented
 * by the signing module, whose signer page shows it read-only.
 */
public interface FlowPreviews {

    /** A link to the draft's one contract as its signers would see it; nothing of the contract is recorded. */
    String previewUrl(FlowGroupDraft draft);
}
