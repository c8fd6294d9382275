package io.signflow.outbox;

/** A delivery attempt that did not reach its recipient; the message says why, for the operator. */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String message) {
        super(message);
    }

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
