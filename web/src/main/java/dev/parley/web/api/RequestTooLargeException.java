package dev.parley.web.api;

import java.io.IOException;

/** A request body longer than the console accepts. */
public class RequestTooLargeException extends IOException {

    /**
     * A body that ran past {@code limit} bytes.
     *
     * @param limit the largest body accepted, in bytes, which the message names
     */
    public RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
