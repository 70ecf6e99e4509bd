package dev.parley.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.SignedCheckpoint;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.projections.json.ParleyJson;

/**
 * The latest checkpoint: its tree size and root, and {@code note}, the checkpoint exactly as {@code parley
 * checkpoint} wrote it, which {@code parley verify-proof} takes as its CHECKPOINT file.
 *
 * @param treeSize how many events the checkpoint covers
 * @param rootHash the Merkle tree's root over them, in hex
 * @param origin   the signed note's origin line, or null for a checkpoint in the older JSON form
 * @param note     the checkpoint's text, as a checkpoint file holds it
 */
public record CheckpointView(long treeSize, String rootHash, String origin, String note) {

    /**
     * The view of {@code checkpoint}.
     *
     * @param checkpoint a signed checkpoint, as a signed note or in the older JSON form
     * @return its size, root, origin and text
     */
    public static CheckpointView of(SignedTreeHead checkpoint) {
        String origin = checkpoint instanceof SignedCheckpoint signed ? signed.checkpoint().origin() : null;
        return new CheckpointView(checkpoint.treeSize(), Hashes.hex(checkpoint.root()), origin, text(checkpoint));
    }

    static String text(SignedTreeHead checkpoint) {
        if (checkpoint instanceof SignedCheckpoint signed) {
            return signed.format();
        }
        try {
            return ParleyJson.mapper().writeValueAsString(checkpoint) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
