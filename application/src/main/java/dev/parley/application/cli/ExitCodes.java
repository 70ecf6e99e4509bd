package dev.parley.application.cli;

/** The one place that says what each exit status of {@code parley} means. */
final class ExitCodes {

    /** Everything asked was done. */
    static final int OK = 0;
    /** The input file is unreadable, the store unusable, or the command line wrong. */
    static final int FAILURE = 1;
    /** Some commands were rejected; the others were applied. */
    static final int REJECTED = 2;
    /** The history was altered, deleted, reordered or inserted into; or a proof does not hold. */
    static final int TAMPERED = 3;
    /** A replay rebuilt read models that differ from what they held. */
    static final int DIFFERENT = 4;

    private ExitCodes() {
    }
}
