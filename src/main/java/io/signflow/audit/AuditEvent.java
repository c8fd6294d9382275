package io.signflow.audit;

/** What happened to a contract. */
public enum AuditEvent {
    CREATED, NOTIFIED, LINK_OPENED, CODE_SENT, IDENTITY_VERIFIED, SIGNED, REJECTED, FILLED, CANCELLED, EXPIRED,
    COMPLETED, SEALED, DOWNLOADED, SIGN_REVIEWED
}
