package io.signflow.document;

/** An uploaded file that cannot be used; the message completes "The file ...". */
class UnreadableDocument extends RuntimeException {

    public UnreadableDocument(String reason) {
        super(reason, null, false, false);
    }
}
