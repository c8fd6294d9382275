package io.signflow.outbox;

/** What leaves the system: a text to a signer's phone, or a callback to an integrator's URL. */
public enum MessageKind { NOTIFICATION, CALLBACK }
