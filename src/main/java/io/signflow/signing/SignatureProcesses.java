package io.signflow.signing;

import java.util.List;

/**
 * What signing tells a contract's process: an approver signed or rejected. Owned here and implemented
 * by the process adapters, so signing never depends on the engine. The process takes it from there:
 * the next turns, the contract's end and every callback about it are steps of its model.
 */
public interface SignatureProcesses {

    /** An approver's signature on one contract. */
    record Signature(String flowId, String recipientId) {
    }

    /**
     * The approvers signed their contracts in one action; their signatures are recorded and the
     * contracts locked. Every contract's process is woken, in the order given.
     */
    void signed(List<Signature> signatures);

    /** {@code recipientId} rejected the contract; their rejection is recorded and the contract locked. */
    void rejected(String flowId, String recipientId);
}
