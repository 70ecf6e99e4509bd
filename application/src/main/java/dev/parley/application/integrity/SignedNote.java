package dev.parley.application.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more signature
 * lines. Parsing follows golang.org/x/mod/sumdb/note's {@code Open}: UTF-8, no control character but the newline, the
 * text separated from the signatures by the last blank line, at most {@value #MAX_SIGNATURES} signatures.
 *
 * @param text       the note's text, ending in a newline
 * @param signatures its signature lines
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** The most signature lines a note may carry. */
    public static final int MAX_SIGNATURES = 100;

    /** What a note holds from one key. */
    public enum Check {
        /** At least one signature of the key, and every one of its signatures, verifies. */
        VERIFIED,
        /** No signature line names the key (same name and key ID). */
        ABSENT,
        /** A signature line names the key but does not verify: the note must be rejected. */
        FAILED
    }

    /**
     * Checks the text and copies the signatures.
     *
     * @param text the note's text, ending in a newline
     * @param signatures its signature lines
     * @throws MalformedNoteException if the text is empty or does not end in a newline
     */
    public SignedNote {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNoteException("a note's text ends with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    /**
     * Parses a signed note from its bytes.
     *
     * @param bytes the note, UTF-8
     * @return the note
     * @throws MalformedNoteException if the bytes are not UTF-8 or not a signed note
     */
    public static SignedNote parse(byte[] bytes) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                               .onUnmappableCharacter(CodingErrorAction.REPORT)
                                               .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedNoteException("a signed note is UTF-8 text");
        }
    }

    /**
     * Parses a signed note.
     *
     * @param message the note's text, blank line and signature lines
     * @return the note
     * @throws MalformedNoteException if it is not a signed note
     */
    public static SignedNote parse(String message) {
        if (message.codePoints().anyMatch(c -> (c < 0x20 && c != '\n') || Character.getType(c) == Character.SURROGATE)) {
            throw new MalformedNoteException("a signed note has no control characters but newlines");
        }
        int split = message.lastIndexOf("\n\n");
        if (split < 0) {
            throw new MalformedNoteException("a signed note has a blank line between its text and its signatures");
        }
        String text = message.substring(0, split + 1);
        String lines = message.substring(split + 2);
        if (lines.isEmpty() || !lines.endsWith("\n")) {
            throw new MalformedNoteException("a signed note ends with signature lines, each ending with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new MalformedNoteException("a signed note has at most " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(signatureLine(line));
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature signatureLine(String line) {
        String malformed = "not a signature line (\u2014 name base64): " + line;
        if (!line.startsWith("\u2014 ")) {
            throw new MalformedNoteException(malformed);
        }
        String rest = line.substring(2);
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new MalformedNoteException(malformed);
        }
        String name = rest.substring(0, space);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException(malformed);
        }
        if (!NoteSignature.validName(name) || decoded.length < 5) {
            throw new MalformedNoteException(malformed);
        }
        return new NoteSignature(name, ByteBuffer.wrap(decoded).getInt(), Arrays.copyOfRange(decoded, 4,
                                                                                             decoded.length));
    }

    /**
     * The note as text: its text, a blank line, its signature lines.
     *
     * @return the note's text form
     */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    /**
     * This note with {@code signature} added, replacing any earlier one by the same key (name and key ID).
     *
     * @param signature the signature line to add
     * @return the new note
     */
    public SignedNote withSignature(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures.stream().filter(
                line -> !(line.name().equals(signature.name()) && line.keyId() == signature.keyId())).toList());
        all.add(signature);
        return new SignedNote(text, all);
    }

    /**
     * The note's signatures by {@code key}, and whether they verify. Signatures of other keys are ignored.
     *
     * @param key the key asked about
     * @return what the note holds from it
     */
    public Check check(VerifierKey key) {
        boolean any = false;
        for (NoteSignature signature : signatures) {
            if (key.names(signature)) {
                if (!key.verifies(text, signature.signature())) {
                    return Check.FAILED;
                }
                any = true;
            }
        }
        return any ? Check.VERIFIED : Check.ABSENT;
    }

    /**
     * How many distinct keys of {@code keys} verifiably signed the note, or -1 when a signature line names one of
     * them and fails (a tampered signature, and so a note to reject).
     *
     * @param keys the keys trusted
     * @return the number of keys, or -1
     */
    public int verifiedBy(Collection<VerifierKey> keys) {
        int verified = 0;
        for (VerifierKey key : keys.stream().distinct().toList()) {
            Check check = check(key);
            if (check == Check.FAILED) {
                return -1;
            }
            if (check == Check.VERIFIED) {
                verified++;
            }
        }
        return verified;
    }

    /** A note that is not a signed note; its message says which rule it breaks. */
    public static final class MalformedNoteException extends IllegalArgumentException {
        /**
         * A note that breaks a rule.
         *
         * @param message the rule it breaks
         */
        public MalformedNoteException(String message) {
            super(message);
        }
    }
}
