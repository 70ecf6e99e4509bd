package dev.parley.web.api;

import dev.parley.application.commandfile.Rejection;

/** A rejected command in the contract's form: {@code {"line","command","code","message"}}. */
public record RejectionView(int line, String command, String code, String message) {

    public static RejectionView of(Rejection rejection) {
        return new RejectionView(rejection.line(), rejection.command(), rejection.code().name(), rejection.message());
    }
}
