package dev.parley.application.integrity;

/**
 * A checkpoint and the signed note that carries it: the log's signature and any witnesses' cosignatures.
 *
 * @param checkpoint the checkpoint
 * @param note       the signed note whose text is the checkpoint's
 */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) implements SignedTreeHead {

    /**
     * Checks that the note carries the checkpoint.
     *
     * @param checkpoint the checkpoint
     * @param note the signed note whose text is the checkpoint's
     * @throws IllegalArgumentException if the note's text is another
     */
    public SignedCheckpoint {
        if (!checkpoint.text().equals(note.text())) {
            throw new IllegalArgumentException("the note does not carry this checkpoint");
        }
    }

    /**
     * Parses a signed note whose text is a checkpoint.
     *
     * @param text the signed note
     * @return the signed checkpoint
     * @throws SignedNote.MalformedNoteException if the text is not a signed note of a checkpoint
     */
    public static SignedCheckpoint parse(String text) {
        SignedNote note = SignedNote.parse(text);
        try {
            return new SignedCheckpoint(Checkpoint.parse(note.text()), note);
        } catch (IllegalArgumentException e) {
            throw new SignedNote.MalformedNoteException("the note is not a checkpoint: " + e.getMessage());
        }
    }

    /**
     * Signs {@code checkpoint} with a log key.
     *
     * @param checkpoint the checkpoint
     * @param logKey the log's Ed25519 note key
     * @return the signed checkpoint
     */
    public static SignedCheckpoint sign(Checkpoint checkpoint, NoteSigningKey logKey) {
        return new SignedCheckpoint(checkpoint, logKey.signNote(checkpoint.text()));
    }

    /**
     * This checkpoint with a witness's cosignature, made at {@code timestamp} (POSIX seconds), added.
     *
     * @param witnessKey the witness's cosignature key
     * @param timestamp the cosignature's time
     * @return the new signed checkpoint
     */
    public SignedCheckpoint cosignedBy(NoteSigningKey witnessKey, long timestamp) {
        return new SignedCheckpoint(checkpoint, note.withSignature(witnessKey.cosign(note.text(), timestamp)));
    }

    /**
     * The signed note's text form.
     *
     * @return the checkpoint, a blank line and the signature lines
     */
    public String format() {
        return note.format();
    }

    @Override
    public long treeSize() {
        return checkpoint.treeSize();
    }

    @Override
    public byte[] root() {
        return checkpoint.rootHash();
    }
}
