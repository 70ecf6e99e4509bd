package dev.parley.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.application.integrity.Hashes;
import dev.parley.application.integrity.SignedCheckpoint;
import dev.parley.application.integrity.SignedTreeHead;
import dev.parley.projections.json.ParleyJson;

/**
 * The latest checkpoint: its tree size and root, and {@code note}, the checkpoint exactly as {@code parley
 * checkpoint} wrote it, which {@code parley verify-proof} takes as its CHECKPOINT file.
 */
public record CheckpointView(long treeSize, String rootHash, String origin, String note) {

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
