package dev.parley.cli;

import dev.parley.application.commandfile.CommandFileException;
import dev.parley.application.commandfile.LineNotStoredException;
import dev.parley.application.integrity.Integrity;
import dev.parley.application.integrity.KeySource;
import dev.parley.application.storage.StoreUnusableException;
import dev.parley.shared.api.DomainRuleException;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** The one place that says what each exit status of {@code parley} means, and how a failure is put to the user. */
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

    /** Input or a command line that cannot be used, told in one sentence: exit {@link #FAILURE}. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * A failure a command reports itself: its code (what {@code --json} prints as {@code code}), its sentence, and
     * the exit status it ends the command with.
     */
    static final class Failure extends RuntimeException {

        private final String code;
        private final int exitStatus;

        Failure(String code, String message, int exitStatus) {
            super(message);
            this.code = code;
            this.exitStatus = exitStatus;
        }

        String code() {
            return code;
        }

        int exitStatus() {
            return exitStatus;
        }
    }

    /** The exit status a failure ends its command with. */
    static int status(Throwable error) {
        return error instanceof Failure failure ? failure.exitStatus() : FAILURE;
    }

    /**
     * The code of a failure, as {@code --json} reports it beside the sentence: the contract's code of a rule that was
     * broken (DOMAIN.md), otherwise one of the command line's own (docs/cli-json.md).
     */
    static String code(Throwable error) {
        if (error instanceof Failure failure) {
            return failure.code();
        }
        if (error instanceof DomainRuleException invalid) {
            return invalid.code().name();
        }
        if (error instanceof picocli.CommandLine.ParameterException || error instanceof UsageException) {
            return "INVALID_ARGUMENT";
        }
        if (error instanceof LineNotStoredException) {
            return "LINE_NOT_STORED";
        }
        if (error instanceof KeySource.KeyUnusableException) {
            return "KEY_UNUSABLE";
        }
        if (error instanceof Integrity.OriginMismatchException) {
            return "ORIGIN_MISMATCH";
        }
        if (error instanceof StoreUnusableException) {
            return "STORE_UNUSABLE";
        }
        if (error instanceof CommandFileException) {
            return "FILE_UNREADABLE";
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Output.WriteFailedException) {
                return "OUTPUT_FAILED";
            }
            if (cause instanceof FileSystemException || cause instanceof CharacterCodingException) {
                return "FILE_UNREADABLE";
            }
        }
        return "FAILED";
    }

    /** {@code {"code","message"}}: a failure as {@code --json} prints it, one line. */
    static String json(String code, String message) {
        java.util.Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Json.write(error);
    }

    /** The sentence that reports a command's failure (exit {@link #FAILURE}), without a stack trace. */
    static String explain(Throwable error) {
        if (error instanceof LineNotStoredException stopped) {
            String sofar = stopped.storedLines() == 0 ? "no lines"
                    : stopped.storedLines() + (stopped.storedLines() == 1 ? " line" : " lines") + ", the last line "
                    + stopped.lastStoredLine();
            return "cannot store line " + stopped.line() + " (" + stopped.command() + "): "
                    + (stopped.why() != null ? stopped.why() : reason(stopped.getCause()))
                    + (stopped.resumable() ? ". This run stored " + sofar + "; once the cause is fixed, run the same "
                    + "file again to resume: the lines already stored are skipped."
                    : ". It came after " + sofar + " accepted.");
        }
        if (error instanceof DomainRuleException || error instanceof Failure) {
            return error.getMessage();
        }
        if (error instanceof KeySource.KeyUnusableException || error instanceof Integrity.OriginMismatchException
                || error instanceof UsageException) {
            return error.getMessage();
        }
        if (error instanceof StoreUnusableException || error instanceof CommandFileException) {
            String full = fullOrNull(error);
            return full != null ? error.getMessage() + " (" + full + ")" : error.getMessage();
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Output.WriteFailedException) {
                return cause.getMessage();
            }
        }
        return "failed: " + reason(error);
    }

    /**
     * Why something failed, in a few plain words: the causes users can act on (a full disk, a denied permission, a
     * missing file, text that is not UTF-8) by name, otherwise the innermost cause's first line.
     */
    static String reason(Throwable error) {
        String full = fullOrNull(error);
        if (full != null) {
            return full;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AccessDeniedException denied) {
                return "permission denied: " + denied.getFile();
            }
            if (cause instanceof NoSuchFileException missing) {
                return "no such file: " + missing.getFile();
            }
            if (cause instanceof FileSystemException other && other.getReason() != null) {
                return other.getReason().toLowerCase(Locale.ROOT) + ": " + other.getFile();
            }
            if (cause instanceof CharacterCodingException) {
                return "the file is not UTF-8 text";
            }
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("permission denied")) {
                return "permission denied (" + firstLine(message) + ")";
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    /**
     * "no space left on device" when anything in the chain says the disk is full: the JDK's IOException carries the
     * system's words, H2 wraps them in "Writing to ... failed".
     */
    private static String fullOrNull(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("No space left on device")
                    || message.contains("not enough space on the disk") || message.contains("Disk quota exceeded"))) {
                return "no space left on device";
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message).strip();
    }
}
