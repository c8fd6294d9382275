package io.signflow.signing;

/**
 * What signing tells a contract's process: an approver signed or rejected. Owned here and implemented
 * by the process adapters, so signing never depends on the engine. The process takes it from there:
 * the next turns, the contract's end and every callback about it are steps of its model.
 */
public interface SignatureProcesses {

    /** {@code recipientId} signed the contract; their signature is recorded and the contract locked. */
    void signed(String flowId, String recipientId);

    /** {@code recipientId} rejected the contract; their rejection is recorded and the contract locked. */
    void rejected(String flowId, String recipientId);
}
