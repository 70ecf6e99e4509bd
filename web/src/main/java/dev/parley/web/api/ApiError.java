package dev.parley.web.api;

/** Every error the console answers: an upper-case code (the contract's, where one applies) and one sentence. */
public record ApiError(String code, String message) {
}
