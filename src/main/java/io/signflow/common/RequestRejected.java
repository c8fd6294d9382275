package io.signflow.common;

import org.springframework.http.HttpStatus;

/** A refused request to one of our own HTTP APIs (admin, signer page), answered as RFC 7807 problem JSON. */
public class RequestRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public RequestRejected(HttpStatus status, String message) {
        this(status, null, message);
    }

    /** With the ESS error code that names the refusal, given in the problem's {@code code} property. */
    public RequestRejected(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RequestRejected badRequest(String message) {
        return new RequestRejected(HttpStatus.BAD_REQUEST, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(HttpStatus.NOT_FOUND, message);
    }

    public static RequestRejected conflict(String message) {
        return new RequestRejected(HttpStatus.CONFLICT, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
