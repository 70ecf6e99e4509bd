package dev.parley.web.api;

import org.springframework.http.HttpStatus;

/** A request the console refuses, with the status and the {@link ApiError} it answers. */
public class ApiException extends RuntimeException {

    /** The status the console answers with, a 4xx or 503. */
    private final HttpStatus status;
    /** The error code of the {@link ApiError} answered, such as {@code NOT_FOUND}. */
    private final String code;

    /**
     * A refusal answered with {@code status} and {@code {"code","message"}}.
     *
     * @param status  the status to answer with
     * @param code    the error code, such as {@code INVALID_COMMAND} or {@code NOT_FOUND}
     * @param message what is wrong and, where there is one, the fix, in a sentence
     */
    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_COMMAND", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    /** @return the status the console answers with */
    public HttpStatus status() {
        return status;
    }

    /** @return the error code of the {@link ApiError} answered */
    public String code() {
        return code;
    }
}
