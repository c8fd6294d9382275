package io.signflow.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the admin and signer JSON APIs as problem details: our own refusals with their status,
 * Spring's (bad JSON, validation) as Spring describes them, anything else as a bare 500 with no
 * internals. The ESS endpoint never gets here: its gateway answers everything itself.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.code() != null) {
            problem.setProperty("code", e.code());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        log.error("Request failed", e);
        HttpStatus status = Failures.isDatabaseUnavailable(e) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status,
                status == HttpStatus.SERVICE_UNAVAILABLE ? "The database is unavailable; try again shortly."
                        : "An internal error occurred."));
    }
}
