package dev.parley.application.integrity;

/**
 * A checkpoint and the signed note that carries it: the log's signature and any witnesses' cosignatures.
 */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) implements SignedTreeHead {

    public SignedCheckpoint {
        if (!checkpoint.text().equals(note.text())) {
            throw new IllegalArgumentException("the note does not carry this checkpoint");
        }
    }

    /** Parses a signed note whose text is a checkpoint. */
    public static SignedCheckpoint parse(String text) {
        SignedNote note = SignedNote.parse(text);
        try {
            return new SignedCheckpoint(Checkpoint.parse(note.text()), note);
        } catch (IllegalArgumentException e) {
            throw new SignedNote.MalformedNoteException("the note is not a checkpoint: " + e.getMessage());
        }
    }

    /** Signs {@code checkpoint} with a log key. */
    public static SignedCheckpoint sign(Checkpoint checkpoint, NoteSigningKey logKey) {
        return new SignedCheckpoint(checkpoint, logKey.signNote(checkpoint.text()));
    }

    /** This checkpoint with a witness's cosignature, made at {@code timestamp} (POSIX seconds), added. */
    public SignedCheckpoint cosignedBy(NoteSigningKey witnessKey, long timestamp) {
        return new SignedCheckpoint(checkpoint, note.withSignature(witnessKey.cosign(note.text(), timestamp)));
    }

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
