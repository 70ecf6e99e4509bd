package dev.parley.web.api;

import org.springframework.http.HttpStatus;

/** A request the console refuses, with the status and the {@link ApiError} it answers. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

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

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
