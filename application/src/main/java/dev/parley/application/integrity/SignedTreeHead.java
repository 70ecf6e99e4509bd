package dev.parley.application.integrity;

import dev.parley.application.serialization.JsonMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.projections.json.ParleyJson;

/**
 * A signed head of the event tree, as a checkpoint file or the store's checkpoint table holds it: a C2SP signed-note
 * checkpoint ({@link SignedCheckpoint}), or the JSON form of earlier versions ({@link LegacyCheckpoint}).
 */
public sealed interface SignedTreeHead permits SignedCheckpoint, LegacyCheckpoint {

    /**
     * The number of events the tree holds.
     *
     * @return the tree size
     */
    long treeSize();

    /**
     * The RFC 6962 root of the tree, 32 bytes.
     *
     * @return the root hash
     */
    byte[] root();

    /**
     * Reads either form: JSON when it begins with "{", else a signed note.
     *
     * @param text a checkpoint in either form
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is neither form
     */
    static SignedTreeHead parse(String text) {
        if (text.stripLeading().startsWith("{")) {
            try {
                LegacyCheckpoint legacy = ParleyJson.mapper().readValue(text, LegacyCheckpoint.class);
                if (legacy.rootHash() == null || legacy.publicKey() == null || legacy.signature() == null) {
                    throw new IllegalArgumentException("not a checkpoint: a JSON checkpoint has treeSize, rootHash, "
                                                               + "time, publicKey and signature");
                }
                legacy.root();
                return legacy;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a checkpoint: " + JsonMessages.plain(e), e);
            }
        }
        return SignedCheckpoint.parse(text);
    }
}
