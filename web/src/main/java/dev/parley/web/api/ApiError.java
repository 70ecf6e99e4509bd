package dev.parley.web.api;

/**
 * Every error the console answers: an upper-case code (the contract's, where one applies) and one sentence.
 *
 * @param code    the error code, such as {@code NOT_FOUND}
 * @param message what is wrong, in one sentence
 */
public record ApiError(String code, String message) {
}
