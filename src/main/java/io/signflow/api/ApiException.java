package io.signflow.api;

/**
 * An error the API answers with: one of the documented ESS codes and a message a person can act on.
 * It carries no stack trace; it is an answer, not a fault.
 */
public class ApiException extends RuntimeException {

    private final String code;

    public ApiException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
