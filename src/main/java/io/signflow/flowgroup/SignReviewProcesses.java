package io.signflow.flowgroup;

/**
 * What the review actions need from sign-flow: a signer's review is a user task of the contract's
 * process, and a decision made over the API completes it as a decision in Tasklist does. Owned here,
 * implemented by the process module.
 */
public interface SignReviewProcesses {

    /**
     * Completes the review task waiting for {@code recipientId} in the contract with the decision; the
     * model's steps after it record and announce it. False when no review task waits for that signer
     * (the contract's model version has no review step, or an operator moved the instance on).
     */
    boolean decide(String flowId, String recipientId, SignReviewDecision decision);
}
