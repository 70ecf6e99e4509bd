package dev.parley.application.integrity;

import java.util.List;

/**
 * Proof that one event is leaf {@code leafIndex} of the tree a checkpoint signed: the event's canonical leaf input
 * (base64), its leaf hash, and the RFC 6962 audit path, all checkable with no database.
 *
 * @param position the event's global position
 * @param aggregateId its aggregate's id
 * @param sequence its sequence number in its stream
 * @param leafIndex its leaf index in the tree
 * @param treeSize the size of the tree the checkpoint signed
 * @param rootHash that tree's root hash, hex
 * @param leafHash the event's leaf hash, hex
 * @param leafInput the event's canonical encoding, base64
 * @param auditPath the audit path, hex hashes from the leaf up
 */
public record InclusionProof(long position,
                             String aggregateId,
                             long sequence,
                             long leafIndex,
                             long treeSize,
                             String rootHash,
                             String leafHash,
                             String leafInput,
                             List<String> auditPath) {
}
