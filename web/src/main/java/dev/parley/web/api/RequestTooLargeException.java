package dev.parley.web.api;

import java.io.IOException;

/** A request body longer than the console accepts. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
