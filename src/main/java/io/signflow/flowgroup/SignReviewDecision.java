package io.signflow.flowgroup;

/**
 * A review decision as ESS names it: PASS (the signer may sign), REJECT (they may not; the review
 * stays open for another decision) or SIGN_REJECT (the contract ends as rejected on the signer's
 * behalf). {@code reviewedBy} names who decided, for the audit trail.
 */
public record SignReviewDecision(Type type, String message, String reviewedBy) {

    public enum Type { PASS, REJECT, SIGN_REJECT }
}
